import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
  signInOtherTenantAdmin,
} from "@openwaba/server/testing";

// People and access: invitations, roles, team queues an agent may or may not see, two agents
// claiming at the same moment, realtime with catch-up after a reconnect, and login lockout.
let s: TestServer;
// Security time, injected: sessions and lockouts run on it, not on the simulated world's clock.
const wall = {
  offset: 0,
  now() {
    return Date.now() + this.offset;
  },
  advance(ms: number) {
    this.offset += ms;
  },
};
let admin: SuiteSession, ana: SuiteSession, ben: SuiteSession;
let sales: string, support: string;
const customer = "393400500600";
const write = (body: string) =>
  s.call("POST", `/simulator/users/${customer}/messages`, { to: s.phone, type: "text", text: { body } });

async function invite(email: string, role: string): Promise<string> {
  const r = await admin.call("POST", "/suite/api/users", { email, name: email.split("@")[0], role });
  expect(r.status).toBe(201);
  const accepted = await fetch(`${s.url}/suite/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: r.body.invitation.token, password: "a long enough password" }),
  });
  expect(accepted.status).toBe(200);
  return r.body.user.id;
}

beforeAll(async () => {
  s = await startTestServer({ securityClock: wall });
  admin = await signInAdmin(s);
  support = (await admin.call("GET", "/suite/api/teams")).body.data[0].id;
  sales = (await admin.call("POST", "/suite/api/teams", { name: "Sales", assignment: "manual" })).body.id;
  const anaId = await invite("ana@shop.test", "agent");
  await invite("ben@shop.test", "agent");
  await admin.call("PUT", `/suite/api/teams/${support}/members`, { user_ids: [admin.user.id, anaId] });
  await admin.call("PUT", "/suite/api/routing-rules", {
    rules: [
      { name: "Buyers", team_id: sales, conditions: { keywords: ["buy"] } },
      { name: "Rest", team_id: support, conditions: {} },
    ],
  });
  ana = await signIn(s, "ana@shop.test", "a long enough password");
  ben = await signIn(s, "ben@shop.test", "a long enough password");
  await s.call("POST", "/simulator/users", { wa_id: customer, name: "Marco" });
});
afterAll(() => s.stop());

describe("roles and queues", () => {
  it("lets only admins invite and set routing", async () => {
    expect(
      (await ana.call("POST", "/suite/api/users", { email: "x@shop.test", name: "x", role: "agent" })).status,
    ).toBe(403);
    expect((await ana.call("PUT", "/suite/api/routing-rules", { rules: [] })).body.error.code).toBe("forbidden");
    expect(
      (await admin.call("POST", "/suite/api/users", { email: "ana@shop.test", name: "again", role: "agent" })).body
        .error.code,
    ).toBe("email_taken");
  });

  it("keeps a team's queue from an agent who is not on the team", async () => {
    await write("I want to buy a bike");
    const c = await waitFor(
      async () =>
        (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === customer),
      5000,
      "conversation",
    );
    expect(c).toMatchObject({ team_id: sales, assignee_id: null }); // manual team: waits for a claim
    expect((await ana.call("GET", `/suite/api/conversations/${c.id}`)).status).toBe(404);
    expect((await ana.call("GET", "/suite/api/conversations")).body.data).toEqual([]);
  });

  it("gives a conversation to exactly one of two agents claiming at the same moment", async () => {
    await admin.call("PUT", `/suite/api/teams/${sales}/members`, { user_ids: [ana.user.id, ben.user.id] });
    const c = (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === customer);
    const [a, b] = await Promise.all([
      ana.call("POST", `/suite/api/conversations/${c.id}/claim`),
      ben.call("POST", `/suite/api/conversations/${c.id}/claim`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe("already_assigned");
    const winner = a.status === 200 ? ana : ben;
    expect((await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.conversation.assignee_id).toBe(
      winner.user.id,
    );
  });

  it("hides a tenant's conversations from another tenant's users", async () => {
    const boss = await signInOtherTenantAdmin(s);
    const c = (await admin.call("GET", "/suite/api/conversations")).body.data[0];
    expect((await boss.call("GET", `/suite/api/conversations/${c.id}`)).status).toBe(404);
    expect((await boss.call("GET", "/suite/api/conversations?state=all")).body.data).toEqual([]);
  });
});

describe("leaving and bad edits", () => {
  it("answers an empty edit with 400, and gives a disabled agent's open work back to the queue", async () => {
    expect((await admin.call("PATCH", `/suite/api/users/${ben.user.id}`, {})).body.error.code).toBe("invalid_request");
    const c = (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === customer);
    const holder = c.assignee_id;
    expect(holder).not.toBeNull();
    expect((await admin.call("PATCH", `/suite/api/users/${holder}`, { status: "disabled" })).status).toBe(200);
    const after = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body;
    expect(after.conversation.assignee_id).not.toBe(holder);
    expect(after.timeline.at(-1)).toMatchObject({ kind: "event", type: "transferred" });
    expect((await admin.call("PATCH", `/suite/api/users/${holder}`, { status: "active" })).status).toBe(200);
    // Disabling ended their sessions.
    ana = await signIn(s, "ana@shop.test", "a long enough password");
    ben = await signIn(s, "ben@shop.test", "a long enough password");
  });
});

describe("realtime", () => {
  it("pushes a new message within a second, and after a reconnect replays what was missed once, in order", async () => {
    const first = await admin.stream();
    const t0 = Date.now();
    await write("Is it in stock?");
    const got = await waitFor(
      () =>
        first.events.find((e) => e.event === "message.created" && e.data.message.content.body === "Is it in stock?"),
      2000,
      "pushed message",
    );
    expect(Date.now() - t0).toBeLessThan(1000);
    const lastSeen = first.events[first.events.length - 1].id!;
    first.close();
    await write("Hello?");
    await write("Anyone?");
    const second = await admin.stream({ "last-event-id": lastSeen });
    await waitFor(
      () => second.events.filter((e) => e.event === "message.created").length >= 2,
      3000,
      "replayed messages",
    );
    const bodies = second.events.filter((e) => e.event === "message.created").map((e) => e.data.message.content.body);
    expect(bodies).toEqual(["Hello?", "Anyone?"]);
    const ids = second.events.map((e) => Number(e.id));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(ids[0]).toBeGreaterThan(Number(lastSeen));
    expect(got.id).not.toBeNull();
    second.close();
  });

  it("does not push another team's conversation to an agent outside it", async () => {
    const st = await ana.stream();
    await admin.call("PUT", `/suite/api/teams/${sales}/members`, { user_ids: [ben.user.id] });
    const c = (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === customer);
    await admin.call("POST", `/suite/api/conversations/${c.id}/assign`, { assignee_id: ben.user.id });
    await write("Still for sale?");
    await new Promise((r) => setTimeout(r, 600));
    expect(st.events.filter((e) => e.data.conversation_id === c.id && e.event === "message.created")).toEqual([]);
    st.close();
  });
});

describe("sign-in protection", () => {
  it("locks an account after 5 wrong passwords, even for the right one, for 15 minutes", async () => {
    const wrong = () =>
      fetch(`${s.url}/suite/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ben@shop.test", password: "wrong password" }),
      });
    for (let i = 0; i < 2; i++) expect((await wrong()).status).toBe(401);
    const warned = await wrong();
    expect(await warned.json()).toMatchObject({
      error: {
        code: "invalid_credentials",
        attempts_left: 2,
        message: expect.stringContaining("2 more wrong attempts will lock the account for 15 minutes"),
      },
    });
    expect((await wrong()).status).toBe(401);
    const locking = await wrong(); // the 5th failure locks
    expect(locking.status).toBe(401);
    expect(((await locking.json()) as any).error.message).toContain("now locked for 15 minutes");
    await expect(signIn(s, "ben@shop.test", "a long enough password")).rejects.toThrow(
      /429.*account_locked.*try again in 15 minutes/,
    );
    // Travelling the simulated world lifts no lock: security time is the wall clock.
    await s.call("POST", "/simulator/clock/advance", { ms: 3600_000 });
    await expect(signIn(s, "ben@shop.test", "a long enough password")).rejects.toThrow(/429.*account_locked/);
    wall.advance(15 * 60_000 - 1000);
    await expect(signIn(s, "ben@shop.test", "a long enough password")).rejects.toThrow(/429.*account_locked/);
    wall.advance(1001);
    expect((await signIn(s, "ben@shop.test", "a long enough password")).user.email).toBe("ben@shop.test");
  });
});
