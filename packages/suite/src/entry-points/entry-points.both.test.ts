import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAdmin, startTestServer, waitFor, type SuiteSession, type TestServer } from "@openwaba/server/testing";

// Consent entry points: an opt-in QR code made through the Cloud API; a customer who scans it and
// sends its message becomes a contact with marketing consent, the code as its source.
let s: TestServer;
let admin: SuiteSession;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("consent entry points", () => {
  it("grants consent to a customer who scans an opt-in code, and not for a plain one", async () => {
    const optIn = await admin.call("POST", "/suite/api/entry-points", {
      prefilled_message: "Yes, send me your offers!",
      opt_in: true,
    });
    expect(optIn.status).toBe(201);
    expect(optIn.body).toMatchObject({
      deep_link_url: expect.stringMatching(/^https:\/\/wa\.me\/message\//),
      qr_image_url: expect.stringMatching(/\.png$/),
      opt_in: true,
    });
    const plain = (await admin.call("POST", "/suite/api/entry-points", { prefilled_message: "Hello!" })).body;
    for (const wa of ["48600131313", "48600141414"]) await s.call("POST", "/simulator/users", { wa_id: wa });
    const scanned = await s.call("POST", "/simulator/users/48600131313/scan", { link: optIn.body.deep_link_url });
    expect(scanned.body.prefilled_message).toBe("Yes, send me your offers!");
    await s.call("POST", "/simulator/users/48600141414/scan", { code: plain.code });
    const c = await waitFor(
      async () => (await admin.call("GET", "/suite/api/contacts?consent=granted")).body.data[0],
      5000,
      "consented contact",
    );
    expect(c).toMatchObject({
      wa_id: "48600131313",
      consent: { marketing: "granted", source: `qr:${optIn.body.code}` },
    });
    await waitFor(
      async () => (await admin.call("GET", "/suite/api/contacts?q=48600141414")).body.data[0],
      5000,
      "plain contact",
    );
    expect((await admin.call("GET", "/suite/api/contacts?q=48600141414")).body.data[0].consent).toBeNull();
  });

  it("lists and deletes entry points; refuses a message over 140 characters and an unknown code", async () => {
    const list = (await admin.call("GET", "/suite/api/entry-points")).body.data;
    expect(list).toHaveLength(2);
    expect((await admin.call("DELETE", `/suite/api/entry-points/${list[1].code}`)).body).toEqual({ ok: true });
    expect(
      (await admin.call("POST", "/suite/api/entry-points", { prefilled_message: "x".repeat(141) })).body.error.code,
    ).toBe("invalid_request");
    expect((await s.call("POST", "/simulator/users/48600131313/scan", { code: "NOSUCHCODE" })).status).toBe(400);
  });
});
