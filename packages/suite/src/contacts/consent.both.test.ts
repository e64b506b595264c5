import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  campaignKit,
  openWindow,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// One consent model, read the same by the contact, the thread's customer panel and a campaign's
// estimate; utility templates are not held back by marketing consent; a STOP in WhatsApp holds
// marketing back until the customer resumes, whatever the business imports meanwhile.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof campaignKit>;
const jan = "48600600001",
  ola = "48600600002",
  ewa = "48600600003",
  piotr = "48600600004";

const contactOf = async (wa: string) => (await admin.call("GET", `/suite/api/contacts?q=${wa}`)).body.data[0];
const conversationOf = (wa: string) =>
  waitFor(
    async () =>
      (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === wa),
    5000,
    "conversation",
  );
const panelOf = async (wa: string) =>
  (await admin.call("GET", `/suite/api/conversations/${(await conversationOf(wa)).id}/profile`)).body;
const say = (wa: string, body: string) =>
  s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
const estimate = async (template: string) =>
  (
    await admin.call("POST", "/suite/api/campaigns/estimate", {
      name: "x",
      phone_number_id: s.phone,
      template: { name: template, language: "en_US", parameters: ["{{contact.name}}"] },
      audience: { segment: { tag: "club" } },
    })
  ).body;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = campaignKit(s, admin);
  await kit.template("club_offer", "MARKETING", "Hi {{1}}, a club offer.", ["Ewa"]);
  await kit.template("club_notice", "UTILITY", "Hi {{1}}, the club is closed on Monday.", ["Ewa"]);
  // Jan writes first (a thread), then the business imports its list: the first hour's case.
  await openWindow(s, jan);
  await conversationOf(jan);
  await kit.contacts("phone,name,consent,tags", [
    `+${jan},Jan,yes,club`,
    `+${ola},Ola,no,club`,
    `+${ewa},Ewa,,club`,
    `+${piotr},Piotr,yes,club`,
  ]);
});
afterAll(() => s.stop());

describe("one consent model", () => {
  it("shows the imported consent the same on the contact and in the thread's customer panel", async () => {
    const c = await contactOf(jan);
    expect(c.consent).toMatchObject({ marketing: "granted", source: "csv_import", stopped_in_whatsapp: false });
    const panel = await panelOf(jan);
    expect(panel.consent).toEqual(c.consent);
    expect(panel.contact_id).toBe(c.id);
  });

  it("keeps marketing from those who withdrew or were never asked, and sends utility to everyone", async () => {
    expect(await estimate("club_offer")).toMatchObject({
      recipients: 2,
      excluded: { no_consent: 1, consent_revoked: 1, opted_out: 0 },
    });
    expect(await estimate("club_notice")).toMatchObject({
      recipients: 4,
      excluded: { no_consent: 0, consent_revoked: 0, opted_out: 0 },
    });
  });

  it("follows a STOP in WhatsApp everywhere, over a later import's yes, until the customer resumes", async () => {
    await say(piotr, "STOP");
    const stopped = await waitFor(
      async () => {
        const c = await contactOf(piotr);
        return c.consent?.marketing === "revoked" ? c : undefined;
      },
      5000,
      "stop",
    );
    expect(stopped.consent).toMatchObject({ source: "whatsapp_user_preferences", stopped_in_whatsapp: true });
    expect((await panelOf(piotr)).consent).toEqual(stopped.consent);
    // The business imports its old list again: the STOP stands (Meta would refuse marketing with 131050), and the report says so.
    const again = (await (
      await fetch(`${s.url}/suite/api/contacts/import`, {
        method: "POST",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
        body: `phone,consent\n+${piotr},yes\n+${jan},yes\n`,
      })
    ).json()) as any;
    expect(again).toMatchObject({ updated: 2, stopped_in_whatsapp: 1 });
    expect((await contactOf(piotr)).consent).toEqual(stopped.consent);
    const edit = await admin.call("PATCH", `/suite/api/contacts/${stopped.id}`, { consent: "granted" });
    expect(edit).toMatchObject({ status: 409, body: { error: { code: "stopped_in_whatsapp", field: "consent" } } });
    expect(await estimate("club_offer")).toMatchObject({
      recipients: 1,
      excluded: { no_consent: 1, consent_revoked: 1, opted_out: 1 },
    });
    expect(await estimate("club_notice")).toMatchObject({ recipients: 4 }); // Meta's STOP is about marketing only
    // Deleting the contact forgets the business's record, not the customer's STOP: made again with a yes, it is stopped.
    expect((await admin.call("DELETE", `/suite/api/contacts/${stopped.id}`)).status).toBe(200);
    const remade = (await (
      await fetch(`${s.url}/suite/api/contacts/import`, {
        method: "POST",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
        body: `phone,name,consent,tags\n+${piotr},Piotr,yes,club\n`,
      })
    ).json()) as any;
    expect(remade).toMatchObject({ created: 1, stopped_in_whatsapp: 1 });
    expect((await contactOf(piotr)).consent).toMatchObject({ marketing: "revoked", stopped_in_whatsapp: true });
    await say(piotr, "START");
    const resumed = await waitFor(
      async () => {
        const c = await contactOf(piotr);
        return c.consent?.marketing === "granted" ? c : undefined;
      },
      5000,
      "resume",
    );
    expect(resumed.consent).toMatchObject({ source: "whatsapp_user_preferences", stopped_in_whatsapp: false });
    expect(await estimate("club_offer")).toMatchObject({ recipients: 2, excluded: { opted_out: 0 } });
  });

  it("sends a utility campaign to a customer who withdrew marketing consent", async () => {
    const id = await kit.create({
      name: "Closed Monday",
      template: { name: "club_notice", language: "en_US", parameters: ["{{contact.name}}"] },
      audience: { segment: { tag: "club" } },
    });
    expect((await kit.send(id)).totals).toMatchObject({ recipients: 4, excluded: { consent_revoked: 0 } });
    await waitFor(async () => (await kit.received(ola)).length > 0 || undefined, 10_000, "Ola's notice");
    expect((await kit.received(ola))[0].content.rendered.body).toBe("Hi Ola, the club is closed on Monday.");
  });
});
