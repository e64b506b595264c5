import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureSuiteApp, subscribeSuiteApp, type DevCredentials, type Platform } from "@openwaba/platform";
import { connectTenant, ensureDevAdmin } from "@openwaba/suite";
import type { Db } from "@openwaba/store";

export interface ConsoleLogin {
  console_email: string;
  console_password: string;
}

/**
 * Connects the embedded suite to the embedded platform the way a BSP connects to Meta: its own app
 * and token for the development WABA, a subscription whose callback is the suite's webhook URL on
 * this run's address, and the tenant's first admin — whose password is added to
 * dev-credentials.json (only when the file does not hold one already).
 */
export async function connectDevSuite(o: {
  platform: Platform;
  db: Db;
  now: number;
  credentials: DevCredentials;
  baseUrl: string;
  dataDir: string;
}): Promise<{ login: ConsoleLogin | null; tenantId: string }> {
  const { platform, credentials: c } = o;
  const app = await ensureSuiteApp(platform, c.waba_id, c.graph_version);
  const numbers = await o.db
    .selectFrom("phone_numbers")
    .select(["id", "display_phone_number", "verified_name"])
    .where("waba_id", "=", c.waba_id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const { tenantId, connectionId } = await connectTenant(o.db, o.now, "OpenWABA Development Business", {
    waba_id: c.waba_id,
    graph_url: o.baseUrl,
    graph_version: c.graph_version,
    access_token: app.access_token,
    app_secret: app.app_secret,
    verify_token: app.verify_token,
    numbers,
  });
  await subscribeSuiteApp(
    platform,
    c.waba_id,
    app.app_id,
    `${o.baseUrl}/suite/webhooks/${connectionId}`,
    app.verify_token,
  );
  const file = join(o.dataDir, "dev-credentials.json");
  const written = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<ConsoleLogin>) : {};
  const fresh = await ensureDevAdmin(o.db, o.now, tenantId, !written.console_password);
  if (fresh) writeFileSync(file, JSON.stringify({ ...written, ...fresh }, null, 2) + "\n", { mode: 0o600 });
  const login =
    fresh ??
    (written.console_email && written.console_password
      ? { console_email: written.console_email, console_password: written.console_password }
      : null);
  return { login, tenantId };
}
