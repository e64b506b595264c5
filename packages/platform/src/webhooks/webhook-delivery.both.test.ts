import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// At-least-once delivery, order per (number, user), retries with backoff, dead letters and
// redrive: on SQLite and, in CI's pg project, on PostgreSQL.
let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(() => s.stop());

const HOUR = 3600_000;
const say = (wa: string, body: string) => s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
const bodiesFrom = (wa: string) => s.receiver.messages().filter((m) => m.from === wa).map((m) => m.text?.body);

describe("webhook delivery", () => {
  it("signs ASCII bodies and says who it is", async () => {
    await openWindow(s, "48500000001", { name: "Zażółć Gęślą" });
    await waitFor(() => bodiesFrom("48500000001").length === 1);
    const d = s.receiver.deliveries.at(-1)!;
    expect(d.signatureOk).toBe(true);
    expect(d.ascii).toBe(true);
    expect(d.raw.toString()).toContain("Za\\u017c\\u00f3\\u0142\\u0107");
    expect(d.headers["user-agent"]).toBe("facebookexternalua");
    expect(d.headers["content-type"]).toBe("application/json");
    expect(d.json.entry[0].changes[0].value.contacts[0].profile.name).toBe("Zażółć Gęślą");
  });

  it("keeps everything while the receiver is down for an hour, then delivers it in order per user", async () => {
    for (const wa of ["48500000002", "48500000003"]) await s.call("POST", "/simulator/users", { wa_id: wa });
    s.receiver.failWith(503);
    for (let i = 1; i <= 5; i++) {
      await say("48500000002", `a${i}`);
      await say("48500000003", `b${i}`);
    }
    await waitFor(async () => {
      const j = await s.store.db.selectFrom("jobs").select(["attempts", "last_error"]).where("queue", "=", "webhook").execute();
      return j.length >= 2 && j.some((x) => x.attempts >= 2 && /503/.test(x.last_error ?? ""));
    }, 10_000, "failed attempts recorded");
    expect(bodiesFrom("48500000002")).toEqual([]);
    await s.call("POST", "/simulator/clock/advance", { ms: HOUR });
    s.receiver.failWith(200);
    await s.call("POST", "/simulator/clock/advance", { ms: 15 * 60_000 }); // past the longest backoff
    await waitFor(() => bodiesFrom("48500000002").length === 5 && bodiesFrom("48500000003").length === 5, 10_000, "redelivery");
    expect(bodiesFrom("48500000002")).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(bodiesFrom("48500000003")).toEqual(["b1", "b2", "b3", "b4", "b5"]);
    // Each delivered event leaves the queue once its POST is answered.
    await waitFor(async () => (await s.store.db.selectFrom("jobs").select("id").where("queue", "=", "webhook").execute()).length === 0, 5000, "empty webhook queue");
  });

  it("dead-letters an event after seven days of failures; redrive delivers it", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "48500000004" });
    s.receiver.failWith(500);
    await say("48500000004", "lost?");
    await waitFor(async () => (await s.store.db.selectFrom("jobs").select("attempts").where("queue", "=", "webhook").executeTakeFirst())?.attempts! >= 1);
    await s.call("POST", "/simulator/clock/advance", { ms: 7 * 24 * HOUR });
    const dead = await waitFor(async () => {
      const r = await s.call("GET", "/openwaba/webhooks/dead-letters");
      return r.body.data.length === 1 && r.body.data;
    }, 10_000, "dead letter");
    expect(dead[0].event.messages[0].text.body).toBe("lost?");
    expect(dead[0].last_error).toMatch(/500/);
    s.receiver.failWith(200);
    const r = await s.call("POST", "/openwaba/webhooks/dead-letters/redrive", {});
    expect(r.body).toEqual({ success: true, redriven: 1 });
    await waitFor(() => bodiesFrom("48500000004").includes("lost?"), 10_000, "redriven delivery");
    expect((await s.call("GET", "/openwaba/webhooks/dead-letters")).body.data).toEqual([]);
  });

  it("counts deliveries, retries and dead letters in /metrics", async () => {
    const m = await (await fetch(`${s.url}/metrics`)).text();
    expect(m).toMatch(/openwaba_webhook_deliveries_total\{result="ok"\} [1-9]/);
    expect(m).toMatch(/openwaba_webhook_retries_total [1-9]/);
    expect(m).toMatch(/openwaba_webhook_dead_letters_total 1/);
    expect(m).toMatch(/openwaba_outbox_depth/);
  });
});
