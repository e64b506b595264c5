import { randomInt } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { toJson } from "@openwaba/store";
import { graphId, secret } from "../ids";
import type { Platform } from "../platform";

export interface DevCredentials {
  access_token: string;
  app_id: string;
  app_secret: string;
  verify_token: string;
  waba_id: string;
  phone_number_ids: string[];
  graph_version: string;
}

/**
 * Meta's sample template, which every new WABA on Meta has, approved: the first template a
 * developer can send (`template <to> hello_world`), before making any of their own.
 */
export const HELLO_WORLD = {
  name: "hello_world",
  language: "en_US",
  category: "UTILITY",
  components: [
    { type: "HEADER", format: "TEXT", text: "Hello World" },
    {
      type: "BODY",
      text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.",
    },
    { type: "FOOTER", text: "WhatsApp Business Platform sample message" },
  ],
} as const;

const testNumber = () => "1555" + String(randomInt(0, 10_000_000)).padStart(7, "0");

/**
 * The development tenant, made on first start: one business, one WABA with two connected numbers,
 * one app subscribed to the WABA, a system-user token scoped to that WABA, and a verify token.
 * Its WABA starts as a new one on Meta does, with the approved sample template hello_world
 * (`sampleTemplate: false`: with none). Written to <data dir>/dev-credentials.json (with the exact
 * keys issue #2 pins) whenever missing.
 */
export async function ensureDevTenant(
  platform: Platform,
  dataDir: string,
  o: { sampleTemplate?: boolean } = {},
): Promise<DevCredentials> {
  const existing = await platform.db
    .selectFrom("access_tokens")
    .innerJoin("apps", "apps.id", "access_tokens.app_id")
    .select(["access_tokens.token", "access_tokens.waba_id", "apps.id as app_id", "apps.secret", "apps.graph_version"])
    .where("access_tokens.kind", "=", "dev_system_user")
    .executeTakeFirst();
  let creds: DevCredentials;
  if (existing) {
    const numbers = await platform.db
      .selectFrom("phone_numbers")
      .select("id")
      .where("waba_id", "=", existing.waba_id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const verify = await platform.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "dev_verify_token")
      .executeTakeFirst();
    creds = {
      access_token: existing.token,
      app_id: existing.app_id,
      app_secret: existing.secret,
      verify_token: verify?.value ?? "",
      waba_id: existing.waba_id,
      phone_number_ids: numbers.map((n) => n.id),
      graph_version: existing.graph_version,
    };
  } else {
    creds = await createDevTenant(platform, o.sampleTemplate ?? true);
  }
  const file = join(dataDir, "dev-credentials.json");
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(creds, null, 2) + "\n", { mode: 0o600 });
  return creds;
}

async function createDevTenant(platform: Platform, sampleTemplate: boolean): Promise<DevCredentials> {
  const now = platform.clock.now();
  const businessId = graphId(),
    wabaId = graphId(),
    appId = graphId();
  const creds: DevCredentials = {
    access_token: "EAAO" + secret(40),
    app_id: appId,
    app_secret: secret(16),
    verify_token: "verify-" + secret(8),
    waba_id: wabaId,
    phone_number_ids: [graphId(), graphId()],
    graph_version: platform.config.graphVersion,
  };
  const names = ["OpenWABA Dev Shop", "OpenWABA Dev Support"];
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("businesses")
      .values({ id: businessId, name: "OpenWABA Development Business", created_at: now })
      .execute();
    await tx
      .insertInto("wabas")
      .values({
        id: wabaId,
        business_id: businessId,
        name: "OpenWABA Development WABA",
        currency: "USD",
        timezone_id: "1",
        created_at: now,
      })
      .execute();
    await tx
      .insertInto("apps")
      .values({
        id: appId,
        business_id: businessId,
        name: "OpenWABA Dev App",
        secret: creds.app_secret,
        graph_version: creds.graph_version,
        callback_url: null,
        verify_token: null,
        fields: null,
        created_at: now,
      })
      .execute();
    await tx
      .insertInto("access_tokens")
      .values({ token: creds.access_token, app_id: appId, waba_id: wabaId, kind: "dev_system_user", created_at: now })
      .execute();
    await tx
      .insertInto("subscribed_apps")
      .values({ waba_id: wabaId, app_id: appId, override_callback_uri: null, verify_token: null, created_at: now })
      .execute();
    await tx
      .insertInto("phone_numbers")
      .values(
        creds.phone_number_ids.map((id, i) => ({
          id,
          waba_id: wabaId,
          display_phone_number: testNumber(),
          verified_name: names[i],
          quality_rating: "GREEN",
          status: "CONNECTED",
          profile: toJson({ about: "Hello from OpenWABA", vertical: "RETAIL" }),
          created_at: now + i,
        })),
      )
      .execute();
    await tx.insertInto("settings").values({ key: "dev_verify_token", value: creds.verify_token }).execute();
    if (sampleTemplate) {
      await tx
        .insertInto("templates")
        .values({
          id: graphId(),
          waba_id: wabaId,
          name: HELLO_WORLD.name,
          language: HELLO_WORLD.language,
          category: HELLO_WORLD.category,
          status: "APPROVED",
          parameter_format: "positional",
          components: toJson(HELLO_WORLD.components),
          quality_score: "UNKNOWN",
          rejected_reason: null,
          message_send_ttl_seconds: null,
          edits: "[]",
          was_approved: 1,
          review_rule: "sample",
          review_note: "Meta's sample template, in every new WABA",
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
    }
  });
  return creds;
}

/**
 * OPENWABA_WEBHOOK_URL: the dev app's callback, set once the receiver passes the handshake (it may
 * start after us, so this keeps trying for a while).
 */
export async function setDevWebhook(
  platform: Platform,
  creds: DevCredentials,
  url: string,
  verify: (url: string, token: string) => Promise<void>,
  log: { info(o: unknown, m?: string): void; warn(o: unknown, m?: string): void },
  signal: AbortSignal,
  tries = 60,
): Promise<boolean> {
  for (let i = 0; i < tries && !signal.aborted; i++) {
    try {
      await verify(url, creds.verify_token);
      await platform.db
        .updateTable("apps")
        .set({ callback_url: url, verify_token: creds.verify_token, fields: toJson(["messages"]) })
        .where("id", "=", creds.app_id)
        .execute();
      platform.directory.forget();
      log.info({ url }, "webhook callback verified and set");
      return true;
    } catch (err) {
      if (i === 0)
        log.warn({ url, err: (err as Error).message }, "webhook callback not verified yet; retrying every 2 s");
      await sleep(2000, undefined, { signal }).catch(() => undefined);
    }
  }
  return false;
}
