import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// Contacts: made by customers who write, by hand and by CSV import (checked, normalised, deduplicated,
// dry run first), segmented by tag, consent, attribute and activity, exported again.
let s: TestServer;
let admin: SuiteSession;
const csv = (text: string, q = "") =>
  fetch(`${s.url}/suite/api/contacts/import${q}`, {
    method: "POST",
    headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
    body: text,
  });

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("contacts", () => {
  it("names the file's real line of a bad row, blank lines and quoted newlines included", async () => {
    const r = (await (await csv('phone,name\n\n+48600500600,"Two\nlines"\nnope,x\n', "?dry_run=true")).json()) as any;
    expect(r.errors).toEqual([{ line: 5, error: expect.stringMatching(/not a valid phone number/) }]);
  });

  it("makes a contact of a customer who writes, with the last activity, and follows their STOP", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "48600200300", name: "Jan Kowalski" });
    await openWindow(s, "48600200300");
    const c = await waitFor(
      async () => (await admin.call("GET", "/suite/api/contacts?q=Jan")).body.data[0],
      5000,
      "contact",
    );
    expect(c).toMatchObject({
      wa_id: "48600200300",
      name: "Jan Kowalski",
      consent: null,
      last_activity_at: expect.any(String),
    });
    await s.call("POST", "/simulator/users/48600200300/messages", {
      to: s.phone,
      type: "text",
      text: { body: "STOP" },
    });
    await waitFor(
      async () =>
        (await admin.call("GET", `/suite/api/contacts/${c.id}`)).body.consent?.marketing === "revoked" || undefined,
      5000,
      "revoked",
    );
  });

  it("imports a CSV: a dry run reports without writing, then rows are created, merged and named when wrong", async () => {
    const file =
      "phone,name,tags,consent,order_id\n600 300 400,Ola,vip;newsletter,tak,860198\n+48 600 300 400,,returning,,\n12,Bad,,,\n+39 340 111 2222,Marco,newsletter,no,\n";
    const dry = (await (await csv(file, "?default_country=PL&dry_run=true")).json()) as any;
    expect(dry).toMatchObject({
      dry_run: true,
      rows: 4,
      contacts: 2,
      duplicates: 1,
      created: 0,
      errors: [{ line: 4, error: expect.stringMatching(/not a valid phone number/) }],
    });
    expect((await admin.call("GET", "/suite/api/contacts?tag=vip")).body.total).toBe(0);
    const done = (await (await csv(file, "?default_country=PL")).json()) as any;
    expect(done).toMatchObject({ created: 2, updated: 0 });
    const ola = (await admin.call("GET", "/suite/api/contacts?tag=vip")).body.data[0];
    expect(ola).toMatchObject({
      wa_id: "48600300400",
      name: "Ola",
      tags: ["vip", "newsletter", "returning"],
      attributes: { order_id: "860198" },
      consent: { marketing: "granted", source: "csv_import" },
    });
  });

  it("segments by tag, consent, attribute and activity", async () => {
    const total = async (q: string) => (await admin.call("GET", `/suite/api/contacts?${q}`)).body.total;
    expect(await total("tag=newsletter")).toBe(2);
    expect(await total("tag=newsletter&consent=granted")).toBe(1);
    expect(await total("consent=revoked")).toBe(2); // Marco said no, Jan wrote STOP
    expect(await total("attr.order_id=860198")).toBe(1);
    expect(await total("attr.order_id=860199")).toBe(0);
    expect(await total(`active_since=${new Date(Date.now() - 3600_000).toISOString()}`)).toBe(1);
  });

  it("replaces tags on an edit, and never exports a name as a spreadsheet formula", async () => {
    const made = (
      await admin.call("POST", "/suite/api/contacts", {
        phone: "+48600700800",
        name: '=HYPERLINK("http://x")',
        tags: ["VIP", "old"],
      })
    ).body;
    expect(made.tags).toEqual(["vip", "old"]);
    expect((await admin.call("PATCH", `/suite/api/contacts/${made.id}`, { tags: ["new"] })).body.tags).toEqual(["new"]);
    const out = await (
      await fetch(`${s.url}/suite/api/contacts/export?tag=new`, { headers: { cookie: admin.cookie } })
    ).text();
    expect(out.split("\n")[1]).toMatch(/^\+48600700800,"'=HYPERLINK/);
  });

  it("exports CSV with the attributes as columns, and refuses bad input in the suite's envelope", async () => {
    const r = await fetch(`${s.url}/suite/api/contacts/export?tag=vip`, { headers: { cookie: admin.cookie } });
    expect(await r.text()).toBe(
      "phone,name,language,timezone,tags,consent,order_id\n+48600300400,Ola,,,vip; newsletter; returning,granted,860198\n",
    );
    expect((await admin.call("POST", "/suite/api/contacts", { phone: "+48600300400" })).body.error.code).toBe(
      "contact_exists",
    );
    expect((await admin.call("POST", "/suite/api/contacts", { phone: "123" })).body.error).toMatchObject({
      code: "invalid_request",
      field: "phone",
    });
    expect((await csv("\u0000\u0001binary")).status).toBe(400);
    expect((await admin.call("PATCH", "/suite/api/contacts/nope", { name: "x" })).status).toBe(404);
  });
});
