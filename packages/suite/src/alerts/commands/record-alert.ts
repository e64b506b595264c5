import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import { publish } from "../../realtime/commands/publish";
import type { Suite } from "../../suite";
import { alertFor } from "../alert-for";
import { presentAlert } from "../present-alert";

export interface RecordAlertProps {
  tenantId: string;
  /** The account webhook's field (account_update, phone_number_quality_update, …). */
  field: string;
  /** Its value, kept as the alert's data. */
  value: Record<string, any>;
}

/**
 * Stores an account webhook that admins should hear of (others are ignored), and pushes it to the
 * consoles (admins and supervisors see it), in the caller's transaction.
 */
export async function recordAlert(suite: Suite, tx: Db, p: RecordAlertProps): Promise<void> {
  const a = alertFor(p.field, p.value);
  if (!a) return;
  const row = {
    id: newId(),
    tenant_id: p.tenantId,
    kind: a.kind,
    severity: a.severity,
    title: a.title,
    data: JSON.stringify(p.value),
    at: suite.clock.now(),
    read_at: null,
  };
  await tx.insertInto("suite_alerts").values(row).execute();
  // An alert has no team: a sentinel team id keeps it from agents' streams (canSee lets admins and supervisors through).
  await publish(suite, tx, {
    tenant_id: p.tenantId,
    team_id: "(admins)",
    kind: "alert.created",
    payload: { alert: presentAlert(row) },
  });
}
