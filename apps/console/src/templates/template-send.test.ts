import { describe, expect, it } from "vitest";
import { templateSendComponent } from "@openwaba/contracts";
import { renderTemplate } from "../../../../packages/platform/src/rules/template-parameters";
import { sendComponentsOf, sendFieldsOf, sentTextOf } from "./template-send";
import type { Template } from "./template-text";

// Sending a template from the thread: the fields it asks for and the components they make, which
// the platform's own send rules must render into the message the customer gets.
const tpl = (category: string, components: Template["components"], parameter_format = "POSITIONAL"): Template => ({
  id: "1",
  name: "t",
  language: "pl",
  status: "APPROVED",
  category,
  parameter_format,
  components,
});
/** What the platform makes of the send (its contract, then its rendering rule). */
const rendered = (t: Template, send: Record<string, unknown>[]) =>
  renderTemplate(
    { parameter_format: t.parameter_format === "NAMED" ? "named" : "positional", components: t.components as any },
    send.map((c) => templateSendComponent.parse(c)),
  );

const shipped = tpl("UTILITY", [
  { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#1"] } },
  { type: "BODY", text: "Hi {{1}}, order {{2}} is on its way.", example: { body_text: [["Ola", "1"]] } },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Thanks" },
      { type: "URL", text: "Track it", url: "https://shop.test/t/{{1}}", example: ["https://shop.test/t/1"] },
      { type: "COPY_CODE", example: "X" },
    ],
  },
]);

describe("sending a template", () => {
  it("asks for the header's variable, the body's, the URL's ending and the offer code", () => {
    expect(sendFieldsOf(shipped).map((f) => [f.key, f.label])).toEqual([
      ["header.1", "Header {{1}}"],
      ["body.1", "{{1}}"],
      ["body.2", "{{2}}"],
      ["button.1", 'Link of "Track it"'],
      ["button.2", "Offer code"],
    ]);
    const values = {
      "header.1": "#860198",
      "body.1": "Ola",
      "body.2": "860198",
      "button.1": "860198",
      "button.2": "THANKS10",
    };
    const send = sendComponentsOf(shipped, values);
    expect(send).toEqual([
      { type: "header", parameters: [{ type: "text", text: "#860198" }] },
      {
        type: "body",
        parameters: [
          { type: "text", text: "Ola" },
          { type: "text", text: "860198" },
        ],
      },
      { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "860198" }] },
      {
        type: "button",
        sub_type: "copy_code",
        index: "2",
        parameters: [{ type: "coupon_code", coupon_code: "THANKS10" }],
      },
    ]);
    expect(rendered(shipped, send)).toMatchObject({
      header: { format: "TEXT", text: "Order #860198" },
      body: "Hi Ola, order 860198 is on its way.",
      buttons: [
        { type: "quick_reply", text: "Thanks" },
        { type: "url", url: "https://shop.test/t/860198" },
        { type: "copy_code", code: "THANKS10" },
      ],
    });
    expect(sentTextOf(shipped, values)).toEqual({
      header: "Order #860198",
      body: "Hi Ola, order 860198 is on its way.",
    });
  });

  it("sends a media header by the uploaded file's id (a document with its name)", () => {
    const doc = tpl("UTILITY", [
      { type: "HEADER", format: "DOCUMENT", example: { header_handle: ["4::x"] } },
      { type: "BODY", text: "Your invoice for this month is attached." },
    ]);
    expect(sendFieldsOf(doc)).toEqual([
      expect.objectContaining({ key: "header.media", kind: "media", label: "Header document" }),
    ]);
    const send = sendComponentsOf(doc, {}, { id: "1234", filename: "invoice.pdf" });
    expect(send).toEqual([
      { type: "header", parameters: [{ type: "document", document: { id: "1234", filename: "invoice.pdf" } }] },
    ]);
    expect(rendered(doc, send).header).toEqual({ format: "DOCUMENT", media: { id: "1234", filename: "invoice.pdf" } });
  });

  it("names the parameters of a NAMED template", () => {
    const t = tpl(
      "UTILITY",
      [
        {
          type: "BODY",
          text: "Hi {{first_name}}, see you soon.",
          example: { body_text_named_params: [{ param_name: "first_name", example: "Ola" }] },
        },
      ],
      "NAMED",
    );
    const send = sendComponentsOf(t, { "body.first_name": "Kasia" });
    expect(send).toEqual([
      { type: "body", parameters: [{ type: "text", text: "Kasia", parameter_name: "first_name" }] },
    ]);
    expect(rendered(t, send).body).toBe("Hi Kasia, see you soon.");
  });

  it("puts an authentication template's one code in its body and its OTP button", () => {
    const t = tpl("AUTHENTICATION", [
      { type: "BODY", add_security_recommendation: true },
      { type: "FOOTER", code_expiration_minutes: 10 },
      { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] },
    ]);
    expect(sendFieldsOf(t).map((f) => f.label)).toEqual(["One-time code"]);
    const send = sendComponentsOf(t, { "body.1": "482913" });
    expect(rendered(t, send)).toMatchObject({
      body: "482913 is your verification code. For your security, do not share this code.",
      footer: "This code expires in 10 minutes.",
      buttons: [{ type: "otp", code: "482913" }],
    });
  });

  it("asks nothing of a template without variables", () => {
    const t = tpl("MARKETING", [{ type: "BODY", text: "Our shop is open again from today." }]);
    expect(sendFieldsOf(t)).toEqual([]);
    expect(sendComponentsOf(t, {})).toEqual([]);
  });
});
