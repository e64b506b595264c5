import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";

/** A tenant's settings: one JSON object whose parts (business hours, the FAQ bot, …) each feature owns. */
export type TenantSettings = Record<string, any>;

export interface SaveTenantSettingsProps {
  tenantId: string;
  /** The parts to set, computed from the settings as they are (a part set to undefined is removed). */
  change: (current: TenantSettings) => TenantSettings;
}

/**
 * Merges parts into a tenant's settings and returns them as saved. The write happens only if the
 * settings are still what the change was computed from, else it is computed again: two features
 * saving their parts at once both keep theirs (a plain read-then-write would lose one).
 */
export async function saveTenantSettings(db: Db, p: SaveTenantSettingsProps): Promise<TenantSettings> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const t = await db
      .selectFrom("suite_tenants")
      .select("settings")
      .where("id", "=", p.tenantId)
      .executeTakeFirstOrThrow();
    const current = JSON.parse(t.settings) as TenantSettings;
    const settings = { ...current, ...p.change(current) };
    const r = await db
      .updateTable("suite_tenants")
      .set({ settings: JSON.stringify(settings) })
      .where("id", "=", p.tenantId)
      .where("settings", "=", t.settings)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows)) return settings;
  }
  throw new SuiteError(409, "settings_busy", "The settings are being changed by something else right now; try again.");
}
