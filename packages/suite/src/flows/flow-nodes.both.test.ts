import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flowKit,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// Every node type in flows a shop would build: ask (with validation and re-prompts), a call to
// the shop's own system with the answer mapped back, branch, set, send, wait, CSAT, end, handover.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof flowKit>;
let shop: Server;
let shopUrl = "";
const shopCalls: { url: string; auth: string | undefined; body: string }[] = [];

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = flowKit(s, admin);
  await admin.call("POST", "/suite/api/me/availability", { availability: "away" });
  // The shop's order API: known orders, a slow one, and one that fails twice before answering.
  let flaky = 0;
  shop = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      shopCalls.push({ url: req.url ?? "", auth: req.headers.authorization, body });
      if (req.url === "/orders/860198")
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ order: { status: "shipped", eta: "2026-12-03", carrier: "InPost" } }));
      if (req.url === "/orders/555555") {
        flaky++;
        return flaky <= 2
          ? res.writeHead(503).end()
          : res
              .writeHead(200, { "content-type": "application/json" })
              .end(JSON.stringify({ order: { status: "packing" } }));
      }
      if (req.url === "/orders/111111") return setTimeout(() => res.writeHead(200).end("{}"), 3000);
      if (req.url === "/leads")
        return res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: "L-1" }));
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "no such order" }));
    });
  });
  await new Promise<void>((r) => shop.listen(0, "127.0.0.1", r));
  shopUrl = `http://127.0.0.1:${(shop.address() as { port: number }).port}`;

  await kit.publish({
    name: "Order status",
    trigger: { type: "keyword", keywords: ["order", "zamówienie"], match: "contains" },
    start: "ask_number",
    nodes: {
      ask_number: {
        type: "ask",
        prompt: { text: "Hi {{contact.name}}! Your order number (6 digits)?" },
        validate: { type: "regex", pattern: "\\b\\d{6}\\b" },
        save_as: "order_number",
        reprompt: "That is not an order number: 6 digits, please.",
        max_attempts: 2,
        next: "lookup",
        on_invalid: "human",
      },
      lookup: {
        type: "http",
        method: "GET",
        url: `${shopUrl}/orders/{{attr.order_number}}`,
        headers: { Authorization: "Bearer shop-secret" },
        timeout: "1s",
        retries: 2,
        save: { "attr.order_status": "body.order.status", "vars.eta": "body.order.eta" },
        next: "which",
        on_error: "unknown",
      },
      which: {
        type: "branch",
        cases: [{ when: { var: "attr.order_status", op: "eq", value: "shipped" }, next: "shipped" }],
        default: "not_yet",
      },
      shipped: {
        type: "send",
        message: { text: "Order {{attr.order_number}} is on its way, arriving {{vars.eta}}." },
        next: "tag",
      },
      not_yet: {
        type: "send",
        message: { text: "Order {{attr.order_number}} is {{attr.order_status|being prepared}}." },
        next: "tag",
      },
      tag: {
        type: "set",
        tags: { add: ["asked-order"] },
        attributes: { last_lookup: "{{attr.order_number}}" },
        next: "survey",
      },
      unknown: {
        type: "send",
        message: { text: "I could not find order {{attr.order_number}} ({{http.status}})." },
        next: "human",
      },
      survey: { type: "csat", question: "How did we do?", thanks: "Thanks!", next: "bye" },
      bye: { type: "end", message: "Bye {{contact.name}}!" },
      human: {
        type: "handover",
        message: "A colleague will take it from here.",
        note: "Order: {{attr.order_number|none}}",
      },
    },
  });
});
afterAll(async () => {
  await s.stop();
  shop.close();
});

