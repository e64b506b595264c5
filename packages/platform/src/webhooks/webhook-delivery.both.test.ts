import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  startTestServer,
  startWebhookReceiver,
  waitFor,
  type TestServer,
  type WebhookReceiver,
} from "@openwaba/server/testing";

// At-least-once delivery, order per (number, user), retries with backoff, dead letters and
// redrive: on SQLite and, in CI's pg project, on PostgreSQL.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const HOUR = 3600_000;
const say = (wa: string, body: string) =>
  s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
const bodiesFrom = (wa: string, r: WebhookReceiver = s.receiver) =>
  r
    .messages()
    .filter((m) => m.from === wa)
    .map((m) => m.text?.body);
const webhookJobs = () =>
  s.store.db
    .selectFrom("jobs")
    .select(["attempts", "last_error", "status"])
    .where("queue", "in", ["webhook", "webhook-backlog"])
    .execute();

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
    await waitFor(
      async () => {
        const j = await webhookJobs();
        return j.length >= 2 && j.some((x) => x.attempts >= 1 && /503/.test(x.last_error ?? ""));
      },
      10_000,
      "failed attempts recorded",
    );
    expect(bodiesFrom("48500000002")).toEqual([]);
    await s.call("POST", "/simulator/clock/advance", { ms: HOUR });
    s.receiver.failWith(200);
    await s.call("POST", "/simulator/clock/advance", { ms: 15 * 60_000 }); // past the longest backoff
    await waitFor(
      () => bodiesFrom("48500000002").length === 5 && bodiesFrom("48500000003").length === 5,
      10_000,
      "redelivery",
    );
    expect(bodiesFrom("48500000002")).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(bodiesFrom("48500000003")).toEqual(["b1", "b2", "b3", "b4", "b5"]);
    // Each delivered event leaves the queue once its POST is answered.
    await waitFor(async () => (await webhookJobs()).length === 0, 5000, "empty webhook queues");
  });

  it("dead-letters an event after seven days of failures; redrive delivers it", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "48500000004" });
    s.receiver.failWith(500);
    await say("48500000004", "lost?");
    await waitFor(async () => (await webhookJobs()).some((j) => /500/.test(j.last_error ?? "")));
    await s.call("POST", "/simulator/clock/advance", { ms: 7 * 24 * HOUR });
    const dead = await waitFor(
      async () => {
        const r = await s.call("GET", "/openwaba/webhooks/dead-letters");
        return r.body.data.length === 1 && r.body.data;
      },
      10_000,
      "dead letter",
    );
    expect(dead[0].event.messages[0].text.body).toBe("lost?");
    expect(dead[0].app_id).toBe(s.credentials.app_id);
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

