import type { Db } from "@openwaba/store";
import { newId } from "../ids";
import { createTenant } from "./commands/create-tenant";
import { saveConnection } from "./commands/save-connection";
import { saveNumbers } from "./commands/save-numbers";

export interface ConnectionSpec {
  waba_id: string;
  graph_url: string;
  graph_version: string;
  access_token: string;
  app_secret: string;
  verify_token: string;
  numbers: { id: string; display_phone_number: string; verified_name: string }[];
}

/**
 * The suite's tenant for a WABA and its connection to the Cloud API, made once and kept up to
 * date (the server's URL changes between runs). Returns the ids the webhook route needs.
 */
export async function connectTenant(
  db: Db,
  now: number,
  name: string,
  spec: ConnectionSpec,
): Promise<{ tenantId: string; connectionId: string }> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom("suite_connections")
      .select(["id", "tenant_id"])
      .where("waba_id", "=", spec.waba_id)
      .executeTakeFirst();
    const tenantId = existing?.tenant_id ?? newId();
    const connectionId = existing?.id ?? newId();
    const fields = {
      waba_id: spec.waba_id,
      graph_url: spec.graph_url,
      graph_version: spec.graph_version,
      access_token: spec.access_token,
      app_secret: spec.app_secret,
      verify_token: spec.verify_token,
    };
    if (!existing) await createTenant(tx, { id: tenantId, name, at: now });
    await saveConnection(tx, { id: connectionId, tenantId, exists: !!existing, fields, at: now });
    await saveNumbers(tx, { tenantId, connectionId, numbers: spec.numbers });
    return { tenantId, connectionId };
  });
}
