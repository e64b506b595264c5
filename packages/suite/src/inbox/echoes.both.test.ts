import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  text,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// What other software sends on the business's numbers through the Cloud API (the developer's bot,
// a script, the CLI) reaches the inbox as echoes: the team sees the whole conversation.
let s: TestServer;
let admin: SuiteSession;
const conversationOf = async (waId: string) =>
  (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === waId);
const timeline = async (id: string) =>
  (await admin.call("GET", `/suite/api/conversations/${id}`)).body.timeline as any[];

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("messages sent through the Cloud API by other software", () => {
  it("show in the customer's thread as sent by the API, and their ticks move", async () => {
    const wa = "48600710001";
    await s.call("POST", "/simulator/users", { wa_id: wa, name: "Jan Echo", read_probability: 1 });
    await openWindow(s, wa);
    const c = await waitFor(() => conversationOf(wa), 5000, "conversation");
    const sent = await s.call("POST", `/${s.phone}/messages`, text(wa, "Dzień dobry! W czym mogę pomóc?"));
    const id = sent.body.messages[0].id;
    const m = await waitFor(
      async () => (await timeline(c.id)).find((i) => i.id === id && i.status === "read"),
      5000,
      "echo with its read tick",
    );
    expect(m).toMatchObject({
      kind: "message",
      direction: "out",
      type: "text",
      author_id: null,
      content: { body: "Dzień dobry! W czym mogę pomóc?", origin: "api" },
    });
    // The app that sent it is not told of its own message.
    expect(s.receiver.values().some((v) => v.message_echoes)).toBe(false);
  });

  it("a send the platform fails (closed window, 131047) shows failed with its error", async () => {
    const wa = "48600710002";
    await openWindow(s, wa);
    const c = await waitFor(() => conversationOf(wa), 5000, "conversation");
    await s.call("POST", "/simulator/clock/advance", { ms: 25 * 3600_000 });
    const id = (await s.call("POST", `/${s.phone}/messages`, text(wa, "too late"))).body.messages[0].id;
    const m = await waitFor(
      async () => (await timeline(c.id)).find((i) => i.id === id && i.status === "failed"),
      5000,
      "failed echo",
    );
    expect(m.error.code).toBe(131047);
  });

  it("a message to a contact nobody has talked to makes a resolved conversation in their name, which their answer opens; an unknown number makes none", async () => {
    const wa = "48600710003",
      stranger = "48600710004";
    for (const u of [wa, stranger]) await s.call("POST", "/simulator/users", { wa_id: u });
    expect((await admin.call("POST", "/suite/api/contacts", { phone: `+${wa}`, name: "Nowy Klient" })).status).toBe(
      201,
    );
    const tpl = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "echo_hello",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Your order has shipped." }],
    });
    await s.call("POST", `/openwaba/templates/${tpl.body.id}/review`, { event: "APPROVED" });
    const send = (to: string) =>
      s.call("POST", `/${s.phone}/messages`, {
        messaging_product: "whatsapp",
        to,
        type: "template",
        template: { name: "echo_hello", language: { code: "en_US" } },
      });
    const toStranger = (await send(stranger)).body.messages[0].id;
    const id = (await send(wa)).body.messages[0].id;
    const c = await waitFor(() => conversationOf(wa), 5000, "conversation from the echo");
    expect(c).toMatchObject({ state: "resolved", assignee_id: null, contact_name: "Nowy Klient" });
    expect((await timeline(c.id)).find((i) => i.id === id)).toMatchObject({
      type: "template",
      content: { name: "echo_hello", origin: "api" },
    });
    // The suite took the stranger's echo (its POST was answered 200), and it made nothing.
    const suiteApp = (await s.call("GET", "/openwaba/webhooks/subscribers")).body.data.find(
      (x: any) => x.via === "override",
    ).app_id;
    await waitFor(
      async () =>
        (
          await s.call("GET", `/openwaba/webhooks/deliveries?app_id=${suiteApp}&ok=true&field=smb_message_echoes`)
        ).body.data.some((d: any) => d.request.includes(toStranger)),
      5000,
      "the stranger's echo taken",
    );
    expect(await conversationOf(stranger)).toBeUndefined();
    await s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body: "Thanks!" } });
    await waitFor(async () => (await conversationOf(wa)).state === "open", 5000, "opened by the answer");
  });
});
