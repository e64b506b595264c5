import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";
import { hashPassword } from "../auth/password";
import { connectTenant } from "../tenant/connect-tenant";

// The simulator's clock travels in the platform; the suite reads the same clock, so the composition
// root tells it, and every console sharing that clock hears `clock.travelled` with the new time
// (and refreshes its window countdowns), while its people stay signed in.
const HOUR = 3600_000;
const customer = "48600700100";
let s: TestServer;
let admin: SuiteSession, boss: SuiteSession;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  // A second business of the same suite (a sandbox's other tenant): it reads the same clock.
  const other = await connectTenant(s.store.db, Date.now(), "Other shop", {
    waba_id: "998",
    graph_url: s.url,
    graph_version: "v23.0",
    access_token: "x",
    app_secret: "y",
    verify_token: "z",
    numbers: [],
  });
  await s.store.db
    .insertInto("suite_users")
    .values({
      id: "other-boss",
      tenant_id: other.tenantId,
      email: "boss@other.test",
      name: "Boss",
      role: "admin",
      password_hash: await hashPassword("another long password"),
      status: "active",
      availability: "online",
      capacity: 5,
      created_at: Date.now(),
    })
    .execute();
  boss = await signIn(s, "boss@other.test", "another long password");
  await openWindow(s, customer, { name: "Iga" });
});
afterAll(() => s.stop());

const travelled = (e: { event: string }) => e.event === "clock.travelled";

describe("a clock travel", () => {
  it("reaches a signed-in console's stream as an event with the new time, and the thread's window reads closed", async () => {
    const c = await waitFor(
      async () =>
        (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === customer),
      5000,
      "conversation",
    );
    expect((await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.conversation.window.open).toBe(true);
    const stream = await admin.stream();
    await new Promise((r) => setTimeout(r, 100)); // connected
    const before = Date.now();
    const r = await s.call("POST", "/simulator/clock/advance", { ms: 25 * HOUR });
    expect(r.status).toBe(200);
    const e = await waitFor(() => stream.events.find(travelled), 3000, "clock.travelled");
    stream.close();
    expect(e.id).not.toBeNull(); // stored: a console away during the travel is told when it comes back
    const now = Date.parse(e.data.now);
    expect(Math.abs(now - Date.parse(r.body.now))).toBeLessThan(1000);
    expect(now - before).toBeGreaterThan(25 * HOUR - 1000);
    expect(now - Date.now()).toBeLessThan(25 * HOUR + 1000);
    expect(e.data.conversation_id).toBeNull();
    // What the console reloads on hearing it: the window is now closed by the server's clock.
    const thread = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body;
    expect(thread.conversation.window).toEqual({ open: false, closes_at: null });
    expect(Math.abs(Date.parse(thread.server_time) - now)).toBeLessThan(2000);
    // Security time is the wall clock's: still signed in.
    expect((await admin.call("GET", "/suite/api/me")).status).toBe(200);
  });

  it("is heard by every tenant sharing the clock, once each, and replayed to a console that reconnects", async () => {
    const mine = await admin.stream();
    const theirs = await boss.stream();
    await new Promise((r) => setTimeout(r, 100));
    const r = await s.call("POST", "/simulator/clock/advance", { ms: HOUR });
    const a = await waitFor(() => mine.events.find(travelled), 3000, "the dev tenant's event");
    const b = await waitFor(() => theirs.events.find(travelled), 3000, "the other tenant's event");
    await new Promise((r) => setTimeout(r, 300));
    expect(mine.events.filter(travelled)).toHaveLength(1);
    expect(theirs.events.filter(travelled)).toHaveLength(1);
    expect(a.data.now).toBe(b.data.now);
    expect(Math.abs(Date.parse(a.data.now) - Date.parse(r.body.now))).toBeLessThan(1000);
    mine.close();
    theirs.close();
    // Back from before the travel: the stream hands it over.
    const again = await admin.stream({ "last-event-id": String(Number(a.id) - 1) });
    const replayed = await waitFor(() => again.events.find(travelled), 3000, "replayed event");
    again.close();
    expect(replayed).toMatchObject({ id: a.id, data: { now: a.data.now } });
  });
});
