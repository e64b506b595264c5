import { describe, expect, it } from "vitest";
import { createTemplateRequest, editTemplateRequest } from "@openwaba/contracts";
import { templateProblem } from "../../../../packages/platform/src/rules/template-structure";
import {
  EMPTY_TEMPLATE,
  addableButtons,
  componentsOf,
  createRequestOf,
  draftOf,
  editRequestOf,
  newButton,
  previewOf,
  refusalOf,
  withButton,
  type TemplateDraft,
} from "./template-draft";
import type { Template } from "./template-text";

// The console's template form makes the components JSON itself: each draft here must come out
// as Meta's shape, pass the platform's own contract and structural rules, and read back the same.
const draft = (d: Partial<TemplateDraft>): TemplateDraft => ({ ...structuredClone(EMPTY_TEMPLATE), ...d });
/** The platform's verdict on a create request: its contract first, then its rules (null: accepted). */
function platformVerdict(req: ReturnType<typeof createRequestOf>) {
  const parsed = createTemplateRequest.parse(req);
  return templateProblem({
    category: parsed.category,
    parameter_format: parsed.parameter_format,
    components: parsed.components,
  });
}
const asListed = (req: ReturnType<typeof createRequestOf>, status = "APPROVED"): Template => ({
  id: "1",
  name: req.name,
  language: req.language,
  category: req.category,
  status,
  parameter_format: req.parameter_format === "named" ? "NAMED" : "POSITIONAL",
  components: req.components as Template["components"],
});

const order = draft({
  name: "order_shipped",
  language: "pl",
  category: "UTILITY",
  header: { format: "TEXT", text: "Order {{1}}", example: "#860198", handle: "", sample: "" },
  body: "Hi {{1}}, your order {{2}} is on its way.",
  examples: { 1: "Ola", 2: "860198" },
  footer: "Lucky Shrub",
  buttons: [
    { type: "QUICK_REPLY", text: "Thanks" },
    { type: "URL", text: "Track it", url: "https://shop.test/track/{{1}}", example: "860198" },
    { type: "PHONE_NUMBER", text: "Call us", phone_number: "+48 600 100 200" },
    { type: "COPY_CODE", example: "THANKS10" },
  ],
});

describe("the components a template draft makes", () => {
  it("writes a text header with its example, the body's examples, the footer and each kind of button as Meta takes them", () => {
    expect(componentsOf(order)).toEqual([
      { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#860198"] } },
      { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way.", example: { body_text: [["Ola", "860198"]] } },
      { type: "FOOTER", text: "Lucky Shrub" },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Thanks" },
          {
            type: "URL",
            text: "Track it",
            url: "https://shop.test/track/{{1}}",
            example: ["https://shop.test/track/860198"],
          },
          { type: "PHONE_NUMBER", text: "Call us", phone_number: "+48600100200" },
          { type: "COPY_CODE", example: "THANKS10" },
        ],
      },
    ]);
    expect(platformVerdict(createRequestOf(order))).toBeNull();
  });

  it("puts a media header's sample handle in example.header_handle, and leaves out what is empty", () => {
    const d = draft({
      name: "new_shoes",
      category: "MARKETING",
      header: { format: "IMAGE", text: "", example: "", handle: "4::bWVkaWE6MQ", sample: "shoes.png" },
      body: "Our new shoes are in the shop this week.",
    });
    expect(componentsOf(d)).toEqual([
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::bWVkaWE6MQ"] } },
      { type: "BODY", text: "Our new shoes are in the shop this week." },
    ]);
    expect(platformVerdict(createRequestOf(d))).toBeNull();
    // Without a sample the platform says what is missing, in Meta's words.
    const noSample = draft({ ...d, header: { ...d.header, handle: "" } });
    expect(platformVerdict(createRequestOf(noSample))).toMatchObject({
      subcode: 2388042,
      title: "Header sample required",
    });
  });

  it("writes a URL without a variable with no example", () => {
    const d = draft({
      body: "See what is new in the shop this week.",
      buttons: [{ type: "URL", text: "Open", url: " https://shop.test/new ", example: "ignored" }],
    });
    expect(componentsOf(d)[1]).toEqual({
      type: "BUTTONS",
      buttons: [{ type: "URL", text: "Open", url: "https://shop.test/new" }],
    });
  });

  it("makes a NAMED template when the variables have names", () => {
    const d = draft({
      name: "hello_named",
      body: "Hi {{first_name}}, your table for {{guests}} is booked.",
      examples: { first_name: "Ola", guests: "4" },
    });
    const req = createRequestOf(d);
    expect(req.parameter_format).toBe("named");
    expect(req.components[0]).toEqual({
      type: "BODY",
      text: "Hi {{first_name}}, your table for {{guests}} is booked.",
      example: {
        body_text_named_params: [
          { param_name: "first_name", example: "Ola" },
          { param_name: "guests", example: "4" },
        ],
      },
    });
    expect(platformVerdict(req)).toBeNull();
  });

  it("writes an authentication template in Meta's shape: no text, the security line, the code's expiry and one OTP button", () => {
    const copy = draft({
      name: "login_code",
      category: "AUTHENTICATION",
      auth: { ...EMPTY_TEMPLATE.auth, otp: "COPY_CODE", securityRecommendation: true, expirationMinutes: "10" },
    });
    expect(componentsOf(copy)).toEqual([
      { type: "BODY", add_security_recommendation: true },
      { type: "FOOTER", code_expiration_minutes: 10 },
      { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] },
    ]);
    expect(platformVerdict(createRequestOf(copy))).toBeNull();

    const oneTap = draft({
      ...copy,
      auth: {
        ...copy.auth,
        otp: "ONE_TAP",
        securityRecommendation: false,
        expirationMinutes: "",
        packageName: "com.shop.app",
        signatureHash: "K8a/AINcGX7",
      },
    });
    expect(componentsOf(oneTap)).toEqual([
      { type: "BODY" },
      {
        type: "BUTTONS",
        buttons: [
          {
            type: "OTP",
            otp_type: "ONE_TAP",
            text: "Copy code",
            autofill_text: "Autofill",
            supported_apps: [{ package_name: "com.shop.app", signature_hash: "K8a/AINcGX7" }],
          },
        ],
      },
    ]);
    expect(platformVerdict(createRequestOf(oneTap))).toBeNull();
    // The body's text and variables of a draft don't leak into an authentication template.
    expect(componentsOf(draft({ ...copy, body: "Hi {{1}}", footer: "x" }))).toEqual(componentsOf(copy));
  });
});

