import { describe, expect, it } from "vitest";
import { GraphError, createTemplateRequest, templateSendComponent } from "@openwaba/contracts";
import { renderTemplate } from "./template-parameters";

const approved = (components: unknown[], parameter_format: "positional" | "named" = "positional") => ({
  parameter_format,
  components: createTemplateRequest.parse({ name: "t", language: "en", category: "UTILITY", components }).components,
});
const send = (components: unknown[]) => components.map((c) => templateSendComponent.parse(c));
const text = (t: string) => ({ type: "text", text: t });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as GraphError).code;
  }
  return null;
};

const orderUpdate = approved([
  { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#1"] } },
  { type: "BODY", text: "Hi {{1}}, order {{2}} ships today.", example: { body_text: [["A", "B"]] } },
  { type: "FOOTER", text: "Lucky Shrub" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "URL", text: "Track", url: "https://x.y/t/{{1}}", example: ["1"] },
      { type: "QUICK_REPLY", text: "Stop" },
    ],
  },
]);

describe("sending a template", () => {
  it("renders header, body, footer and buttons from the parameters", () => {
    const r = renderTemplate(
      orderUpdate,
      send([
        { type: "header", parameters: [text("#860198")] },
        {
          type: "body",
          parameters: [
            text("Pablo"),
            { type: "currency", currency: { fallback_value: "$10.99", code: "USD", amount_1000: 10990 } },
          ],
        },
        { type: "button", sub_type: "url", index: "0", parameters: [text("860 198")] },
        { type: "button", sub_type: "quick_reply", index: 1, parameters: [{ type: "payload", payload: "STOP_ALL" }] },
      ]),
    );
    expect(r).toEqual({
      header: { format: "TEXT", text: "Order #860198" },
      body: "Hi Pablo, order $10.99 ships today.",
      footer: "Lucky Shrub",
      buttons: [
        { type: "url", text: "Track", url: "https://x.y/t/860%20198" },
        { type: "quick_reply", text: "Stop", payload: "STOP_ALL" },
      ],
    });
  });
  it("counts parameters on both sides: 132000 for too few or too many", () => {
    const base = [
      { type: "header", parameters: [text("#1")] },
      { type: "button", sub_type: "url", index: 0, parameters: [text("1")] },
    ];
    expect(code(() => renderTemplate(orderUpdate, send([...base, { type: "body", parameters: [text("a")] }])))).toBe(
      132000,
    );
    expect(
      code(() =>
        renderTemplate(orderUpdate, send([...base, { type: "body", parameters: [text("a"), text("b"), text("c")] }])),
      ),
    ).toBe(132000);
    expect(
      code(() => renderTemplate(orderUpdate, send([...base, { type: "body", parameters: [text("a"), text("b")] }]))),
    ).toBeNull();
    expect(code(() => renderTemplate(orderUpdate, send([{ type: "body", parameters: [text("a"), text("b")] }])))).toBe(
      132000,
    ); // header and URL missing
  });
  it("refuses parameters of the wrong kind (132012) and bad characters (132007)", () => {
    const image = approved([
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::a"] } },
      { type: "BODY", text: "A picture for you today" },
    ]);
    expect(code(() => renderTemplate(image, send([{ type: "header", parameters: [text("x")] }])))).toBe(132012);
    expect(
      renderTemplate(
        image,
        send([{ type: "header", parameters: [{ type: "image", image: { link: "https://x.y/a.png" } }] }]),
      ).header,
    ).toEqual({ format: "IMAGE", media: { link: "https://x.y/a.png" } });
    const body = (v: string) => () =>
      renderTemplate(
        approved([{ type: "BODY", text: "Hello {{1}} and welcome", example: { body_text: [["a"]] } }]),
        send([{ type: "body", parameters: [text(v)] }]),
      );
    expect(code(body("two\nlines"))).toBe(132007);
    expect(code(body("five     spaces"))).toBe(132007);
    expect(code(body("four    spaces"))).toBeNull();
  });
  it("keeps the hydrated body within 1024 characters (132005), on both sides", () => {
    const tpl = approved([{ type: "BODY", text: "Hello {{1}} and welcome", example: { body_text: [["a"]] } }]);
    const fixed = "Hello  and welcome".length;
    expect(
      renderTemplate(tpl, send([{ type: "body", parameters: [text("x".repeat(1024 - fixed))] }])).body,
    ).toHaveLength(1024);
    expect(
      code(() => renderTemplate(tpl, send([{ type: "body", parameters: [text("x".repeat(1025 - fixed))] }]))),
    ).toBe(132005);
  });
  it("matches named parameters by name", () => {
    const tpl = approved(
      [
        {
          type: "BODY",
          text: "Hi {{first_name}}, order {{order_id}} is ready",
          example: {
            body_text_named_params: [
              { param_name: "first_name", example: "A" },
              { param_name: "order_id", example: "1" },
            ],
          },
        },
      ],
      "named",
    );
    expect(
      renderTemplate(
        tpl,
        send([
          {
            type: "body",
            parameters: [
              { ...text("42"), parameter_name: "order_id" },
              { ...text("Ann"), parameter_name: "first_name" },
            ],
          },
        ]),
      ).body,
    ).toBe("Hi Ann, order 42 is ready");
    expect(
      code(() =>
        renderTemplate(
          tpl,
          send([
            {
              type: "body",
              parameters: [
                { ...text("x"), parameter_name: "nope" },
                { ...text("y"), parameter_name: "first_name" },
              ],
            },
          ]),
        ),
      ),
    ).toBe(132000);
  });
  it("writes the authentication text around the code, with the same code on the button", () => {
    const auth = {
      parameter_format: "positional" as const,
      components: createTemplateRequest.parse({
        name: "otp",
        language: "en",
        category: "AUTHENTICATION",
        components: [
          { type: "BODY", add_security_recommendation: true },
          { type: "FOOTER", code_expiration_minutes: 10 },
          { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] },
        ],
      }).components,
    };
    const r = renderTemplate(
      auth,
      send([
        { type: "body", parameters: [text("123456")] },
        { type: "button", sub_type: "url", index: 0, parameters: [text("123456")] },
      ]),
    );
    expect(r.body).toBe("123456 is your verification code. For your security, do not share this code.");
    expect(r.footer).toBe("This code expires in 10 minutes.");
    expect(r.buttons).toEqual([{ type: "otp", text: "Copy code", code: "123456" }]);
    expect(
      code(() =>
        renderTemplate(
          auth,
          send([
            { type: "body", parameters: [text("123456")] },
            { type: "button", sub_type: "url", index: 0, parameters: [text("999999")] },
          ]),
        ),
      ),
    ).toBe(131009);
  });
});
