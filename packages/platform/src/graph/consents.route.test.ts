import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Consent: the ledger, STOP/START keywords with user_preferences webhooks and confirmations, and
// marketing templates refused without consent (OpenWABA's 139900) or after STOP (Meta's 131050).
let s: TestServer;
const promo = (to: string) => ({
  messaging_product: "whatsapp",
  to,
  type: "template",
  template: { name: "spring_sale", language: { code: "en_US" } },
});
const say = (wa: string, body: string) =>
  s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
const consent = async (wa: string) => (await s.call("GET", `/openwaba/consents/${wa}`)).body;

beforeAll(async () => {
  s = await startTestServer();
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,user_preferences",
  });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "spring_sale",
    language: "en_US",
    category: "MARKETING",
    components: [{ type: "BODY", text: "Spring sale: everything 20% off this week only!" }],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
  for (const wa of ["48600300001", "48600300002"])
    await s.call("POST", "/simulator/users", { wa_id: wa, name: "Anna Nowak" });
});
afterAll(() => s.stop());

describe("consent", () => {
  it("refuses marketing templates to a user with no recorded consent, then sends once it is granted", async () => {
    const refused = await s.call("POST", `/${s.phone}/messages`, promo("48600300001"));
    expect([refused.status, refused.body.error.code]).toEqual([400, 139900]);
    expect(refused.body.error.message).toBe("(#139900) Marketing consent required");
    const granted = await s.call("POST", "/openwaba/consents", {
      wa_id: "48600300001",
      scope: "marketing",
      status: "granted",
      source: "web_form",
      evidence: { ip: "203.0.113.7" },
    });
    expect(granted.status).toBe(201);
    expect((await s.call("POST", `/${s.phone}/messages`, promo("48600300001"))).status).toBe(200);
    expect((await consent("48600300001")).marketing).toMatchObject({
      status: "granted",
      source: "web_form",
      evidence: { ip: "203.0.113.7" },
    });
  });

  it("STOP revokes marketing consent, tells the business (user_preferences) and confirms to the user", async () => {
    const r = await say("48600300001", "Wypisz mnie");
    expect(r.status).toBe(201);
    const pref = await waitFor(
      () => s.receiver.values().find((v: any) => v.user_preferences),
      5000,
      "user_preferences webhook",
    );
    expect(pref.user_preferences).toEqual([
      {
        wa_id: "48600300001",
        detail: "User requested to stop marketing messages",
        category: "marketing_messages",
        value: "stop",
        timestamp: expect.any(Number),
      },
    ]);
    expect(pref.contacts).toEqual([{ profile: { name: "Anna Nowak" }, wa_id: "48600300001" }]);
    const phone = await waitFor(
      async () =>
        (await s.call("GET", `/simulator/users/48600300001/chats/${s.phone}`)).body.messages.find(
          (m: any) => m.direction === "received" && /Nie będziesz już/.test(m.content.body ?? ""),
        ),
      5000,
      "confirmation on the phone",
    );
    expect(phone.type).toBe("text");
    expect((await consent("48600300001")).marketing).toMatchObject({
      status: "revoked",
      source: "keyword",
      evidence: { text: "Wypisz mnie" },
    });
    const after = await s.call("POST", `/${s.phone}/messages`, promo("48600300001"));
    expect(after.status).toBe(200); // Meta accepts, then fails it
    const failed = await waitFor(
      () => s.receiver.statuses().find((x) => x.id === after.body.messages[0].id && x.status === "failed"),
      5000,
      "failed status",
    );
    expect(failed.errors[0].code).toBe(131050);
  });

  it("START grants it again, and the history keeps every step", async () => {
    await say("48600300001", "START");
    await waitFor(async () => (await consent("48600300001")).marketing?.status === "granted", 5000, "granted again");
    expect((await s.call("POST", `/${s.phone}/messages`, promo("48600300001"))).status).toBe(200);
    expect((await consent("48600300001")).history.map((h: any) => `${h.status}:${h.source}`)).toEqual([
      "granted:web_form",
      "revoked:keyword",
      "granted:keyword",
    ]);
  });

  it("ordinary messages change nothing; utility and service messages need no consent", async () => {
    await say("48600300002", "stop by the shop tomorrow?");
    expect((await consent("48600300002")).marketing).toBeNull();
    expect(
      (
        await s.call("POST", `/${s.phone}/messages`, {
          messaging_product: "whatsapp",
          to: "48600300002",
          text: { body: "Sure!" },
        })
      ).status,
    ).toBe(200);
  });

  it("refuses malformed consent records", async () => {
    const bad = await s.call("POST", "/openwaba/consents", { wa_id: "x", scope: "marketing", status: "granted" });
    expect([bad.status, bad.body.error.code]).toEqual([400, 100]);
    expect(
      (await s.call("POST", "/openwaba/consents", { wa_id: "48600300002", scope: "ads", status: "granted" })).body.error
        .error_data.details,
    ).toMatch(/scope/);
  });
});

describe("consent check switched off", () => {
  it("sends marketing templates without a recorded consent, as Meta does", async () => {
    const off = await startTestServer({ env: { OPENWABA_MARKETING_CONSENT: "off" } });
    try {
      const t = await off.call("POST", `/${off.credentials.waba_id}/message_templates`, {
        name: "spring_sale",
        language: "en_US",
        category: "MARKETING",
        components: [{ type: "BODY", text: "Spring sale: everything 20% off this week only!" }],
      });
      await off.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
      const r = await off.call("POST", `/${off.phone}/messages`, promo("48600300003"));
      expect(r.status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});