describe("a listed template back in the form", () => {
  it("reads back every field, so an unchanged edit sends the same components", () => {
    for (const d of [
      order,
      draft({
        name: "hello_named",
        body: "Hi {{first_name}}, your table is booked today.",
        examples: { first_name: "Ola" },
      }),
      draft({
        name: "login_code",
        category: "AUTHENTICATION",
        auth: { ...EMPTY_TEMPLATE.auth, otp: "ONE_TAP", packageName: "com.shop.app", signatureHash: "K8a/AINcGX7" },
      }),
    ]) {
      const listed = asListed(createRequestOf(d));
      expect(componentsOf(draftOf(listed))).toEqual(listed.components);
    }
    const back = draftOf(asListed(createRequestOf(order)));
    expect(back.buttons[1]).toEqual({
      type: "URL",
      text: "Track it",
      url: "https://shop.test/track/{{1}}",
      example: "860198",
    });
    expect(back.header).toMatchObject({ format: "TEXT", text: "Order {{1}}", example: "#860198" });
  });

  it("sends the category in an edit only when it changes, and the platform's edit contract takes it", () => {
    const t = asListed(createRequestOf(order), "REJECTED");
    const same = editRequestOf(draftOf(t), t);
    expect(same).not.toHaveProperty("category");
    expect(() => editTemplateRequest.parse(same)).not.toThrow();
    expect(editRequestOf({ ...draftOf(t), category: "MARKETING" }, t).category).toBe("MARKETING");
  });
});

describe("buttons", () => {
  it("keeps quick replies together, as Meta requires", () => {
    let b = withButton([], newButton("URL"));
    b = withButton(b, { type: "QUICK_REPLY", text: "a" });
    b = withButton(b, newButton("PHONE_NUMBER"));
    b = withButton(b, { type: "QUICK_REPLY", text: "b" });
    expect(b.map((x) => x.type)).toEqual(["QUICK_REPLY", "QUICK_REPLY", "URL", "PHONE_NUMBER"]);
  });

  it("offers only the kinds still allowed: two URLs, one phone, one offer code, ten in all", () => {
    const two = [newButton("URL"), newButton("URL"), newButton("PHONE_NUMBER")];
    expect(addableButtons(two)).toEqual(["QUICK_REPLY", "COPY_CODE"]);
    expect(addableButtons(Array.from({ length: 10 }, () => newButton("QUICK_REPLY")))).toEqual([]);
  });
});

describe("the preview and the refusal", () => {
  it("shows the message with the examples in place", () => {
    expect(previewOf(order)).toEqual({
      header: "Order #860198",
      body: "Hi Ola, your order 860198 is on its way.",
      footer: "Lucky Shrub",
      buttons: ["Thanks", "Track it", "Call us", "Copy offer code"],
    });
    expect(previewOf(draft({ category: "AUTHENTICATION" })).body).toBe(
      "123456 is your verification code. For your security, do not share this code.",
    );
  });

  it("words a refusal with Meta's title and message for the user", () => {
    const body = {
      error: {
        code: "platform_refused",
        message: "BODY: add an example value",
        graph: {
          code: 100,
          error_subcode: 2388042,
          error_user_title: "Examples required",
          error_user_msg: "BODY: add an example value for each of the 1 variable(s).",
        },
      },
    };
    expect(refusalOf(body, "x")).toEqual({
      title: "Examples required",
      message: "BODY: add an example value for each of the 1 variable(s).",
    });
    expect(refusalOf({ error: { code: "invalid_request", message: "name: too long" } }, "x")).toEqual({
      title: "The template was not accepted",
      message: "name: too long",
    });
    expect(refusalOf(null, "Could not reach the server.")).toEqual({
      title: "The template was not accepted",
      message: "Could not reach the server.",
    });
  });
});
