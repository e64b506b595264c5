import type { Db } from "@openwaba/store";
import { SuiteError } from "../errors";

/**
 * The tenant's business number named (a 400 naming `phone_number_id` if it is not theirs), or
 * their first: its connection and WABA, for calls to the Cloud API on its behalf.
 */
export async function tenantNumber(
  db: Db,
  tenantId: string,
  phoneNumberId?: string,
): Promise<{ id: string; connection_id: string; waba_id: string }> {
  let q = db
    .selectFrom("suite_numbers")
    .innerJoin("suite_connections", "suite_connections.id", "suite_numbers.connection_id")
    .select(["suite_numbers.id", "suite_numbers.connection_id", "suite_connections.waba_id"])
    .where("suite_numbers.tenant_id", "=", tenantId);
  if (phoneNumberId) q = q.where("suite_numbers.id", "=", phoneNumberId);
  const number = await q.orderBy("suite_numbers.position").orderBy("suite_numbers.id").executeTakeFirst();
  if (!number)
    throw new SuiteError(400, "invalid_request", "phone_number_id: not a number of this tenant.", {
      field: "phone_number_id",
    });
  return number;
}
