import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configFromEnv } from "../config";
import { startServer, type RunningServer } from "../server";
import { type Answer, type Call, readAnswer } from "./answer";
import { testDatabaseUrl } from "./test-database";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

export * from "./answer";
export * from "./test-database";
export * from "./webhook-receiver";
export * from "./suite-session";
export * from "./server-process";
export * from "./use-test-server";
export * from "./use-cleanup";
export * from "./other-tenant";
export * from "./kits/campaigns";
export * from "./kits/flows";
export type * from "./kits/chat-message";

export interface TestServer extends RunningServer {
  /** A Graph call with the dev token: call("POST", "/123/messages", body); call<Res>() names the answer. */
  call: Call;
  receiver: WebhookReceiver;
  phone: string;
  /** The server's fresh data dir (media bytes live under <dataDir>/media). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Settings on top of the test defaults (as the environment would give them). */
  env?: Record<string, string>;
  /** Subscribe the webhook receiver to the dev app (default true). */
  subscribe?: boolean;
  /** The clock of sessions, tokens and lockouts (default the wall clock). */
  securityClock?: { now(): number };
}

/**
 * The real server on an ephemeral port (fresh data dir, SQLite or a PostgreSQL schema), with a
 * subscribed webhook receiver on 127.0.0.1. Delays of simulated phones are zero unless asked.
 */
export async function startTestServer(o: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "openwaba-test-"));
  const db = await testDatabaseUrl();
  const config = configFromEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    OPENWABA_DATA_DIR: dataDir,
    OPENWABA_SIM_LATENCY: "zero",
    LOG_LEVEL: "silent",
    OPENWABA_LOG_FORMAT: "json",
    // Tests decide template reviews themselves (or turn the engine on with a delay and travel).
    OPENWABA_TEMPLATE_REVIEW_MS: "off",
    // …and start with an empty WABA, without Meta's sample template hello_world.
    OPENWABA_SAMPLE_TEMPLATE: "off",
    ...(db.url ? { OPENWABA_DATABASE_URL: db.url } : {}),
    ...o.env,
  });
  const server = await startServer(config, { securityClock: o.securityClock });
  const creds = server.credentials;
  const receiver = await startWebhookReceiver({ verifyToken: creds.verify_token, appSecret: creds.app_secret });
  const call: Call = async (method, path, body, headers = {}) => {
    const url =
      path.startsWith("/simulator") ||
      path.startsWith("/openwaba") ||
      path.startsWith("/lookaside") ||
      path.startsWith("/health") ||
      path.startsWith("/metrics") ||
      path.startsWith("/openapi") ||
      /^\/v\d/.test(path)
        ? server.url + path
        : `${server.url}/${creds.graph_version}${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${creds.access_token}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return readAnswer(res);
  };
  if (o.subscribe !== false) {
    const r = await call("POST", `/${creds.app_id}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url: receiver.url,
      verify_token: creds.verify_token,
      fields: "messages",
    });
    if (r.status !== 200) throw new Error(`subscription failed: ${JSON.stringify(r.body)}`);
  }
  return {
    ...server,
    call,
    receiver,
    phone: creds.phone_number_ids[0],
    dataDir,
    async stop() {
      await server.close();
      await receiver.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a simulated user and has it write to the business, opening the service window. */
export async function openWindow(s: TestServer, waId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const u = await s.call("POST", "/simulator/users", { wa_id: waId, ...extra });
  if (u.status !== 201 && u.status !== 409) throw new Error(`user: ${JSON.stringify(u.body)}`);
  const m = await s.call<{ messages: { id: string }[] }>("POST", `/simulator/users/${waId}/messages`, {
    to: s.phone,
    type: "text",
    text: { body: "hello" },
  });
  if (m.status !== 201) throw new Error(`inbound: ${JSON.stringify(m.body)}`);
  return m.body.messages[0].id;
}

export interface OtherTenant {
  businessId: string;
  wabaId: string;
  appId: string;
  appSecret: string;
  token: string;
  phone: string;
}

/**
 * A second business on the same server (its own WABA, app, system-user token and connected
 * number), for checking that one tenant cannot reach another's objects. `n` keeps ids apart.
 */
export async function addTenant(s: TestServer, n = 1): Promise<OtherTenant> {
  const d = String(n).padStart(3, "0");
  const t: OtherTenant = {
    businessId: `66000000000${d}`,
    wabaId: `880000000000${d}`,
    appId: `770000000000${d}`,
    appSecret: `other-secret-${d}`,
    token: `EAAOother-tenant-${d}`,
    phone: `990000000000${d}`,
  };
  const now = Date.now();
  await s.store.db
    .insertInto("businesses")
    .values({ id: t.businessId, name: `Other business ${d}`, created_at: now })
    .execute();
  await s.store.db
    .insertInto("wabas")
    .values({
      id: t.wabaId,
      business_id: t.businessId,
      name: `Other ${d}`,
      currency: "EUR",
      timezone_id: "1",
      created_at: now,
    })
    .execute();
  await s.store.db
    .insertInto("apps")
    .values({
      id: t.appId,
      business_id: t.businessId,
      name: `Other app ${d}`,
      secret: t.appSecret,
      graph_version: s.credentials.graph_version,
      callback_url: null,
      verify_token: null,
      fields: null,
      created_at: now,
    })
    .execute();
  await s.store.db
    .insertInto("access_tokens")
    .values({ token: t.token, app_id: t.appId, waba_id: t.wabaId, kind: "system_user", created_at: now })
    .execute();
  await s.store.db
    .insertInto("phone_numbers")
    .values({
      id: t.phone,
      waba_id: t.wabaId,
      display_phone_number: `1555000${d}0`.padEnd(11, "0"),
      verified_name: `Other ${d}`,
      quality_rating: "GREEN",
      status: "CONNECTED",
      profile: "{}",
      created_at: now,
    })
    .execute();
  s.platform.directory.forget();
  return t;
}

export const text = (to: string, body = "hi", extra: Record<string, unknown> = {}) => ({
  messaging_product: "whatsapp",
  to,
  type: "text",
  text: { body },
  ...extra,
});
export * from "./samples";

/**
 * Uploads bytes as POST /{phone}/media does with curl -F. `o.token` replaces the dev token (null:
 * none), `o.phone` the dev number.
 */
export async function upload(
  s: TestServer,
  bytes: Buffer,
  mime: string,
  filename = "file.bin",
  fields: Record<string, string> = { messaging_product: "whatsapp" },
  o: { token?: string | null; phone?: string } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([bytes], { type: mime }), filename);
  const token = o.token === undefined ? s.credentials.access_token : o.token;
  const res = await fetch(`${s.url}/${s.credentials.graph_version}/${o.phone ?? s.phone}/media`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Answer };
}
