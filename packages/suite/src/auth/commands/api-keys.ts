import type { Db } from "@openwaba/store";
import { notFound } from "../../errors";
import { newId, randomSecret } from "../../ids";
import type { Suite } from "../../suite";
import { hashToken } from "../token-hash";

export interface CreateApiKeyProps {
  tenantId: string;
  /** The admin who makes it: the key acts as them. */
  userId: string;
  /** What the business calls it (which system uses it). */
  name: string;
}

/** A new API key: the row as stored (only the key's hash and prefix) and the key itself, to be shown once. */
export async function createApiKey(suite: Suite, db: Db, p: CreateApiKeyProps) {
  const key = `owk_${randomSecret(30)}`;
  const row = {
    id: newId(),
    tenant_id: p.tenantId,
    user_id: p.userId,
    name: p.name,
    key_hash: hashToken(key),
    prefix: key.slice(0, 10),
    created_at: suite.securityClock.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto("suite_api_keys").values(row).execute();
  return { row, key };
}

/** Revokes one of the tenant's keys; another tenant's, or one revoked already, is 404. */
export async function revokeApiKey(suite: Suite, db: Db, p: { tenantId: string; keyId: string }): Promise<void> {
  const r = await db
    .updateTable("suite_api_keys")
    .set({ revoked_at: suite.securityClock.now() })
    .where("id", "=", p.keyId)
    .where("tenant_id", "=", p.tenantId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw notFound("API key");
}

/** Notes that a key was used at `at` (the caller decides how often that is worth a write). */
export async function noteApiKeyUse(db: Db, p: { keyId: string; at: number }): Promise<void> {
  await db.updateTable("suite_api_keys").set({ last_used_at: p.at }).where("id", "=", p.keyId).execute();
}
