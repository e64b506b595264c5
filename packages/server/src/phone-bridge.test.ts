import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTenant } from "@openwaba/suite";
import { signIn, signInAdmin, startTestServer, type SuiteSession, type TestServer } from "./testing/harness";

// The phone view's API: the business numbers a simulated customer can write to (the Cloud API's
// order, the first the default), each number's own chat, and only for the development tenant.
const customer = "48600900600";
let s: TestServer;
let admin: SuiteSession;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  await s.call("POST", "/simulator/users", { wa_id: customer, name: "Olga" });
});
afterAll(() => s.stop());

describe("the phone view's API", () => {
  it("lists the WABA's numbers in the Cloud API's order, the credentials' first first", async () => {
    const r = await admin.call("GET", "/suite/api/phone/numbers");
    expect(r.status).toBe(200);
    const graph = (await s.call("GET", `/${s.credentials.waba_id}/phone_numbers`)).body.data;
    expect(r.body.data).toEqual(
      graph.map((n: any) => ({
        id: n.id,
        display_phone_number: n.display_phone_number,
        verified_name: n.verified_name,
      })),
    );
    expect(r.body.data.map((n: any) => n.id)).toEqual(s.credentials.phone_number_ids);
  });

  it("chats with the number asked for, and with the first when none is", async () => {
    const [shop, support] = s.credentials.phone_number_ids;
    expect(
      (
        await admin.call("POST", `/suite/api/phone/users/${customer}/messages?phone=${support}`, {
          type: "text",
          text: { body: "to support" },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.call("POST", `/suite/api/phone/users/${customer}/messages`, {
          type: "text",
          text: { body: "to the first" },
        })
      ).status,
    ).toBe(201);
    const bodies = async (q: string) => {
      const r = await admin.call("GET", `/suite/api/phone/users/${customer}/chat${q}`);
      expect(r.status).toBe(200);
      return { bodies: r.body.messages.map((m: any) => m.content.body), r };
    };
    const second = await bodies(`?phone=${support}`);
    expect(second.bodies).toEqual(["to support"]);
    expect(second.r.body.business.phone_number_id).toBe(support);
    const first = await bodies("");
    expect(first.bodies).toEqual(["to the first"]);
    expect(first.r.body.business.phone_number_id).toBe(shop);
    // The phone's clock is the simulated world's.
    await s.call("POST", "/simulator/clock/advance", { ms: 3600_000 });
    const later = await bodies(`?phone=${shop}`);
    expect(Date.parse(later.r.body.server_time) - Date.now()).toBeGreaterThan(3600_000 - 5000);
  });

  it("refuses a number that is not an id, and one that is not the WABA's", async () => {
    const bad = await admin.call("GET", `/suite/api/phone/users/${customer}/chat?phone=..%2F..%2Fusers`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("phone");
    const sent = await admin.call("POST", `/suite/api/phone/users/${customer}/messages?phone=..`, {
      type: "text",
      text: { body: "x" },
    });
    expect(sent.status).toBe(400);
    const foreign = await admin.call("GET", `/suite/api/phone/users/${customer}/chat?phone=123456789`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toContain("not a phone number of your WABA");
  });

  it("belongs to the development tenant only", async () => {
    const other = await connectTenant(s.store.db, Date.now(), "Other shop", {
      waba_id: "997",
      graph_url: s.url,
      graph_version: "v23.0",
      access_token: "x",
      app_secret: "y",
      verify_token: "z",
      numbers: [],
    });
    // Its admin has the dev admin's password (its hash copied), under another email.
    const { password_hash } = await s.store.db
      .selectFrom("suite_users")
      .select("password_hash")
      .where("id", "=", admin.user.id)
      .executeTakeFirstOrThrow();
    await s.store.db
      .insertInto("suite_users")
      .values({
        id: "phone-other",
        tenant_id: other.tenantId,
        email: "owner@other.test",
        name: "Owner",
        role: "admin",
        password_hash,
        status: "active",
        availability: "online",
        capacity: 5,
        created_at: Date.now(),
      })
      .execute();
    const owner = await signIn(s, "owner@other.test", s.consoleLogin!.console_password);
    for (const path of [
      "/suite/api/phone/numbers",
      "/suite/api/phone/users",
      `/suite/api/phone/users/${customer}/chat`,
    ]) {
      const r = await owner.call("GET", path);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("forbidden");
    }
    expect((await fetch(`${s.url}/suite/api/phone/numbers`)).status).toBe(401);
  });
});
