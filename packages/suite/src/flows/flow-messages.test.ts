import { describe, expect, it } from "vitest";
import { type FlowContext, fillTemplate } from "@openwaba/contracts/suite";
import { choiceMessage, cloudMessage, promptMessage } from "./flow-messages";

const ctx: FlowContext = {
  contact: { name: "Ewa", wa_id: "48600100200", phone: "+48600100200", language: "pl", timezone: null, tags: [] },
  attr: { order_number: "860198" },
  vars: {},
  reply: null,
  event: { carrier: "InPost" },
  http: null,
  now: "2026-12-01T10:00:00.000Z",
};
const options = [
  { id: "yes", title: "Yes" },
  { id: "no", title: "No" },
];

describe("flow messages as Cloud API bodies", () => {
  it("fill variables, with fallbacks for what is missing", () => {
    expect(
      fillTemplate("Hi {{contact.name}}, order {{attr.order_number}} via {{event.carrier}}{{attr.none}}", ctx),
    ).toBe("Hi Ewa, order 860198 via InPost");
    expect(fillTemplate("Hi {{attr.nickname|friend}}", ctx)).toBe("Hi friend");
    expect(cloudMessage({ text: "Hi {{contact.name}}" }, ctx)).toEqual({ type: "text", text: { body: "Hi Ewa" } });
    expect(cloudMessage({ image: { link: "https://shop.example/{{attr.order_number}}.png" } }, ctx)).toEqual({
      type: "image",
      image: { link: "https://shop.example/860198.png" },
    });
  });

  it("make templates from body parameters", () => {
    expect(
      cloudMessage(
        { template: { name: "order_shipped", language: "pl", parameters: ["{{attr.order_number}}", "{{attr.none}}"] } },
        ctx,
      ),
    ).toEqual({
      type: "template",
      template: {
        name: "order_shipped",
        language: { code: "pl" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "860198" },
              { type: "text", text: "-" },
            ],
          },
        ],
      },
    });
  });

  it("show a question's options as buttons, a list when there are many or long ones, or numbered text", () => {
    expect(choiceMessage("Sure?", options, undefined, "en", ctx)).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        action: { buttons: [{ reply: { id: "yes", title: "Yes" } }, { reply: { id: "no" } }] },
      },
    });
    const four = [...options, { id: "maybe", title: "Maybe" }, { id: "later", title: "Later" }];
    expect(choiceMessage("Sure?", four, undefined, "pl", ctx)).toMatchObject({
      type: "interactive",
      interactive: { type: "list", action: { button: "Wybierz", sections: [{ rows: expect.any(Array) }] } },
    });
    expect(
      choiceMessage("Sure?", [{ id: "long", title: "A very long option title" }], undefined, "en", ctx),
    ).toMatchObject({ interactive: { type: "list" } });
    expect(choiceMessage("Sure?", options, "text", "en", ctx)).toEqual({
      type: "text",
      text: { body: "Sure?\n\n1. Yes\n2. No" },
    });
    const ask = {
      type: "ask" as const,
      prompt: { text: "Hi {{contact.name}}, sure?" },
      validate: { type: "choice" as const, options },
    };
    expect(promptMessage(ask, ctx, "en")).toMatchObject({ interactive: { body: { text: "Hi Ewa, sure?" } } });
  });
});
