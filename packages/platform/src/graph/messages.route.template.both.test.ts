import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Sending approved templates: parameters checked, the phone shows them rendered, pricing by
// category, and a quick-reply tap comes back as Meta's `button` message.
let s: TestServer;
const ids: Record<string, string> = {};
const create = async (name: string, category: string, components: unknown[]) => {
  const r = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name,
    language: "en_US",
    category,
    components,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
};
beforeAll(async () => {
  s = await startTestServer();
  ids.order = await create("order_update", "UTILITY", [
    { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#1"] } },
    { type: "BODY", text: "Hi {{1}}, your order {{2}} ships today.", example: { body_text: [["A", "B"]] } },
    {
      type: "BUTTONS",
      buttons: [
        { type: "QUICK_REPLY", text: "Thanks" },
        { type: "QUICK_REPLY", text: "Stop" },
      ],
    },
  ]);
  ids.promo = await create("spring_sale", "MARKETING", [
    { type: "BODY", text: "Spring sale: everything 20% off this week only!" },
  ]);
  ids.pending = await create("not_yet", "UTILITY", [{ type: "BODY", text: "Your booking is confirmed for tomorrow." }]);
  for (const id of [ids.order, ids.promo])
    await s.call("POST", `/openwaba/templates/${id}/review`, { event: "APPROVED" });
});
afterAll(() => s.stop());

const orderSend = (
  to: string,
  body = [
    { type: "text", text: "Pablo" },
    { type: "text", text: "860198" },
  ],
) => ({
  messaging_product: "whatsapp",
  to,
  type: "template",
  template: {
    name: "order_update",
    language: { code: "en_US" },
    components: [
      { type: "header", parameters: [{ type: "text", text: "#860198" }] },
      { type: "body", parameters: body },
      {
        type: "button",
        sub_type: "quick_reply",
        index: "1",
        parameters: [{ type: "payload", payload: "STOP_PROMOS" }],
      },
    ],
  },
});
const sentStatus = (id: string) =>
  waitFor(() => s.receiver.statuses().find((x) => x.id === id && x.status === "sent"), 5000, "sent status");

describe("sending templates", () => {
  it("needs no open window, renders on the phone, and is billed as utility outside the window", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "34611000001" });
    const r = await s.call("POST", `/${s.phone}/messages`, orderSend("34611000001"));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const sent = await sentStatus(r.body.messages[0].id);
    expect(sent.pricing).toEqual({ billable: true, pricing_model: "PMP", type: "regular", category: "utility" });
    expect(sent.conversation.origin).toEqual({ type: "utility" });
    const phone = (await s.call("GET", `/simulator/users/34611000001/chats/${s.phone}`)).body;
    const shown = await waitFor(
      async () =>
        (await s.call("GET", `/simulator/users/34611000001/chats/${s.phone}`)).body.messages.find(
          (m: any) => m.id === r.body.messages[0].id,
        ),
      5000,
      "on the phone",
    );
    expect(phone.business.phone_number_id).toBe(s.phone);
    expect(shown.content.rendered).toEqual({
      header: { format: "TEXT", text: "Order #860198" },
      body: "Hi Pablo, your order 860198 ships today.",
      buttons: [
        { type: "quick_reply", text: "Thanks", payload: "Thanks" },
        { type: "quick_reply", text: "Stop", payload: "STOP_PROMOS" },
      ],
    });
  });

  it("is free as utility inside the window; marketing is billed inside it too", async () => {
    await openWindow(s, "34611000002");
    const utility = await s.call("POST", `/${s.phone}/messages`, orderSend("34611000002"));
    expect((await sentStatus(utility.body.messages[0].id)).pricing).toEqual({
      billable: false,
      pricing_model: "PMP",
      type: "free_customer_service",
      category: "utility",
    });
    await s.call("POST", "/openwaba/consents", {
      wa_id: "34611000002",
      scope: "marketing",
      status: "granted",
      source: "checkout",
    });
    const promo = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: "34611000002",
      type: "template",
      template: { name: "spring_sale", language: { code: "en_US" } },
    });
    expect((await sentStatus(promo.body.messages[0].id)).pricing).toMatchObject({
      billable: true,
      category: "marketing",
    });
  });

  it("a quick-reply tap arrives as a button message with its payload and context", async () => {
    const r = await s.call("POST", `/${s.phone}/messages`, orderSend("34611000001"));
    const id = r.body.messages[0].id;
    await waitFor(
      async () =>
        (await s.call("GET", `/simulator/users/34611000001/chats/${s.phone}`)).body.messages.some(
          (m: any) => m.id === id,
        ),
      5000,
      "on the phone",
    );
    const tap = await s.call("POST", "/simulator/users/34611000001/messages", {
      to: s.phone,
      type: "button",
      button: { text: "Stop" },
      context: { message_id: id },
    });
    expect(tap.status, JSON.stringify(tap.body)).toBe(201);
    const m = await waitFor(
      () => s.receiver.messages().find((x) => x.id === tap.body.messages[0].id),
      5000,
      "button webhook",
    );
    expect(m).toMatchObject({ type: "button", button: { text: "Stop", payload: "STOP_PROMOS" }, context: { id } });
    const wrong = await s.call("POST", "/simulator/users/34611000001/messages", {
      to: s.phone,
      type: "button",
      button: { text: "Nope" },
      context: { message_id: id },
    });
    expect(wrong.status).toBe(400);
  });

  it("refuses templates that may not be sent and parameters that do not fit", async () => {
    const send = (template: unknown) =>
      s.call("POST", `/${s.phone}/messages`, {
        messaging_product: "whatsapp",
        to: "34611000001",
        type: "template",
        template,
      });
    const pending = await send({ name: "not_yet", language: { code: "en_US" } });
    expect([pending.status, pending.body.error.code]).toEqual([404, 132001]);
    const otherLanguage = await send({ name: "order_update", language: { code: "pl" } });
    expect(otherLanguage.body.error).toMatchObject({
      code: 132001,
      error_data: { details: "template name (order_update) does not exist in pl" },
    });
    const tooFew = await s.call(
      "POST",
      `/${s.phone}/messages`,
      orderSend("34611000001", [{ type: "text", text: "only one" }]),
    );
    expect([tooFew.status, tooFew.body.error.code]).toEqual([400, 132000]);
    const newline = await s.call(
      "POST",
      `/${s.phone}/messages`,
      orderSend("34611000001", [
        { type: "text", text: "a\nb" },
        { type: "text", text: "1" },
      ]),
    );
    expect(newline.body.error.code).toBe(132007);
    await s.store.db.updateTable("templates").set({ status: "PAUSED" }).where("id", "=", ids.promo).execute();
    expect((await send({ name: "spring_sale", language: { code: "en_US" } })).body.error.code).toBe(132015);
    await s.store.db.updateTable("templates").set({ status: "DISABLED" }).where("id", "=", ids.promo).execute();
    expect((await send({ name: "spring_sale", language: { code: "en_US" } })).body.error.code).toBe(132016);
  });
});
