import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowKit, signInAdmin, startTestServer, type SuiteSession, type TestServer } from "@openwaba/server/testing";

// People ending a bot's run: stopping it from its trace, or deleting its flow. The run ends once
// (a second stop is refused), the timeline names who ended it, and the bot no longer holds the
// conversation.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof flowKit>;

const asking = (name: string, keyword: string) => ({
  name,
  trigger: { type: "keyword", keywords: [keyword] },
  start: "q",
  nodes: {
    q: { type: "ask", prompt: { text: "What is your order number?" }, validate: { type: "text" }, next: "done" },
    done: { type: "end", message: "Thanks." },
  },
});

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = flowKit(s, admin);
});
afterAll(() => s.stop());

/** The customer starts the flow and it waits for their answer. */
async function waitingRun(wa: string, keyword: string) {
  await kit.user(wa);
  await kit.say(wa, keyword);
  return kit.waitRun(wa, (r) => r.state === "active" && r.waiting === "reply", "the run waiting for an answer");
}

describe("a person ending a bot's run", () => {
  it("stops it once, named on the timeline, and the bot lets go of the conversation", async () => {
    await kit.publish(asking("Order status", "order"));
    const wa = "48600740001";
    const run = await waitingRun(wa, "order");
    const stop = await admin.call("POST", `/suite/api/flow-runs/${run.id}/stop`);
    expect(stop.status).toBe(200);
    expect(await kit.run(wa)).toMatchObject({ state: "stopped", end_reason: `stopped by ${admin.user.email}` });
    const again = await admin.call("POST", `/suite/api/flow-runs/${run.id}/stop`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("run_ended");
    const c = (await kit.conversation(wa))!;
    expect(c.bot_run_id).toBeNull();
    const timeline = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.timeline;
    expect(timeline.filter((i: any) => i.type === "bot_stopped")).toMatchObject([{ actor_id: admin.user.id }]);
  });

  it("stops the flow's active runs when the flow is deleted", async () => {
    const flowId = await kit.publish(asking("Returns", "returns"));
    const wa = "48600740002";
    await waitingRun(wa, "returns");
    expect((await admin.call("DELETE", `/suite/api/flows/${flowId}`)).status).toBe(200);
    expect(await kit.run(wa)).toMatchObject({ state: "stopped", end_reason: "flow deleted", flow_name: null });
    expect((await admin.call("GET", `/suite/api/flows/${flowId}`)).status).toBe(404);
  });
});
