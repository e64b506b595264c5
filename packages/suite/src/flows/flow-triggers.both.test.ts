import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flowKit,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// What starts a flow and what stops it: the first message, outside hours, a keyword, a tapped
// button, an event from the business's system (by API key), the resolution of a conversation, a
// schedule; a customer asking for a person, an agent taking over, an unanswered question timing out.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof flowKit>;
let team = "";
const HOUR = 3600_000;
const ALWAYS_OPEN = {
  business_hours: {
    timezone: "Europe/Warsaw",
    days: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "23:59"]]])),
  },
};
const NEVER_OPEN = { business_hours: { timezone: "Europe/Warsaw", days: { mon: [["00:00", "00:01"]] } } };

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = flowKit(s, admin);
  team = (await admin.call("POST", "/suite/api/teams", { name: "Support", assignment: "round_robin" })).body.id;
  await admin.call("PUT", `/suite/api/teams/${team}/members`, { user_ids: [admin.user.id] });
  await admin.call("POST", "/suite/api/me/availability", { availability: "online" });
  await admin.call("PUT", "/suite/api/settings/business-hours", ALWAYS_OPEN);
  await kit.publish({
    name: "Welcome",
    trigger: { type: "first_message" },
    start: "menu",
    settings: { reply_timeout: "1h", handover_team_id: team },
    nodes: {
      menu: {
        type: "ask",
        prompt: { text: "Hi! What do you need?" },
        validate: {
          type: "choice",
          options: [
            { id: "hours", title: "Opening hours" },
            { id: "person", title: "A person" },
          ],
        },
        next: "route",
      },
      route: {
        type: "branch",
        cases: [{ when: { var: "reply.value", op: "eq", value: "person" }, next: "human" }],
        default: "hours",
      },
      hours: { type: "end", message: "We are open 9–17." },
      human: { type: "handover" },
    },
  });
});
afterAll(() => s.stop());

