import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// Supervision: the live queues and the reports a supervisor reads (first response measured on
// the travelling clock), as JSON and CSV.
let s: TestServer;
let admin: SuiteSession;
const wa = "393400700800";

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  await admin.call("POST", "/suite/api/me/availability", { availability: "away" }); // nobody online: the conversation waits
});
afterAll(() => s.stop());

describe("supervision and reports", () => {
  it("shows a waiting conversation in its team's live queue", async () => {
    await openWindow(s, wa);
    const live = await waitFor(
      async () => {
        const r = (await admin.call("GET", "/suite/api/reports/live")).body;
        return r.queues.find((q: any) => q.name === "Support" && q.waiting === 1) ? r : undefined;
      },
      5000,
      "waiting",
    );
    expect(live.agents.find((a: any) => a.id === admin.user.id)).toMatchObject({ availability: "away", open: 0 });
  });

  it("measures the first response on the clock and reports it by day, by agent and as CSV", async () => {
    const c = (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === wa);
    await s.call("POST", "/simulator/clock/advance", { ms: 90_000 });
    expect(
      (
        await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
          type: "text",
          text: { body: "Sorry for the wait!" },
        })
      ).status,
    ).toBe(201);
    await s.call("POST", "/simulator/clock/advance", { ms: 510_000 });
    await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "resolved", csat: 4 });
    const byDay = (await admin.call("GET", "/suite/api/reports?group=day")).body;
    const row = byDay.rows[byDay.rows.length - 1];
    expect(row).toMatchObject({ conversations: 1, resolved: 1, csat_avg: 4, csat_count: 1 });
    expect(row.first_response_median_s).toBeGreaterThanOrEqual(90);
    expect(row.first_response_median_s).toBeLessThan(95);
    expect(row.resolution_median_s).toBeGreaterThanOrEqual(600);
    // The one reply reached the phone (read or not, as the simulated customer chose).
    const statuses = byDay.messages_by_status as Record<string, number>;
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(1);
    expect(Object.keys(statuses)[0]).toMatch(/^(sent|delivered|read)$/);
    // From the Cloud API's pricing analytics, in the WABA's currency: service messages are free.
    expect(byDay.cost).toEqual([{ currency: "USD", by_category: { service: 0 } }]);
    const byAgent = (await admin.call("GET", "/suite/api/reports?group=agent")).body;
    expect(byAgent.rows.map((r: any) => r.key)).toEqual(["Admin"]);
    const csv = await fetch(`${s.url}/suite/api/reports?group=agent&format=csv`, { headers: { cookie: admin.cookie } });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect((await csv.text()).split("\n")[0]).toBe(
      "key,conversations,resolved,first_response_median_s,first_response_avg_s,resolution_median_s,csat_avg,csat_count",
    );
  });

  it("refuses agents and a bad range", async () => {
    expect((await admin.call("GET", "/suite/api/reports?from=2026-12-01&to=2026-11-01")).body.error.code).toBe(
      "invalid_request",
    );
    expect((await admin.call("GET", "/suite/api/reports?group=week")).status).toBe(400);
  });
});
