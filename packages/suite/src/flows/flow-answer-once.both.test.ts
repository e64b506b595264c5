import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flowKit,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// A customer's answer counts once even when its job is tried again: here the survey's thank-you is
// refused for a few seconds by the pair rate (131056), and the retried job must not rate, resolve
// or trace the same answer again.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof flowKit>;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = flowKit(s, admin);
});
afterAll(() => s.stop());

describe("a retried answer", () => {
  it("rates and traces a survey answer once while its thank-you waits for the pair rate", async () => {
    const survey = await kit.publish({
      name: "Survey",
      trigger: { type: "manual" },
      start: "rate",
      nodes: { rate: { type: "csat", question: "How did we do?", thanks: "Thanks!" } },
    });
    const wa = "48600700901";
    await kit.user(wa);
    await kit.say(wa, "hello");
    const c = await waitFor(() => kit.conversation(wa), 5000, "conversation");
    await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "text",
      text: { body: "Hi, done." },
    });
    expect((await admin.call("POST", `/suite/api/conversations/${c.id}/flow`, { flow_id: survey })).status).toBe(201);
    await kit.waitReceived(wa, 2);
    // Two messages in the burst: the pair's quota is paid back 12 s after the first; 7 s on, a third is refused for 5 s.
    await s.call("POST", "/simulator/clock/advance", { ms: 7000 });
    await kit.tap(wa, "csat_4");
    expect(
      await waitFor(
        async () => {
          const r = await kit.received(wa);
          return r.length >= 3 ? r : null;
        },
        20_000,
        "thanks",
      ),
    ).toEqual(["Hi, done.", "How did we do?", "Thanks!"]);
    const run = await kit.waitRun(wa, (r) => r.state === "completed", "completed");
    expect(run.steps.filter((x: any) => x.kind === "csat")).toHaveLength(1);
    const detail = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body;
    expect(
      detail.timeline
        .filter((i: any) => i.type === "resolved" || i.type === "csat_received")
        .map((i: any) => [i.type, i.data.csat]),
    ).toEqual([["resolved", 4]]);
    expect(detail.past_cycles.map((p: any) => p.csat)).toEqual([4]);
  }, 40_000);
});
