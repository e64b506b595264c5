import type { Db } from "@openwaba/store";
import { SuiteError, notFound } from "../../errors";
import { newId } from "../../ids";
import type { Suite } from "../../suite";

export interface CannedResponseInput {
  /** Typed after "/" in the composer: unique in the tenant. */
  shortcut: string;
  title: string;
  /** The text, with {{contact.name}}-style placeholders. */
  body: string;
}

/** A tenant's new canned response; a shortcut taken already is refused. */
export async function addCannedResponse(
  suite: Suite,
  db: Db,
  p: { tenantId: string; response: CannedResponseInput },
): Promise<{ id: string } & CannedResponseInput> {
  const taken = await db
    .selectFrom("suite_canned_responses")
    .select("id")
    .where("tenant_id", "=", p.tenantId)
    .where("shortcut", "=", p.response.shortcut)
    .executeTakeFirst();
  if (taken)
    throw new SuiteError(409, "shortcut_taken", `The shortcut /${p.response.shortcut} is taken.`, {
      field: "shortcut",
    });
  const row = { id: newId(), tenant_id: p.tenantId, ...p.response, created_at: suite.clock.now() };
  await db.insertInto("suite_canned_responses").values(row).execute();
  return row;
}

/** Deletes one of the tenant's canned responses (another tenant's looks like none). */
export async function deleteCannedResponse(db: Db, p: { tenantId: string; id: string }): Promise<void> {
  const r = await db
    .deleteFrom("suite_canned_responses")
    .where("id", "=", p.id)
    .where("tenant_id", "=", p.tenantId)
    .executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw notFound("Canned response");
}
