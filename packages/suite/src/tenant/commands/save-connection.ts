import type { Db } from "@openwaba/store";

/** Where a tenant's Cloud API is and the credentials the suite uses with it. */
export interface ConnectionFields {
  waba_id: string;
  graph_url: string;
  graph_version: string;
  access_token: string;
  app_secret: string;
  verify_token: string;
}

export interface SaveConnectionProps {
  /** The connection's id: kept when it exists (`exists`), new otherwise. */
  id: string;
  tenantId: string;
  /** Whether it is stored already: then its fields are brought up to date (the server's URL changes between runs). */
  exists: boolean;
  fields: ConnectionFields;
  /** When a new one is made. */
  at: number;
}

/** Stores a tenant's connection to the Cloud API, or brings it up to date. */
export async function saveConnection(db: Db, p: SaveConnectionProps): Promise<void> {
  if (p.exists) await db.updateTable("suite_connections").set(p.fields).where("id", "=", p.id).execute();
  else
    await db
      .insertInto("suite_connections")
      .values({ id: p.id, tenant_id: p.tenantId, ...p.fields, created_at: p.at })
      .execute();
}