// Meta delivers to each subscribed app on its own: one app's dead receiver holds back nobody else.
describe("two subscribers, one dead", () => {
  let bsp: WebhookReceiver;
  const BSP_APP = "770000000000901",
    BSP_SECRET = "bsp-secret";

  beforeAll(async () => {
    bsp = await startWebhookReceiver({ verifyToken: "bsp-verify", appSecret: BSP_SECRET });
    const now = Date.now();
    const waba = s.credentials.waba_id;
    const { business_id } = await s.store.db
      .selectFrom("wabas")
      .select("business_id")
      .where("id", "=", waba)
      .executeTakeFirstOrThrow();
    await s.store.db
      .insertInto("apps")
      .values({
        id: BSP_APP,
        business_id,
        name: "A BSP's app",
        secret: BSP_SECRET,
        graph_version: s.credentials.graph_version,
        callback_url: null,
        verify_token: null,
        fields: null,
        created_at: now,
      })
      .execute();
    await s.store.db
      .insertInto("subscribed_apps")
      .values({
        waba_id: waba,
        app_id: BSP_APP,
        override_callback_uri: bsp.url,
        verify_token: "bsp-verify",
        created_at: now,
      })
      .execute();
    s.platform.directory.forget();
  });
  afterAll(() => bsp.close());

  it("the live one gets every message and status at once, in order; the dead one gets its backlog in order when it is back", async () => {
    const wa = "48500000010";
    await s.call("POST", "/simulator/users", { wa_id: wa });
    s.receiver.failWith(503);
    for (let i = 1; i <= 4; i++) await say(wa, `m${i}`);
    // The business answers; its statuses reach the live subscriber although the dead one holds older events of this customer.
    const sent = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: wa,
      type: "text",
      text: { body: "answer" },
    });
    const out = sent.body.messages[0].id;
    await waitFor(() => bodiesFrom(wa, bsp).length === 4, 5000, "the live subscriber's messages");
    expect(bodiesFrom(wa, bsp)).toEqual(["m1", "m2", "m3", "m4"]);
    await waitFor(
      () => bsp.statuses().some((x) => x.id === out && x.status === "delivered"),
      5000,
      "the live subscriber's statuses",
    );
    expect(bsp.deliveries.every((d) => d.signatureOk)).toBe(true);
    expect(bodiesFrom(wa)).toEqual([]);
    // The dead subscriber's share waits in its own backlog.
    const backlog = await s.store.db
      .selectFrom("jobs")
      .select(["key", "kind"])
      .where("queue", "=", "webhook-backlog")
      .where("status", "=", "ready")
      .execute();
    expect(backlog.length).toBeGreaterThanOrEqual(5);
    expect(backlog.every((j) => j.kind === `${s.credentials.waba_id}|${s.credentials.app_id}`)).toBe(true);
    const subscribers = (await s.call("GET", "/openwaba/webhooks/subscribers")).body.data;
    expect(subscribers.find((x: any) => x.app_id === s.credentials.app_id).waiting).toBe(backlog.length);
    expect(subscribers.find((x: any) => x.app_id === BSP_APP)).toMatchObject({
      callback_url: bsp.url,
      via: "override",
      waiting: 0,
    });

    s.receiver.failWith(200);
    await s.call("POST", "/simulator/clock/advance", { ms: 15 * 60_000 }); // past the longest backoff
    await waitFor(
      () => bodiesFrom(wa).length === 4 && s.receiver.statuses().some((x) => x.id === out && x.status === "delivered"),
      10_000,
      "the backlog",
    );
    expect(bodiesFrom(wa)).toEqual(["m1", "m2", "m3", "m4"]);
    const order = s.receiver
      .values()
      .flatMap((v) => [
        ...(v.messages ?? []).filter((m: any) => m.from === wa).map((m: any) => m.text.body),
        ...(v.statuses ?? []).filter((x: any) => x.id === out).map((x: any) => x.status),
      ]);
    expect(order.indexOf("m4")).toBeLessThan(order.indexOf("delivered"));
    // Nothing went to the live one twice.
    expect(bodiesFrom(wa, bsp)).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("a slow receiver holds back no one: the live one gets each message at once, the slow one all of them in order", async () => {
    const wa = "48500000013";
    await s.call("POST", "/simulator/users", { wa_id: wa });
    s.receiver.answerAfter(3000);
    try {
      for (let i = 1; i <= 3; i++) await say(wa, `s${i}`);
      // Waiting for each of the slow receiver's answers would take 9 s; the live one waits at most the patience (2 s).
      await waitFor(() => bodiesFrom(wa, bsp).length === 3, 5000, "the live subscriber, not held back");
      expect(bodiesFrom(wa, bsp)).toEqual(["s1", "s2", "s3"]);
      await waitFor(() => bodiesFrom(wa).length === 3, 15_000, "the slow subscriber, in order");
      expect(bodiesFrom(wa)).toEqual(["s1", "s2", "s3"]);
    } finally {
      s.receiver.answerAfter(0);
    }
    // Its first POST took longer than the patience, then answered 200: it is not delivered again.
    await waitFor(async () => (await webhookJobs()).length === 0, 15_000, "backlog settled");
    expect(bodiesFrom(wa)).toEqual(["s1", "s2", "s3"]);
  });

  it("echoes a message sent by one app to the other subscribers that take every field, never to the sender", async () => {
    const wa = "48500000012";
    await openWindow(s, wa);
    await s.store.db
      .insertInto("access_tokens")
      .values({
        token: "EAAObsp-token",
        app_id: BSP_APP,
        waba_id: s.credentials.waba_id,
        kind: "system_user",
        created_at: Date.now(),
      })
      .execute();
    const byDev = (
      await s.call("POST", `/${s.phone}/messages`, {
        messaging_product: "whatsapp",
        to: wa,
        type: "text",
        text: { body: "from the dev app" },
      })
    ).body.messages[0].id;
    const byBsp = (
      await s.call(
        "POST",
        `/${s.phone}/messages`,
        { messaging_product: "whatsapp", to: wa, type: "text", text: { body: "from the BSP" } },
        { authorization: "Bearer EAAObsp-token" },
      )
    ).body.messages[0].id;
    await waitFor(
      () => bsp.statuses().some((x) => x.id === byBsp && x.status === "delivered"),
      5000,
      "the BSP's own statuses",
    );
    const echoes = bsp.deliveries
      .flatMap((d) => d.json.entry[0].changes)
      .filter((c: any) => c.field === "smb_message_echoes");
    const echoed = echoes.flatMap((c: any) => c.value.message_echoes).filter((e: any) => e.to === wa);
    expect(echoed).toEqual([
      {
        from: expect.any(String),
        to: wa,
        id: byDev,
        timestamp: expect.stringMatching(/^\d+$/),
        type: "text",
        text: { body: "from the dev app" },
      },
    ]);
    expect(echoes[0].value.metadata.phone_number_id).toBe(s.phone);
    // The dev app chose only `messages`: it gets no echoes, not even of the BSP's message.
    expect(s.receiver.values().some((v) => v.message_echoes)).toBe(false);
  });

  it("a dead letter belongs to the subscriber that did not take it", async () => {
    const wa = "48500000011";
    await s.call("POST", "/simulator/users", { wa_id: wa });
    bsp.failWith(500);
    await say(wa, "only the BSP missed this");
    await waitFor(() => bodiesFrom(wa).length === 1, 5000, "the dev app's copy");
    await s.call("POST", "/simulator/clock/advance", { ms: 7 * 24 * HOUR });
    const dead = await waitFor(
      async () => {
        const d = (await s.call("GET", "/openwaba/webhooks/dead-letters")).body.data.filter(
          (x: any) => x.event.messages?.[0]?.from === wa,
        );
        return d.length && d;
      },
      10_000,
      "dead letter",
    );
    expect(dead.map((d: any) => d.app_id)).toEqual([BSP_APP]);
    bsp.failWith(200);
    await s.call("POST", "/openwaba/webhooks/dead-letters/redrive", { ids: dead.map((d: any) => d.id) });
    await waitFor(() => bodiesFrom(wa, bsp).length === 1, 10_000, "redriven to the BSP");
    expect(bodiesFrom(wa)).toEqual(["only the BSP missed this"]);
  });
});
