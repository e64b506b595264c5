import type { Db, PhoneNumberRow } from "@openwaba/store";
import { fromJson } from "@openwaba/store";

export interface Principal {
  token: string;
  appId: string;
  wabaId: string;
}
export interface AppRecord {
  id: string;
  secret: string;
  callbackUrl: string | null;
  fields: string[] | null;
  verifyToken: string | null;
}
export type PhoneNumber = PhoneNumberRow;
export interface Destination {
  appId: string;
  url: string;
  secret: string;
  fields: string[] | null;
}

/**
 * Cached reads of the tenant directory (tokens, numbers, apps, webhook destinations) for the hot
 * paths. Writes in this process call `forget`; other nodes see changes after `ttlMs`. Code inside a
 * transaction must pass it: SQLite has one connection, and a read outside the transaction would
 * wait for the transaction that waits for it.
 */
export class Directory {
  private cache = new Map<string, { at: number; value: unknown }>();
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5000,
  ) {}

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit && now - hit.at < this.ttlMs) return hit.value as T;
    const value = await load();
    this.cache.set(key, { at: now, value });
    return value;
  }

  forget(): void {
    this.cache.clear();
  }

  principal(token: string): Promise<Principal | null> {
    return this.cached(`t:${token}`, async () => {
      const row = await this.db
        .selectFrom("access_tokens")
        .select(["token", "app_id", "waba_id"])
        .where("token", "=", token)
        .executeTakeFirst();
      return row ? { token: row.token, appId: row.app_id, wabaId: row.waba_id } : null;
    });
  }

  phoneNumber(id: string, db: Db = this.db): Promise<PhoneNumber | null> {
    return this.cached(
      `p:${id}`,
      async () => (await db.selectFrom("phone_numbers").selectAll().where("id", "=", id).executeTakeFirst()) ?? null,
    );
  }

  /** A WABA's pinned pricing model ("CBP", "PMP", "auto"), or null for the deployment's default. */
  wabaPricingModel(wabaId: string, db: Db = this.db): Promise<string | null> {
    return this.cached(
      `w:${wabaId}`,
      async () =>
        (await db.selectFrom("wabas").select("pricing_model").where("id", "=", wabaId).executeTakeFirst())
          ?.pricing_model ?? null,
    );
  }

  app(id: string): Promise<AppRecord | null> {
    return this.cached(`a:${id}`, async () => {
      const a = await this.db.selectFrom("apps").selectAll().where("id", "=", id).executeTakeFirst();
      return a
        ? {
            id: a.id,
            secret: a.secret,
            callbackUrl: a.callback_url,
            verifyToken: a.verify_token,
            fields: fromJson<string[] | null>(a.fields, null),
          }
        : null;
    });
  }

  /** Where a WABA's events go: each subscribed app's override URL, else the app's own callback. */
  destinations(wabaId: string): Promise<Destination[]> {
    return this.cached(`d:${wabaId}`, async () => {
      const rows = await this.db
        .selectFrom("subscribed_apps")
        .innerJoin("apps", "apps.id", "subscribed_apps.app_id")
        .select(["apps.id", "apps.secret", "apps.callback_url", "apps.fields", "subscribed_apps.override_callback_uri"])
        .where("subscribed_apps.waba_id", "=", wabaId)
        .orderBy("subscribed_apps.created_at")
        .execute();
      return rows.flatMap((r) => {
        const url = r.override_callback_uri ?? r.callback_url;
        return url ? [{ appId: r.id, url, secret: r.secret, fields: fromJson<string[] | null>(r.fields, null) }] : [];
      });
    });
  }
}
