import { graphId, secret } from "../ids";
import type { Platform } from "../platform";

export interface SuiteAppCredentials {
  app_id: string;
  app_secret: string;
  access_token: string;
  verify_token: string;
}

/**
 * The business suite is, to the platform, one more app (a BSP's) subscribed to the WABA with a
 * token of its own — exactly how it would sit on Meta. Made once; later starts find it.
 */
export async function ensureSuiteApp(
  platform: Platform,
  wabaId: string,
  graphVersion: string,
): Promise<SuiteAppCredentials> {
  const found = await platform.db
    .selectFrom("access_tokens")
    .innerJoin("apps", "apps.id", "access_tokens.app_id")
    .select(["apps.id", "apps.secret", "apps.verify_token", "access_tokens.token"])
    .where("access_tokens.waba_id", "=", wabaId)
    .where("access_tokens.kind", "=", "suite")
    .executeTakeFirst();
  if (found)
    return {
      app_id: found.id,
      app_secret: found.secret,
      access_token: found.token,
      verify_token: found.verify_token ?? "",
    };
  const now = platform.clock.now();
  const waba = await platform.db
    .selectFrom("wabas")
    .select("business_id")
    .where("id", "=", wabaId)
    .executeTakeFirstOrThrow();
  const c: SuiteAppCredentials = {
    app_id: graphId(),
    app_secret: secret(16),
    access_token: "EAAS" + secret(40),
    verify_token: "suite-" + secret(8),
  };
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("apps")
      .values({
        id: c.app_id,
        business_id: waba.business_id,
        name: "OpenWABA Business Suite",
        secret: c.app_secret,
        graph_version: graphVersion,
        callback_url: null,
        verify_token: c.verify_token,
        fields: null,
        created_at: now,
      })
      .execute();
    await tx
      .insertInto("access_tokens")
      .values({ token: c.access_token, app_id: c.app_id, waba_id: wabaId, kind: "suite", created_at: now })
      .execute();
  });
  return c;
}

/** Points the suite app's subscription to the WABA at the suite's webhook URL (this run's address). */
export async function subscribeSuiteApp(
  platform: Platform,
  wabaId: string,
  appId: string,
  callbackUrl: string,
  verifyToken: string,
): Promise<void> {
  await platform.db
    .insertInto("subscribed_apps")
    .values({
      waba_id: wabaId,
      app_id: appId,
      override_callback_uri: callbackUrl,
      verify_token: verifyToken,
      created_at: platform.clock.now(),
    })
    .onConflict((c) =>
      c.columns(["waba_id", "app_id"]).doUpdateSet({ override_callback_uri: callbackUrl, verify_token: verifyToken }),
    )
    .execute();
  platform.directory.forget();
}
