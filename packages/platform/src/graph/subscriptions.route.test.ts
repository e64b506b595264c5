import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addTenant,
  startTestServer,
  startWebhookReceiver,
  text,
  waitFor,
  type OtherTenant,
  type TestServer,
  type WebhookReceiver,
} from "@openwaba/server/testing";

// The tests in each describe run in order and build on one another's state, like a client setting
// up its webhooks step by step.

let n = 0;
const newUser = () => `4860020${String(1000 + n++).padStart(4, "0")}`;

/** A simulated user writes to the business; the inbound message's wamid. */
async function userWrites(s: TestServer, body = "hello"): Promise<string> {
  const wa = newUser();
  const u = await s.call("POST", "/simulator/users", { wa_id: wa });
  expect(u.status, JSON.stringify(u.body)).toBe(201);
  const m = await s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  return m.body.messages[0].id;
}
/** Waits until the webhook queue has handed out every event (delivered, or with nowhere to go). */
async function webhooksSettled(s: TestServer) {
  await waitFor(
    async () =>
      Number(
        (
          await s.store.db
            .selectFrom("jobs")
            .select((e) => e.fn.countAll().as("n"))
            .where("queue", "=", "webhook")
            .executeTakeFirstOrThrow()
        ).n,
      ) === 0,
    5000,
    "webhook queue drained",
  );
}
const got = (r: WebhookReceiver, wamid: string) => r.messages().some((m) => m.id === wamid);
const objectMissing = (r: { status: number; body: any }, id: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
  expect(r.body.error.message).toContain(`Object with ID '${id}' does not exist`);
};
/** A Graph call with no Authorization header: the token, if any, rides in the query. */
const bare = async (s: TestServer, method: string, path: string, body?: unknown) => {
  const r = await fetch(`${s.url}/${s.credentials.graph_version}${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: (await r.json()) as any };
};

describe("POST|GET|DELETE /{app-id}/subscriptions", () => {
  let s: TestServer;
  let second: WebhookReceiver;
  let other: OtherTenant;
  let app: string;
  const secondToken = "second-receiver-verify";
  beforeAll(async () => {
    s = await startTestServer();
    second = await startWebhookReceiver({ verifyToken: secondToken, appSecret: s.credentials.app_secret });
    other = await addTenant(s);
    app = s.credentials.app_id;
  });
  afterAll(async () => {
    await second.close();
    await s.stop();
  });
  const subscribe = (callback_url: string, verify_token: string, extra: Record<string, unknown> = {}) =>
    s.call("POST", `/${app}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url,
      verify_token,
      ...extra,
    });
  const current = async () => {
    const r = await s.call("GET", `/${app}/subscriptions`);
    expect(r.status).toBe(200);
    return r.body;
  };

  it("GET shows the callback the harness subscribed, with its fields", async () => {
    expect(await current()).toEqual({
      data: [
        {
          object: "whatsapp_business_account",
          callback_url: s.receiver.url,
          active: true,
          fields: [{ name: "messages", version: s.credentials.graph_version }],
        },
      ],
    });
  });

  it("a wrong verify_token (the receiver answers 403): 400 code 2200, the old callback kept and still receiving", async () => {
    const before = await current();
    const handshakes = second.handshakes;
    const r = await subscribe(second.url, "not-the-token");
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 2200, type: "OAuthException" });
    expect(r.body.error.error_data.details).toContain("403");
    expect(second.handshakes).toBe(handshakes + 1); // it did ask the receiver
    expect(await current()).toEqual(before);
    const wamid = await userWrites(s);
    await waitFor(() => got(s.receiver, wamid), 5000, "event at the old callback");
    await webhooksSettled(s);
    expect(got(second, wamid)).toBe(false);
  });

  it("a callback that answers 200 without echoing the challenge, or is unreachable: 2200, nothing changes", async () => {
    const before = await current();
    const liar = createServer((_q, res) => res.writeHead(200).end("ok"));
    await new Promise<void>((r) => liar.listen(0, "127.0.0.1", r));
    const port = (liar.address() as AddressInfo).port;
    try {
      const r = await subscribe(`http://127.0.0.1:${port}/hook`, secondToken);
      expect([r.status, r.body.error.code]).toEqual([400, 2200]);
    } finally {
      await new Promise<void>((r) => liar.close(() => r()));
    }
    const gone = await subscribe(`http://127.0.0.1:${port}/hook`, secondToken);
    expect([gone.status, gone.body.error.code]).toEqual([400, 2200]);
    expect(await current()).toEqual(before);
  });

  it("refuses a body without a callback_url, verify_token or object, and a non-http URL", async () => {
    const before = await current();
    const noUrl = await s.call("POST", `/${app}/subscriptions`, {
      object: "whatsapp_business_account",
      verify_token: secondToken,
    });
    expect([noUrl.status, noUrl.body.error.code]).toEqual([400, 131008]);
    expect(noUrl.body.error.error_data.details).toContain("callback_url");
    const noToken = await s.call("POST", `/${app}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url: second.url,
    });
    expect([noToken.status, noToken.body.error.code]).toEqual([400, 131008]);
    expect(noToken.body.error.error_data.details).toContain("verify_token");
    const noObject = await s.call("POST", `/${app}/subscriptions`, {
      callback_url: second.url,
      verify_token: secondToken,
    });
    expect(noObject.status).toBe(400);
    expect(noObject.body.error.error_data.details).toContain("object");
    const ftp = await subscribe("ftp://127.0.0.1/hook", secondToken);
    expect([ftp.status, ftp.body.error.code]).toEqual([400, 100]);
    expect(await current()).toEqual(before);
  });

  it("the right verify_token: success; GET shows the new callback with its fields, and events go there, signed", async () => {
    const r = await subscribe(second.url, secondToken, { fields: "messages,account_update" });
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    expect(await current()).toEqual({
      data: [
        {
          object: "whatsapp_business_account",
          callback_url: second.url,
          active: true,
          fields: [
            { name: "messages", version: s.credentials.graph_version },
            { name: "account_update", version: s.credentials.graph_version },
          ],
        },
      ],
    });
    const wamid = await userWrites(s);
    await waitFor(() => got(second, wamid), 5000, "event at the new callback");
    await webhooksSettled(s);
    expect(got(s.receiver, wamid)).toBe(false);
    expect(second.deliveries.length).toBeGreaterThan(0);
    expect(second.deliveries.every((d) => d.signatureOk)).toBe(true);
  });

  it("the app token form app_id|app_secret as access_token manages the subscription too (query and Bearer)", async () => {
    const appToken = `${app}|${s.credentials.app_secret}`;
    const viaQuery = await bare(s, "GET", `/${app}/subscriptions?access_token=${encodeURIComponent(appToken)}`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.data[0].callback_url).toBe(second.url);
    const viaBearer = await s.call("GET", `/${app}/subscriptions`, undefined, { authorization: `Bearer ${appToken}` });
    expect(viaBearer.body).toEqual(viaQuery.body);

    const back = await bare(s, "POST", `/${app}/subscriptions?access_token=${encodeURIComponent(appToken)}`, {
      object: "whatsapp_business_account",
      callback_url: s.receiver.url,
      verify_token: s.credentials.verify_token,
      fields: ["messages"],
    });
    expect(back).toMatchObject({ status: 200, body: { success: true } });
    expect((await current()).data[0]).toMatchObject({ callback_url: s.receiver.url, fields: [{ name: "messages" }] });
  });

  it("an app token with the wrong secret is refused (401/190) and changes nothing", async () => {
    const before = await current();
    const r = await bare(s, "POST", `/${app}/subscriptions?access_token=${encodeURIComponent(`${app}|wrong-secret`)}`, {
      object: "whatsapp_business_account",
      callback_url: second.url,
      verify_token: secondToken,
    });
    expect([r.status, r.body.error.code]).toEqual([401, 190]);
    expect(await current()).toEqual(before);
  });

  it("another app's id: 400/100/33 for GET, POST and DELETE — both ways — and nothing changes", async () => {
    const before = await current();
    objectMissing(await s.call("GET", `/${other.appId}/subscriptions`), other.appId);
    objectMissing(
      await s.call("POST", `/${other.appId}/subscriptions`, {
        object: "whatsapp_business_account",
        callback_url: second.url,
        verify_token: secondToken,
      }),
      other.appId,
    );
    objectMissing(await s.call("DELETE", `/${other.appId}/subscriptions`), other.appId);
    const theirs = { authorization: `Bearer ${other.token}` };
    objectMissing(await s.call("GET", `/${app}/subscriptions`, undefined, theirs), app);
    objectMissing(await s.call("DELETE", `/${app}/subscriptions`, undefined, theirs), app);
    const theirAppToken = await bare(
      s,
      "DELETE",
      `/${app}/subscriptions?access_token=${encodeURIComponent(`${other.appId}|${other.appSecret}`)}`,
    );
    expect(theirAppToken.status).toBeGreaterThanOrEqual(400);
    expect(theirAppToken.status).toBeLessThan(500);
    expect(await current()).toEqual(before);
    const ownApp = await bare(
      s,
      "GET",
      `/${other.appId}/subscriptions?access_token=${encodeURIComponent(`${other.appId}|${other.appSecret}`)}`,
    );
    expect(ownApp).toMatchObject({ status: 200, body: { data: [] } });
  });

  it("DELETE removes it: GET shows none and events stop arriving", async () => {
    const control = await userWrites(s);
    await waitFor(() => got(s.receiver, control), 5000, "event before the DELETE");
    const r = await s.call("DELETE", `/${app}/subscriptions`);
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    expect(await current()).toEqual({ data: [] });
    const before = s.receiver.deliveries.length + second.deliveries.length;
    const wamid = await userWrites(s);
    await webhooksSettled(s);
    await new Promise((r) => setTimeout(r, 100));
    expect(got(s.receiver, wamid)).toBe(false);
    expect(s.receiver.deliveries.length + second.deliveries.length).toBe(before);
  });

  it("subscribing again brings events back", async () => {
    expect((await subscribe(s.receiver.url, s.credentials.verify_token)).status).toBe(200);
    const wamid = await userWrites(s);
    await waitFor(() => got(s.receiver, wamid), 5000, "event after subscribing again");
  });
});

describe("POST|GET|DELETE /{waba-id}/subscribed_apps with override_callback_uri", () => {
  let s: TestServer;
  let override: WebhookReceiver;
  let other: OtherTenant;
  let waba: string;
  const overrideToken = "override-verify";
  beforeAll(async () => {
    // Platform only: the embedded suite is one more subscribed app, which would show in these lists.
    s = await startTestServer({ env: { OPENWABA_SUITE: "off" } });
    override = await startWebhookReceiver({ verifyToken: overrideToken, appSecret: s.credentials.app_secret });
    other = await addTenant(s);
    waba = s.credentials.waba_id;
  });
  afterAll(async () => {
    await override.close();
    await s.stop();
  });
  const listed = async () => {
    const r = await s.call("GET", `/${waba}/subscribed_apps`);
    expect(r.status).toBe(200);
    return r.body;
  };

  it("GET lists the dev app, without an override", async () => {
    expect(await listed()).toEqual({
      data: [
        {
          whatsapp_business_api_data: {
            id: s.credentials.app_id,
            name: expect.any(String),
            link: expect.stringContaining(s.credentials.app_id),
          },
        },
      ],
    });
  });

  it("an override whose receiver refuses the verify_token: 400/2200, no override, events stay at the app's callback", async () => {
    const before = await listed();
    const r = await s.call("POST", `/${waba}/subscribed_apps`, {
      override_callback_uri: override.url,
      verify_token: "wrong",
    });
    expect([r.status, r.body.error.code]).toEqual([400, 2200]);
    expect(await listed()).toEqual(before);
    const wamid = await userWrites(s);
    await waitFor(() => got(s.receiver, wamid), 5000, "event at the app callback");
    await webhooksSettled(s);
    expect(got(override, wamid)).toBe(false);
  });

  it("an override without a verify_token: 131008, nothing changes", async () => {
    const before = await listed();
    const handshakes = override.handshakes;
    const r = await s.call("POST", `/${waba}/subscribed_apps`, { override_callback_uri: override.url });
    expect([r.status, r.body.error.code]).toEqual([400, 131008]);
    expect(r.body.error.error_data.details).toContain("verify_token");
    expect(override.handshakes).toBe(handshakes);
    expect(await listed()).toEqual(before);
  });

  it("another WABA's id: 400/100/33 for GET, POST and DELETE — both ways — and nothing changes", async () => {
    const before = await listed();
    objectMissing(await s.call("GET", `/${other.wabaId}/subscribed_apps`), other.wabaId);
    objectMissing(
      await s.call("POST", `/${other.wabaId}/subscribed_apps`, {
        override_callback_uri: override.url,
        verify_token: overrideToken,
      }),
      other.wabaId,
    );
    objectMissing(await s.call("DELETE", `/${other.wabaId}/subscribed_apps`), other.wabaId);
    const theirs = { authorization: `Bearer ${other.token}` };
    objectMissing(await s.call("GET", `/${waba}/subscribed_apps`, undefined, theirs), waba);
    objectMissing(
      await s.call(
        "POST",
        `/${waba}/subscribed_apps`,
        { override_callback_uri: override.url, verify_token: overrideToken },
        theirs,
      ),
      waba,
    );
    objectMissing(await s.call("DELETE", `/${waba}/subscribed_apps`, undefined, theirs), waba);
    expect(await listed()).toEqual(before);
  });

  it("with the second receiver's verify_token: success; GET shows the override; this WABA's events go there, every one signed", async () => {
    const r = await s.call("POST", `/${waba}/subscribed_apps`, {
      override_callback_uri: override.url,
      verify_token: overrideToken,
    });
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    expect(await listed()).toEqual({
      data: [
        {
          whatsapp_business_api_data: { id: s.credentials.app_id, name: expect.any(String), link: expect.any(String) },
          override_callback_uri: override.url,
        },
      ],
    });

    const appCallbackBefore = s.receiver.deliveries.length;
    const wamid = await userWrites(s, "to the override");
    await waitFor(() => got(override, wamid), 5000, "event at the override URL");
    // A reply from the business: its statuses follow the same route.
    const wa = override.messages().find((m) => m.id === wamid).from;
    const sent = await s.call("POST", `/${s.phone}/messages`, text(wa, "thanks"));
    expect(sent.status).toBe(200);
    const out = sent.body.messages[0].id;
    await waitFor(
      () => override.statuses().some((x) => x.id === out && x.status === "delivered"),
      5000,
      "statuses at the override URL",
    );
    await webhooksSettled(s);

    expect(s.receiver.deliveries.length).toBe(appCallbackBefore);
    expect(override.deliveries.length).toBeGreaterThanOrEqual(2);
    for (const d of override.deliveries) {
      expect(d.signatureOk).toBe(true);
      expect(d.headers["x-hub-signature-256"]).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(d.json.entry[0].id).toBe(waba);
    }
    const msg = override.values().find((v) => v.messages?.some((m: any) => m.id === wamid));
    expect(msg.metadata.phone_number_id).toBe(s.phone);
    expect(override.messages().find((m) => m.id === wamid).text.body).toBe("to the override");
  });

  it("DELETE: GET lists nothing and no more events arrive anywhere", async () => {
    const r = await s.call("DELETE", `/${waba}/subscribed_apps`);
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    expect(await listed()).toEqual({ data: [] });
    const before = { app: s.receiver.deliveries.length, override: override.deliveries.length };
    const wamid = await userWrites(s);
    await webhooksSettled(s);
    await new Promise((r) => setTimeout(r, 100));
    expect(got(override, wamid) || got(s.receiver, wamid)).toBe(false);
    expect({ app: s.receiver.deliveries.length, override: override.deliveries.length }).toEqual(before);
  });

  it("POST without an override subscribes the app again, to its own callback", async () => {
    const r = await s.call("POST", `/${waba}/subscribed_apps`);
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    const list = await listed();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).not.toHaveProperty("override_callback_uri");
    const wamid = await userWrites(s);
    await waitFor(() => got(s.receiver, wamid), 5000, "event at the app callback again");
    await webhooksSettled(s);
    expect(got(override, wamid)).toBe(false);
  });
});
