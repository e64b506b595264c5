import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flowKit,
  signInAdmin,
  signInInvited,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// A bot's handover goes through the inbox's own commands, as a person's would: a resolved
// conversation is reopened as a new cycle (with its "reopened" event, only if it is still
// resolved), and the handover's note is announced to the consoles like an agent's note. Before the
// commands, the flow engine wrote both rows itself: no event, and the note showed only on reload.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof flowKit>;
let inTeam: SuiteSession, elsewhere: SuiteSession;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = flowKit(s, admin);
  inTeam = await signInInvited(s, admin, { email: "ana@handover.test", name: "Ana", role: "agent" });
  elsewhere = await signInInvited(s, admin, { email: "ben@handover.test", name: "Ben", role: "agent" });
  const returns = (await admin.call("POST", "/suite/api/teams", { name: "Returns", assignment: "manual" })).body.id;
  await admin.call("PUT", `/suite/api/teams/${returns}/members`, { user_ids: [inTeam.user.id] });
  await kit.publish({
    name: "Return",
    trigger: { type: "event", event: "return_requested" },
    start: "human",
    nodes: { human: { type: "handover", team_id: returns, note: "Return of {{event.item}}" } },
  });
  await kit.publish({
    name: "Call me back",
    trigger: { type: "event", event: "callback_requested" },
    start: "human",
    nodes: { human: { type: "handover", message: "A colleague will call you.", note: "Callback for {{event.topic}}" } },
  });
});
afterAll(() => s.stop());

describe("a bot handing a resolved conversation over", () => {
  it("reopens it with its event and announces the note to the consoles", async () => {
    const wa = "48600730001";
    await kit.user(wa, { name: "Iga" });
    const stream = await admin.stream();
    const r = await admin.call("POST", "/suite/api/flows/events", {
      event: "callback_requested",
      phone: `+${wa}`,
      phone_number_id: s.phone,
      data: { topic: "a refund" },
    });
    expect(r.status).toBe(202);
    const c = await waitFor(
      async () => {
        const x = await kit.conversation(wa);
        return x?.state === "open" && x;
      },
      10_000,
      "the conversation open again",
    );
    const timeline = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.timeline;
    expect(timeline.find((i: any) => i.type === "reopened")).toMatchObject({ actor_id: null });
    expect(timeline.find((i: any) => i.kind === "note")?.content.body).toBe("Callback for a refund");
    const note = await waitFor(
      () => stream.events.find((e: any) => e.event === "message.created" && e.data.message?.kind === "note"),
      5000,
      "the note on the stream",
    );
    expect(note.data.message.content.body).toBe("Callback for a refund");
    stream.close();
  });

  it("announces the note to the team the conversation went to, not to agents outside it", async () => {
    const wa = "48600730002";
    await kit.user(wa, { name: "Ola" });
    const theirs = await inTeam.stream();
    const others = await elsewhere.stream();
    const r = await admin.call("POST", "/suite/api/flows/events", {
      event: "return_requested",
      phone: `+${wa}`,
      phone_number_id: s.phone,
      data: { item: "a kettle" },
    });
    expect(r.status).toBe(202);
    const isNote = (e: any) => e.event === "message.created" && e.data.message?.kind === "note";
    const note = await waitFor(() => theirs.events.find(isNote), 5000, "the note on the team's stream");
    expect(note.data.message.content.body).toBe("Return of a kettle");
    // The agent outside the team hears nothing of it (their stream has caught up by now).
    await new Promise((res) => setTimeout(res, 300));
    expect(others.events.filter(isNote)).toEqual([]);
    theirs.close();
    others.close();
  });
});