describe("a flow with every kind of step", () => {
  it("asks, re-prompts a wrong answer, calls the shop, branches, answers, tags, surveys and ends", async () => {
    const wa = "48600700001";
    await kit.user(wa, { name: "Ewa" });
    await kit.say(wa, "Where is my order?");
    expect(await kit.waitReceived(wa, 1)).toEqual(["Hi Ewa! Your order number (6 digits)?"]);
    await kit.say(wa, "I don't remember");
    expect((await kit.waitReceived(wa, 3)).slice(1)).toEqual([
      "That is not an order number: 6 digits, please.",
      "Hi Ewa! Your order number (6 digits)?",
    ]);
    await kit.say(wa, "it is 860198");
    const got = await kit.waitReceived(wa, 5, "answer and survey");
    expect(got.slice(3)).toEqual(["Order 860198 is on its way, arriving 2026-12-03.", "How did we do?"]);
    expect(shopCalls.find((c) => c.url === "/orders/860198")?.auth).toBe("Bearer shop-secret");
    await kit.tap(wa, "csat_4");
    expect((await kit.waitReceived(wa, 7)).slice(5)).toEqual(["Thanks!", "Bye Ewa!"]);

    const run = await kit.waitRun(wa, (r) => r.state === "completed", "completed run");
    expect(run.steps.map((x: any) => `${x.kind}${x.node ? `:${x.node}` : ""}`)).toEqual(
      expect.arrayContaining([
        "started",
        "enter:ask_number",
        "sent:ask_number",
        "waiting:ask_number",
        "answer:ask_number",
        "enter:lookup",
        "http:lookup",
        "enter:which",
        "decision:which",
        "enter:shipped",
        "enter:survey",
        "csat:survey",
        "enter:bye",
        "ended",
      ]),
    );
    expect(run.steps.find((x: any) => x.kind === "answer" && x.detail.valid === false).detail).toMatchObject({
      attempts: 1,
      of: 2,
    });
    expect(run.steps.find((x: any) => x.kind === "decision").detail).toEqual({ case: 0, next: "shipped" });
    const contact = (await kit.contact(wa))!;
    expect(contact.attributes).toMatchObject({
      order_number: "860198",
      order_status: "shipped",
      last_lookup: "860198",
    });
    expect(contact.tags).toContain("asked-order");
    // The survey's score went to the cycle the bot resolved, for the reports.
    const c = (await kit.conversation(wa))!;
    expect(c.state).toBe("resolved");
    expect(c.bot_run_id).toBeNull();
    const detail = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body;
    expect(detail.past_cycles[0]).toMatchObject({ csat: 4, agent_id: null });
  });

  it("retries a failing call to the shop, and follows on_error when it keeps failing", async () => {
    const wa = "48600700002";
    await kit.user(wa, { name: "Jan" });
    await kit.say(wa, "zamówienie");
    await kit.waitReceived(wa, 1);
    await kit.say(wa, "555555");
    expect((await kit.waitReceived(wa, 3))[1]).toBe("Order 555555 is packing.");
    const run = (await kit.run(wa))!;
    expect(run.steps.find((x: any) => x.kind === "http").detail).toMatchObject({ status: 200, attempts: 3 });
    await kit.tap(wa, "csat_5");
    await kit.waitRun(wa, (r) => r.state === "completed", "completed");

    const lost = "48600700003";
    await kit.user(lost, { name: "Ola" });
    await kit.say(lost, "order");
    await kit.waitReceived(lost, 1);
    await kit.say(lost, "999999");
    const got = await kit.waitReceived(lost, 3);
    expect(got[1]).toBe("I could not find order 999999 (404).");
    expect(got[2]).toBe("A colleague will take it from here.");
    const r = await kit.waitRun(lost, (x) => x.state === "handed_over", "handed over");
    expect(r.end_reason).toBe("flow");
    const detail = (await admin.call("GET", `/suite/api/conversations/${(await kit.conversation(lost))!.id}`)).body;
    expect(detail.timeline.find((i: any) => i.kind === "note")?.content.body).toBe("Order: 999999");
  });

  it("gives up after the last wrong answer and hands over; a timeout of the shop counts as an error", async () => {
    const wa = "48600700004";
    await kit.user(wa);
    await kit.say(wa, "order");
    await kit.waitReceived(wa, 1);
    await kit.say(wa, "no idea");
    await kit.waitReceived(wa, 3);
    await kit.say(wa, "still no idea");
    expect((await kit.waitReceived(wa, 4)).at(-1)).toBe("A colleague will take it from here.");
    const run = await kit.waitRun(wa, (r) => r.state === "handed_over", "handed over");
    expect(run.steps.filter((x: any) => x.kind === "answer").map((x: any) => x.detail.attempts)).toEqual([1, 2]);
    expect((await kit.conversation(wa))!.state).toBe("open");

    const slow = "48600700005";
    await kit.user(slow);
    await kit.say(slow, "order");
    await kit.waitReceived(slow, 1);
    await kit.say(slow, "111111");
    expect((await kit.waitReceived(slow, 3))[1]).toBe("I could not find order 111111 (0).");
    const r = (await kit.run(slow))!;
    expect(r.steps.find((x: any) => x.kind === "http").detail).toMatchObject({
      status: 0,
      attempts: 3,
      error: "no answer within 1000 ms",
    });
  });

  it("waits a duration, posts JSON bodies, and offers choices as buttons", async () => {
    await kit.publish({
      name: "Lead form",
      trigger: { type: "keyword", keywords: ["offer"] },
      start: "pick",
      nodes: {
        pick: {
          type: "ask",
          prompt: { text: "Which plan?" },
          validate: {
            type: "choice",
            options: [
              { id: "basic", title: "Basic" },
              { id: "pro", title: "Pro", synonyms: ["professional"] },
            ],
          },
          save_as: "plan",
          next: "email",
        },
        email: {
          type: "ask",
          prompt: { text: "Your e-mail?" },
          validate: { type: "email" },
          save_as: "email",
          next: "post",
        },
        post: {
          type: "http",
          method: "POST",
          url: `${shopUrl}/leads`,
          body: { plan: "{{attr.plan}}", email: "{{attr.email}}", phone: "{{contact.phone}}" },
          save: { "attr.lead_id": "body.id" },
          next: "later",
        },
        later: { type: "wait", duration: "1h", next: "follow" },
        follow: { type: "send", message: { text: "Lead {{attr.lead_id}}: we will call you about {{reply.value}}." } },
      },
    });
    const wa = "48600700006";
    await kit.user(wa);
    await kit.say(wa, "offer");
    await kit.waitReceived(wa, 1);
    const question = (await kit.chat(wa)).find((m) => m.direction === "received")!;
    expect(question.content.action.buttons.map((b: any) => b.reply.id)).toEqual(["basic", "pro"]);
    await kit.say(wa, "Professional");
    await kit.waitReceived(wa, 2);
    await kit.say(wa, "Ewa@Example.com");
    await waitFor(() => shopCalls.find((c) => c.url === "/leads"), 10_000, "lead posted");
    expect(JSON.parse(shopCalls.find((c) => c.url === "/leads")!.body)).toEqual({
      plan: "pro",
      email: "ewa@example.com",
      phone: `+${wa}`,
    });
    await kit.waitRun(wa, (r) => r.waiting === "timer", "waiting an hour");
    // Not a moment early: 59 minutes on, nothing; past the hour, the follow-up.
    await s.call("POST", "/simulator/clock/advance", { ms: 59 * 60_000 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await kit.received(wa)).toHaveLength(2);
    await s.call("POST", "/simulator/clock/advance", { ms: 60_001 });
    expect((await kit.waitReceived(wa, 3)).at(-1)).toBe("Lead L-1: we will call you about ewa@example.com.");
    expect(
      (await kit.waitRun(wa, (r) => r.state === "completed", "completed")).steps.find((x: any) => x.kind === "waited"),
    ).toBeTruthy();
  });
});
