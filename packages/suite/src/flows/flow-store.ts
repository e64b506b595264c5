import { Cron } from "croner";
import { tenantTeam } from "../people/tenant-team";
import type { Db } from "@openwaba/store";
import { SuiteError, notFound } from "../errors";
import { parseFlowDocument, type FlowDocument } from "@openwaba/contracts/suite";

// Flows and their versions as the API takes them: a document checked whole, the numbers and team it
// names the tenant's own, the tenant's flow, a schedule's next firing. The writes are the commands'
// (commands/): every save is a new, immutable version; publishing points the live flow at one of
// them (runs keep the version they started with).

export function checkedDocument(raw: unknown): {
  document: FlowDocument;
  warnings: { path: string; message: string }[];
} {
  const r = parseFlowDocument(raw);
  if (!r.ok) {
    const first = r.errors[0];
    throw new SuiteError(400, "invalid_flow", `${first.path ? `${first.path}: ` : ""}${first.message}`, {
      field: first.path,
      errors: r.errors,
    });
  }
  return { document: r.document, warnings: r.warnings };
}

/** The numbers and team a document names must be the tenant's own (a 400 naming the path otherwise). */
export async function checkTenantReferences(db: Db, tenantId: string, doc: FlowDocument): Promise<void> {
  const refuse = (path: string, message: string) => {
    throw new SuiteError(400, "invalid_flow", `${path}: ${message}`, { field: path, errors: [{ path, message }] });
  };
  const numbers = doc.settings?.phone_number_ids ?? [];
  if (numbers.length) {
    const own = new Set(
      (
        await db
          .selectFrom("suite_numbers")
          .select("id")
          .where("tenant_id", "=", tenantId)
          .where("id", "in", numbers)
          .execute()
      ).map((n) => n.id),
    );
    numbers.forEach((id, i) => {
      if (!own.has(id)) refuse(`settings.phone_number_ids.${i}`, `${id} is not a number of this tenant`);
    });
  }
  const teams = [
    ["settings.handover_team_id", doc.settings?.handover_team_id],
    ...Object.entries(doc.nodes).map(([id, n]) => [
      `nodes.${id}.team_id`,
      n.type === "handover" ? n.team_id : undefined,
    ]),
  ].filter((t): t is [string, string] => typeof t[1] === "string");
  for (const [path, team] of teams) {
    if (!(await tenantTeam(db, { tenantId, teamId: team }))) refuse(path, `${team} is not a team of this tenant`);
  }
}

export async function ownFlow(db: Db, tenantId: string, id: string) {
  const f = await db
    .selectFrom("suite_flows")
    .selectAll()
    .where("id", "=", id)
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!f) throw notFound("Flow");
  return f;
}

/** When a scheduled flow fires next after `after` (null: not a schedule). */
export function nextFiring(doc: FlowDocument, after: number): number | null {
  if (doc.trigger.type !== "schedule") return null;
  const next = new Cron(doc.trigger.cron, { timezone: doc.trigger.timezone, paused: true }).nextRun(new Date(after));
  return next ? next.getTime() : null;
}
