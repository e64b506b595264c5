import { PlatformCallError, type PlatformClient } from "../../client/platform-client";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import { tenantNumber } from "../../tenant/tenant-number";
import type { EntryPoint, EntryPointSpec } from "../entry-points";

export interface MakeEntryPointProps {
  tenantId: string;
  /** Its number (the tenant's first when none), prefilled message, opt-in and where it is shown. */
  spec: EntryPointSpec;
}

/**
 * Makes a QR code and wa.me link through the Cloud API and records it as the tenant's entry point
 * (no transaction: the Cloud API is asked first, and only what it made is recorded).
 */
export async function makeEntryPoint(suite: Suite, p: MakeEntryPointProps): Promise<EntryPoint> {
  const { tenantId, spec } = p;
  const number = await tenantNumber(suite.db, tenantId, spec.phone_number_id);
  let qr: Awaited<ReturnType<PlatformClient["createQrCode"]>>;
  try {
    qr = await (await suite.client(number.connection_id)).createQrCode(number.id, spec.prefilled_message, spec.format);
  } catch (err) {
    if (err instanceof PlatformCallError)
      throw new SuiteError(422, "platform_refused", err.message, { graph: err.graph });
    throw err;
  }
  await suite.db
    .insertInto("suite_entry_points")
    .values({
      code: qr.code,
      tenant_id: tenantId,
      phone_number_id: number.id,
      prefilled_message: qr.prefilled_message,
      opt_in: spec.opt_in ? 1 : 0,
      source: spec.source,
      created_at: suite.clock.now(),
    })
    .execute();
  return { ...qr, phone_number_id: number.id, opt_in: spec.opt_in, source: spec.source };
}
