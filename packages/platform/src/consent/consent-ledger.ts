import type { ConsentsTable, Db } from "@openwaba/store";
import { toJson } from "@openwaba/store";
import { graphId } from "../ids";

export type ConsentScope = ConsentsTable["scope"];
export type ConsentEntry = Omit<ConsentsTable, "id" | "evidence"> & { evidence: unknown };

/** Appends a grant or revocation to the ledger (in the caller's transaction). */
export async function recordConsent(tx: Db, e: Omit<ConsentEntry, "evidence"> & { evidence?: unknown }): Promise<void> {
  await tx
    .insertInto("consents")
    .values({ id: graphId(), ...e, evidence: e.evidence === undefined ? null : toJson(e.evidence) })
    .execute();
}

/** The latest entry for a user and scope: their consent now, or null if none was ever given. */
export async function currentConsent(db: Db, wabaId: string, waId: string, scope: ConsentScope) {
  return (
    (await db
      .selectFrom("consents")
      .selectAll()
      .where("waba_id", "=", wabaId)
      .where("wa_id", "=", waId)
      .where("scope", "=", scope)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

export async function consentHistory(db: Db, wabaId: string, waId: string) {
  return db
    .selectFrom("consents")
    .selectAll()
    .where("waba_id", "=", wabaId)
    .where("wa_id", "=", waId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}