describe("flows' triggers and endings", () => {
  it("greets a new conversation with the first-message flow and hands over to the team's agent on request", async () => {
    const wa = "48600800001";
    await kit.user(wa);
    await kit.say(wa, "Dzień dobry");
    await kit.waitReceived(wa, 1);
    let c = await kit.conversation(wa);
    expect(c).toMatchObject({ assignee_id: null, bot_run_id: expect.any(String) });
    await kit.say(wa, "Poproszę z konsultantem");
    expect((await kit.waitReceived(wa, 2))[1]).toBe("Łączę z naszym zespołem — ktoś odpowie tutaj za chwilę.");
    const run = await kit.waitRun(wa, (r) => r.state === "handed_over", "handed over");
    expect(run.end_reason).toBe("customer asked for a person");
    c = await waitFor(
      async () => {
        const x = (await kit.conversation(wa))!;
        return x.assignee_id ? x : null;
      },
      5000,
      "assigned",
    );
    expect(c).toMatchObject({ team_id: team, assignee_id: admin.user.id, bot_run_id: null, state: "open" });
  });

  it("stops the bot when an agent answers: the customer's next words go to the agent only", async () => {
    const wa = "48600800002";
    await kit.user(wa);
    await kit.say(wa, "hello");
    await kit.waitReceived(wa, 1);
    const c = (await kit.conversation(wa))!;
    expect(
      (
        await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
          type: "text",
          text: { body: "I can help you myself." },
        })
      ).status,
    ).toBe(201);
    const run = await kit.waitRun(wa, (r) => r.state === "stopped", "stopped");
    expect(run.end_reason).toBe("an agent answered");
    await kit.say(wa, "Opening hours");
    await new Promise((r) => setTimeout(r, 700));
    expect(await kit.received(wa)).toEqual(["Hi! What do you need?", "I can help you myself."]);
  });

  it("closes an unanswered question after the reply timeout, not before", async () => {
    const wa = "48600800003";
    await kit.user(wa);
    await kit.say(wa, "hi");
    await kit.waitRun(wa, (r) => r.waiting === "reply", "waiting");
    // Real seconds pass too while the test waits: ten seconds either side of the hour.
    await s.call("POST", "/simulator/clock/advance", { ms: HOUR - 10_000 });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await kit.run(wa))!.state).toBe("active");
    await s.call("POST", "/simulator/clock/advance", { ms: 20_000 });
    const run = await kit.waitRun(wa, (r) => r.state === "expired", "expired");
    expect(run.end_reason).toBe("no reply");
    expect(run.steps.map((x: any) => x.kind)).toContain("timeout");
  });

  it("starts a flow from a tapped button and from a keyword; a keyword never interrupts a person", async () => {
    await kit.publish({
      name: "Track",
      trigger: { type: "button", payloads: ["hours"] },
      start: "a",
      nodes: { a: { type: "end", message: "Button flow", resolve: false } },
    });
    await kit.publish({
      name: "Promo",
      trigger: { type: "keyword", keywords: ["promo"] },
      start: "a",
      nodes: { a: { type: "send", message: { text: "10% off today" } } },
    });
    const wa = "48600800004";
    await kit.user(wa);
    await kit.say(wa, "hey");
    await kit.waitReceived(wa, 1);
    // The welcome flow's own button: the run that asked takes the answer (it is waiting for it).
    await kit.tap(wa, "hours");
    expect((await kit.waitReceived(wa, 2))[1]).toBe("We are open 9–17.");
    // The conversation was closed by the bot; the tap on the old button now starts the button flow.
    await kit.tap(wa, "hours");
    expect((await kit.waitReceived(wa, 3))[2]).toBe("Button flow");
    await kit.say(wa, "PROMO");
    expect((await kit.waitReceived(wa, 4))[3]).toBe("10% off today");

    const held = "48600800001"; // assigned to the admin in the first test
    const before = (await kit.received(held)).length;
    await kit.say(held, "promo");
    await new Promise((r) => setTimeout(r, 700));
    expect(await kit.received(held)).toHaveLength(before);
  });

  it("starts a flow from the business's event by API key, as a template outside the window, without opening the conversation to people", async () => {
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "order_shipped",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "BODY", text: "Your order {{1}} has shipped.", example: { body_text: [["860198"]] } },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "Track" },
            { type: "QUICK_REPLY", text: "No thanks" },
          ],
        },
      ],
    });
    expect(t.status).toBe(200);
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    await kit.publish({
      name: "Shipping notice",
      trigger: { type: "event", event: "order_shipped" },
      start: "notify",
      nodes: {
        notify: {
          type: "ask",
          prompt: { text: "Order {{event.order}} shipped!" },
          template: { name: "order_shipped", language: "en_US", parameters: ["{{event.order}}"] },
          validate: {
            type: "choice",
            options: [
              { id: "track", title: "Track" },
              { id: "no", title: "No thanks" },
            ],
          },
          timeout: "2d",
          next: "answer",
        },
        answer: {
          type: "branch",
          cases: [{ when: { var: "reply.value", op: "eq", value: "track" }, next: "link" }],
          default: "ok",
        },
        link: { type: "send", message: { text: "Track it at https://track.example/{{event.order}}" } },
        ok: { type: "end", message: "OK!" },
      },
    });
    const key = (await admin.call("POST", "/suite/api/api-keys", { name: "shop" })).body.key;
    expect(key).toMatch(/^owk_/);
    const wa = "48600800005";
    await kit.user(wa);
    const post = (body: unknown, k = key) =>
      fetch(`${s.url}/suite/api/flows/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${k}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const r = await post({
      event: "order_shipped",
      phone: `+${wa}`,
      name: "Marta",
      phone_number_id: s.phone,
      data: { order: "860198" },
    });
    expect(r.status).toBe(202);
    const body = (await r.json()) as any;
    expect(body).toMatchObject({ wa_id: wa, started: [{ run_id: expect.any(String) }], skipped: [] });
    expect((await kit.waitReceived(wa, 1))[0]).toBe("Your order 860198 has shipped.");
    // A second event while the first run waits is refused for that conversation, and said so.
    expect(
      ((await (await post({ event: "order_shipped", phone: `+${wa}`, data: { order: "1" } })).json()) as any).skipped,
    ).toHaveLength(1);
    const notice = (await kit.chat(wa)).find((m) => m.direction === "received")!;
    await s.call("POST", `/simulator/users/${wa}/messages`, {
      to: s.phone,
      type: "button",
      button: { text: "Track" },
      context: { message_id: notice.id },
    });
    expect((await kit.waitReceived(wa, 2))[1]).toBe("Track it at https://track.example/860198");
    await kit.waitRun(wa, (x) => x.state === "completed", "completed");
    const c = await kit.conversation(wa);
    expect(c).toMatchObject({ state: "resolved", assignee_id: null });
    expect((await kit.contact(wa))!.name).toBe("Marta");
    // Bad input and a bad key, in the suite's envelope.
    expect((await post({ event: "order_shipped", phone: "12" })).status).toBe(400);
    expect((await post({ event: "order_shipped", phone: `+${wa}` }, "owk_aaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(401);
  });

  it("sends a satisfaction survey when an agent resolves, and the score goes to that cycle", async () => {
    await kit.publish({
      name: "CSAT",
      trigger: { type: "conversation_resolved" },
      start: "q",
      nodes: { q: { type: "csat" } },
    });
    const wa = "48600800006";
    await kit.user(wa);
    await kit.say(wa, "hello");
    await kit.waitReceived(wa, 1);
    const c = (await kit.conversation(wa))!;
    await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "text",
      text: { body: "Done, anything else?" },
    });
    expect((await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "resolved" })).status).toBe(
      200,
    );
    expect((await kit.waitReceived(wa, 3))[2]).toBe("Jak oceniasz naszą obsługę?");
    await kit.say(wa, "5");
    expect((await kit.waitReceived(wa, 4))[3]).toBe("Dziękujemy za ocenę!");
    await kit.waitRun(wa, (r) => r.state === "completed", "survey done");
    const detail = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body;
    expect(detail.conversation.state).toBe("resolved");
    expect(detail.past_cycles).toHaveLength(1);
    expect(detail.past_cycles[0]).toMatchObject({ csat: 5, agent_id: admin.user.id });
  });

  it("answers outside business hours with the outside-hours flow, else the away message; greets inside", async () => {
    await admin.call("PUT", "/suite/api/settings/auto-messages", {
      greeting: { enabled: true, text: "Welcome to our shop!" },
      away: { enabled: true, text: "We are closed now." },
    });
    await admin.call(
      "PATCH",
      `/suite/api/flows/${(await admin.call("GET", "/suite/api/flows")).body.data.find((f: any) => f.name === "Welcome").id}`,
      { enabled: false },
    );
    const inside = "48600800007";
    await kit.user(inside);
    await kit.say(inside, "hi");
    expect(await kit.waitReceived(inside, 1)).toEqual(["Welcome to our shop!"]);
    await admin.call("PUT", "/suite/api/settings/business-hours", NEVER_OPEN);
    const outside = "48600800008";
    await kit.user(outside);
    await kit.say(outside, "hi");
    expect(await kit.waitReceived(outside, 1)).toEqual(["We are closed now."]);
    await kit.publish({
      name: "Night",
      trigger: { type: "outside_hours" },
      start: "a",
      nodes: { a: { type: "handover", message: "We open at 9; your message is in our queue." } },
    });
    const night = "48600800009";
    await kit.user(night);
    await kit.say(night, "hi");
    expect(await kit.waitReceived(night, 1)).toEqual(["We open at 9; your message is in our queue."]);
    await admin.call("PUT", "/suite/api/settings/business-hours", ALWAYS_OPEN);
  });

  it("hands over a customer who writes while the flow waits, and takes an option that sounds like a person as an answer", async () => {
    await kit.publish({
      name: "Follow-up",
      trigger: { type: "keyword", keywords: ["follow"] },
      start: "pick",
      nodes: {
        pick: {
          type: "ask",
          prompt: { text: "Sales or support?" },
          validate: {
            type: "choice",
            options: [
              { id: "sales", title: "Sales" },
              { id: "support", title: "Support" },
            ],
          },
          save_as: "topic",
          next: "later",
        },
        later: { type: "wait", duration: "3d", next: "ask_review" },
        ask_review: { type: "end", message: "How was it?" },
      },
    });
    const wa = "48600800020";
    await kit.user(wa);
    await kit.say(wa, "follow");
    await kit.waitReceived(wa, 1);
    await kit.say(wa, "support"); // an option of the question, not a request for a person
    await kit.waitRun(wa, (r) => r.waiting === "timer", "waiting three days");
    expect((await kit.contact(wa))!.attributes.topic).toBe("support");
    await kit.say(wa, "Where is my parcel?");
    const run = await kit.waitRun(wa, (r) => r.state === "handed_over", "handed over");
    expect(run.end_reason).toBe("the customer wrote while the flow was waiting");
    expect((await kit.waitReceived(wa, 2))[1]).toBe("Łączę z naszym zespołem — ktoś odpowie tutaj za chwilę.");
  });

  it("refuses a document that names another tenant's number or team", async () => {
    const doc = { name: "Foreign", trigger: { type: "event", event: "x" }, start: "a", nodes: { a: { type: "end" } } };
    const number = await admin.call("POST", "/suite/api/flows", {
      document: { ...doc, settings: { phone_number_ids: [s.phone, "999000999000"] } },
    });
    expect(number.status).toBe(400);
    expect(number.body.error).toMatchObject({ code: "invalid_flow", field: "settings.phone_number_ids.1" });
    const team = await admin.call("POST", "/suite/api/flows", {
      document: { ...doc, nodes: { a: { type: "handover", team_id: "not-a-team" } } },
    });
    expect(team.body.error).toMatchObject({ code: "invalid_flow", field: "nodes.a.team_id" });
  });

  it("lets an API key post events but never make, list or revoke keys", async () => {
    const key = (await admin.call("POST", "/suite/api/api-keys", { name: "crm" })).body.key;
    const asKey = (method: string, path: string, body?: unknown) =>
      fetch(`${s.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await asKey("POST", "/suite/api/api-keys", { name: "successor" })).status).toBe(403);
    expect((await asKey("GET", "/suite/api/api-keys")).status).toBe(403);
    expect((await asKey("GET", "/suite/api/flows")).status).toBe(200);
  });

  it("runs a scheduled flow for its audience when its time comes", async () => {
    const a = "48600800010",
      b = "48600800011";
    for (const wa of [a, b]) await kit.user(wa);
    await admin.call("POST", "/suite/api/contacts", { phone: `+${a}`, tags: ["newsletter"] });
    await admin.call("POST", "/suite/api/contacts", { phone: `+${b}` });
    const id = await kit.publish({
      name: "Weekly",
      trigger: { type: "schedule", cron: "0 9 * * 1", timezone: "Europe/Warsaw", audience: { tag: "newsletter" } },
      settings: { phone_number_ids: [s.phone] },
      start: "a",
      nodes: {
        a: {
          type: "send",
          message: { text: "Weekly news" },
          template: { name: "order_shipped", language: "en_US", parameters: ["weekly"] },
        },
      },
    });
    const next = Date.parse((await admin.call("GET", `/suite/api/flows/${id}`)).body.next_fire_at);
    const now = Date.parse((await s.call("GET", "/simulator/clock")).body.now);
    expect(new Date(next).getUTCDay()).toBe(1);
    await s.call("POST", "/simulator/clock/advance", { ms: next - now + 1000 });
    expect((await kit.waitReceived(a, 1, "weekly template"))[0]).toBe("Your order weekly has shipped.");
    expect(await kit.received(b)).toEqual([]);
    admin = await signInAdmin(s); // six days on, the session has expired
    const after = Date.parse((await admin.call("GET", `/suite/api/flows/${id}`)).body.next_fire_at);
    expect(after - next).toBe(7 * 24 * HOUR);
  });
});
