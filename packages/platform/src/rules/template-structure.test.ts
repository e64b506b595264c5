import { describe, expect, it } from "vitest";
import { createTemplateRequest } from "@openwaba/contracts";
import { templateProblem } from "./template-structure";

const parse = (t: unknown) => createTemplateRequest.parse(t);
const body = (text: string, example?: string[]) => ({
  type: "BODY",
  text,
  ...(example ? { example: { body_text: [example] } } : {}),
});
const tpl = (components: unknown[], category = "UTILITY", extra: Record<string, unknown> = {}) =>
  templateProblem(parse({ name: "t", language: "en_US", category, components, ...extra }));
const qr = (text: string) => ({ type: "QUICK_REPLY", text });
const url = (text: string, u = "https://x.y/a") => ({ type: "URL", text, url: u });

describe("template structure", () => {
  it("accepts the reference's order_update example", () => {
    expect(
      tpl([
        { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#860198"] } },
        body("Hi {{1}}, your order {{2}} ships today from our shop.", ["Pablo", "860198"]),
        { type: "FOOTER", text: "Lucky Shrub" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "URL", text: "Track", url: "https://x.y/t/{{1}}", example: ["860198"] },
            { type: "PHONE_NUMBER", text: "Call", phone_number: "15550051310" },
            qr("Stop"),
          ],
        },
      ]),
    ).toBeNull();
  });
  it("needs exactly one body and at most one of each component", () => {
    expect(tpl([{ type: "FOOTER", text: "f" }])?.title).toBe("Body required");
    expect(tpl([body("Hello there friend"), body("Hello again friend")])?.title).toBe("Duplicate component");
  });
  it("needs one example per variable", () => {
    expect(tpl([body("Hi {{1}}, your order is ready now", ["Ann"])])).toBeNull();
    expect(tpl([body("Hi {{1}}, your order is ready now")])?.title).toBe("Examples required");
    expect(tpl([body("Hi {{1}}, your order is ready now", ["Ann", "extra"])])?.title).toBe(
      "Examples do not match variables",
    );
  });
  it("checks named variables against named examples", () => {
    const named = (params: string[]) =>
      tpl(
        [
          {
            type: "BODY",
            text: "Hi {{first_name}}, your order is ready now",
            example: { body_text_named_params: params.map((p) => ({ param_name: p, example: "x" })) },
          },
        ],
        "UTILITY",
        { parameter_format: "named" },
      );
    expect(named(["first_name"])).toBeNull();
    expect(named(["other"])?.title).toBe("Examples required");
  });
  it("allows one variable in a text header, none in the footer, and no footer equal to the body", () => {
    expect(
      tpl([
        { type: "HEADER", format: "TEXT", text: "{{1}} and {{2}}", example: { header_text: ["a"] } },
        body("A message for you today"),
      ])?.title,
    ).toBe("Too many header variables");
    expect(tpl([body("A message for you today"), { type: "FOOTER", text: "Ref {{1}}" }])?.subcode).toBe(2388073);
    expect(tpl([body("A message for you today"), { type: "FOOTER", text: "A message for you today" }])?.subcode).toBe(
      2388073,
    );
  });
  it("needs a sample for media headers", () => {
    expect(
      tpl([
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1n"] } },
        body("A picture for you today"),
      ]),
    ).toBeNull();
    expect(tpl([{ type: "HEADER", format: "IMAGE" }, body("A picture for you today")])?.title).toBe(
      "Header sample required",
    );
  });
  it("limits buttons by type and keeps quick replies together", () => {
    expect(
      tpl([
        body("Pick one option below please"),
        { type: "BUTTONS", buttons: Array.from({ length: 10 }, (_, i) => qr(`Option ${i}`)) },
      ]),
    ).toBeNull();
    expect(tpl([body("Pick one option below please"), { type: "BUTTONS", buttons: [url("A"), url("B")] }])).toBeNull();
    expect(
      tpl([body("Pick one option below please"), { type: "BUTTONS", buttons: [url("A"), url("B"), url("C")] }])?.title,
    ).toBe("Too many buttons");
    expect(
      tpl([body("Pick one option below please"), { type: "BUTTONS", buttons: [qr("A"), qr("B"), url("C")] }]),
    ).toBeNull();
    expect(
      tpl([body("Pick one option below please"), { type: "BUTTONS", buttons: [qr("A"), url("C"), qr("B")] }])?.title,
    ).toBe("Quick replies must be grouped");
    expect(
      tpl([body("Pick one option below please"), { type: "BUTTONS", buttons: [qr("Same"), qr("Same")] }])?.title,
    ).toBe("Duplicate button text");
  });
  it("allows one trailing variable in a URL button, with an example", () => {
    const b = (u: string, example?: string[]) =>
      tpl([
        body("Track your parcel online today"),
        { type: "BUTTONS", buttons: [{ type: "URL", text: "Track", url: u, ...(example ? { example } : {}) }] },
      ]);
    expect(b("https://x.y/t/{{1}}", ["42"])).toBeNull();
    expect(b("https://x.y/t/{{1}}")?.title).toBe("Examples required");
    expect(b("https://x.y/{{1}}/t", ["42"])?.title).toBe("Invalid URL variable");
  });
  it("keeps OTP buttons and fixed texts to authentication templates", () => {
    const auth = (components: unknown[]) => tpl(components, "AUTHENTICATION");
    expect(
      auth([
        { type: "BODY", add_security_recommendation: true },
        { type: "FOOTER", code_expiration_minutes: 10 },
        { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] },
      ]),
    ).toBeNull();
    expect(auth([body("Your code is here today")])?.title).toBe("Authentication body is fixed");
    expect(auth([{ type: "BODY" }, { type: "BUTTONS", buttons: [qr("x")] }])?.title).toBe("One OTP button required");
    expect(auth([{ type: "BODY" }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "ONE_TAP" }] }])?.title).toBe(
      "Supported apps required",
    );
    expect(
      tpl([body("Your code is here today"), { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] }])
        ?.title,
    ).toBe("OTP buttons are for authentication");
  });
});
