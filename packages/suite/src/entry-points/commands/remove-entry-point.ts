import { PlatformCallError } from "../../client/platform-client";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";

/**
 * Deletes an entry point through the Cloud API (gone there already is fine) and forgets it; false
 * if the tenant has no such code.
 */
export async function removeEntryPoint(suite: Suite, p: { tenantId: string; code: string }): Promise<boolean> {
  const e = await suite.db
    .selectFrom("suite_entry_points")
    .innerJoin("suite_numbers", "suite_numbers.id", "suite_entry_points.phone_number_id")
    .select(["suite_entry_points.code", "suite_numbers.id as phone", "suite_numbers.connection_id"])
    .where("suite_entry_points.code", "=", p.code)
    .where("suite_entry_points.tenant_id", "=", p.tenantId)
    .executeTakeFirst();
  if (!e) return false;
  try {
    await (await suite.client(e.connection_id)).deleteQrCode(e.phone, e.code);
  } catch (err) {
    // Gone there already is fine; anything else leaves both as they are.
    const unknown = err instanceof PlatformCallError && err.graph.code === 100 && err.graph.error_subcode === 33;
    if (!unknown)
      throw new SuiteError(502, "platform_refused", `The QR code could not be deleted: ${(err as Error).message}`);
  }
  await suite.db.deleteFrom("suite_entry_points").where("code", "=", e.code).execute();
  return true;
}
