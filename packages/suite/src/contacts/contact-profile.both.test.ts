import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  signInInvited,
  startWebhookReceiver,
  useTestServer,
  waitFor,
  type SuiteSession,
  type WebhookReceiver,
  signInOtherTenantAdmin,
} from "@openwaba/server/testing";

// A contact's profile: what the business knows and the conversations the viewer may see; edits;
// deleting forgets the contact (the business's systems hear of it) and keeps the conversations.
// Another tenant's contact looks like none.
const s = useTestServer();
let admin: SuiteSession, ben: SuiteSession, boss: SuiteSession;
let shop: WebhookReceiver;
const luca = "393200478399";

beforeAll(async () => {
  admin = await signInAdmin(s);
  shop = await startWebhookReceiver({ verifyToken: "unused", appSecret: "unused" });
  await admin.call("PUT", "/suite/api/settings/business-webhook", { url: shop.url });
  ben = await signInInvited(s, admin, { email: "ben@shop.test", name: "Ben", role: "agent" });
  boss = await signInOtherTenantAdmin(s);
  await s.call("POST", "/simulator/users", { wa_id: luca, name: "Luca" });
  await openWindow(s, luca);
});
afterAll(async () => {
  await shop.close();
});

const lucaContact = () =>
  waitFor(async () => (await admin.call("GET", `/suite/api/contacts?q=${luca}`)).body.data[0], 5000, "contact");

describe("a contact's profile", () => {
  it("shows the contact with their conversations, only those the viewer may see", async () => {
    const c = await lucaContact();
    const p = (await admin.call("GET", `/suite/api/contacts/${c.id}`)).body;
    expect(p).toMatchObject({
      wa_id: luca,
      name: "Luca",
      tags: [],
      attributes: {},
      conversations: [{ phone_number_id: s.phone, state: "open", last_message_at: expect.any(String) }],
    });
    // Routed to Support, whose queue Ben is not in: he sees the contact, not the conversation.
    expect((await ben.call("GET", `/suite/api/contacts/${c.id}`)).body.conversations).toEqual([]);
  });

  it("edits the language, time zone, tags and attributes, and names a bad field", async () => {
    const c = await lucaContact();
    const r = await admin.call("PATCH", `/suite/api/contacts/${c.id}`, {
      name: "Luca Bianchi",
      language: "it",
      timezone: "Europe/Rome",
      tags: ["VIP"],
      attributes: { size: "L" },
    });
    expect(r.body).toMatchObject({
      name: "Luca Bianchi",
      language: "it",
      timezone: "Europe/Rome",
      tags: ["vip"],
      attributes: { size: "L" },
    });
    const bad = await admin.call("PATCH", `/suite/api/contacts/${c.id}`, { timezone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect((await admin.call("GET", `/suite/api/contacts/${c.id}`)).body.timezone).toBe("Europe/Rome");
  });

  it("treats another tenant's contact as none", async () => {
    const c = await lucaContact();
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { name: "Mine now" }],
      ["DELETE", undefined],
    ] as const) {
      const r = await boss.call(method, `/suite/api/contacts/${c.id}`, body);
      expect(r.status, method).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
    expect((await admin.call("GET", `/suite/api/contacts/${c.id}`)).body.name).toBe("Luca Bianchi");
  });
});

describe("deleting a contact", () => {
  it("is for admins and supervisors", async () => {
    const c = await lucaContact();
    expect((await ben.call("DELETE", `/suite/api/contacts/${c.id}`)).status).toBe(403);
  });

  it("forgets the contact, tells the business's systems, and keeps the conversation", async () => {
    const c = await lucaContact();
    const conversationId = (await admin.call("GET", `/suite/api/contacts/${c.id}`)).body.conversations[0].id;
    expect((await admin.call("DELETE", `/suite/api/contacts/${c.id}`)).body).toEqual({ ok: true });
    expect((await admin.call("GET", `/suite/api/contacts/${c.id}`)).status).toBe(404);
    expect((await admin.call("DELETE", `/suite/api/contacts/${c.id}`)).status).toBe(404);
    const e = await waitFor(
      () => shop.deliveries.map((d) => d.json).find((x) => x.event === "contact.deleted"),
      5000,
      "contact.deleted",
    );
    expect(e.data.contact).toMatchObject({ id: c.id, wa_id: luca, name: "Luca Bianchi" });
    expect(
      (await admin.call("GET", `/suite/api/conversations/${conversationId}`)).body.timeline.some(
        (i: any) => i.content?.body === "hello",
      ),
    ).toBe(true);
    // Writing again makes them a contact again.
    await s.call("POST", `/simulator/users/${luca}/messages`, {
      to: s.phone,
      type: "text",
      text: { body: "Ciao di nuovo" },
    });
    const again = await lucaContact();
    expect(again.id).not.toBe(c.id);
  });
});
