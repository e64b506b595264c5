import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAdmin, startTestServer, type TestServer } from "@openwaba/server/testing";
import { SESSION_MS } from "./sessions";

// Sessions, lockouts, invitations and API keys keep wall time: the README's own 25-hour jump of
// the simulated world must not sign anyone out. Both sides of a session's end, on an injected clock.
let s: TestServer;
const wall = {
  offset: 0,
  now() {
    return Date.now() + this.offset;
  },
  advance(ms: number) {
    this.offset += ms;
  },
};
beforeAll(async () => {
  s = await startTestServer({ securityClock: wall });
});
afterAll(() => s.stop());

describe("security time", () => {
  it("a session outlives a 25-hour travel of the simulated world", async () => {
    const admin = await signInAdmin(s);
    await s.call("POST", "/simulator/clock/advance", { ms: 25 * 3600_000 });
    expect((await admin.call("GET", "/suite/api/me")).status).toBe(200);
  });

  it("a session ends after its 12 hours of wall time, not a second before", async () => {
    const admin = await signInAdmin(s);
    wall.advance(SESSION_MS - 1000);
    expect((await admin.call("GET", "/suite/api/me")).status).toBe(200);
    wall.advance(1000);
    const r = await admin.call("GET", "/suite/api/me");
    expect([r.status, r.body.error.code]).toEqual([401, "not_signed_in"]);
  });

  it("an invitation expires on wall time, whatever the simulated clock says", async () => {
    const admin = await signInAdmin(s);
    const inv = await admin.call("POST", "/suite/api/users", { email: "late@shop.test", name: "Late", role: "agent" });
    expect(inv.status).toBe(201);
    const token = inv.body.invitation.token;
    await s.call("POST", "/simulator/clock/advance", { ms: 30 * 24 * 3600_000 });
    const ok = await fetch(`${s.url}/suite/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password: "a long enough password" }),
    });
    expect(ok.status).toBe(200);
  });
});
