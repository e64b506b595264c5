import { Cron } from "croner";
import type { Db } from "@openwaba/store";
import { SuiteError, notFound } from "../errors";
import { newId } from "../ids";
import type { Suite } from "../suite";
import { parseFlowDocument, type FlowDocument } from "./flow-document";

// Flows and their versions: every save is a new, immutable version; publishing points the live
// flow at one of them (runs keep the version they started with).

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
    if (
      !(await db
        .selectFrom("suite_teams")
        .select("id")
        .where("id", "=", team)
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst())
    )
      refuse(path, `${team} is not a team of this tenant`);
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

/** A new flow at version 1 (not live until published). */
export async function createFlow(
  suite: Suite,
  tx: Db,
  tenantId: string,
  userId: string | null,
  document: FlowDocument,
): Promise<string> {
  const id = newId(),
    now = suite.clock.now();
  await tx
    .insertInto("suite_flows")
    .values({
      id,
      tenant_id: tenantId,
      name: document.name,
      enabled: 0,
      live_version: null,
      latest_version: 1,
      trigger_type: document.trigger.type,
      next_fire_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await tx
    .insertInto("suite_flow_versions")
    .values({ flow_id: id, version: 1, document: JSON.stringify(document), created_by: userId, created_at: now })
    .execute();
  return id;
}

/** Saves a document as the flow's next version; the live version stays until published. */
export async function saveVersion(
  suite: Suite,
  tx: Db,
  flowId: string,
  userId: string | null,
  document: FlowDocument,
): Promise<number> {
  const now = suite.clock.now();
  // Taking the number and counting up in one statement: of two saves at once, each gets its own.
  const f = await tx
    .updateTable("suite_flows")
    .set((e) => ({ latest_version: e("latest_version", "+", 1), name: document.name, updated_at: now }))
    .where("id", "=", flowId)
    .returning("latest_version")
    .executeTakeFirst();
  if (!f) throw notFound("Flow");
  await tx
    .insertInto("suite_flow_versions")
    .values({
      flow_id: flowId,
      version: f.latest_version,
      document: JSON.stringify(document),
      created_by: userId,
      created_at: now,
    })
    .execute();
  return f.latest_version;
}

/** Makes a version live and the flow enabled; a schedule gets its next firing time. */
export async function publishVersion(suite: Suite, tx: Db, flowId: string, version: number): Promise<void> {
  const row = await tx
    .selectFrom("suite_flow_versions")
    .select("document")
    .where("flow_id", "=", flowId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row)
    throw new SuiteError(400, "invalid_request", `version: this flow has no version ${version}.`, { field: "version" });
  const doc = JSON.parse(row.document) as FlowDocument;
  await tx
    .updateTable("suite_flows")
    .set({
      live_version: version,
      enabled: 1,
      trigger_type: doc.trigger.type,
      next_fire_at: nextFiring(doc, suite.clock.now()),
      updated_at: suite.clock.now(),
    })
    .where("id", "=", flowId)
    .execute();
}

export async function setEnabled(suite: Suite, tx: Db, flowId: string, enabled: boolean): Promise<void> {
  const f = await tx
    .selectFrom("suite_flows")
    .select(["live_version"])
    .where("id", "=", flowId)
    .executeTakeFirstOrThrow();
  if (enabled && f.live_version === null)
    throw new SuiteError(409, "not_published", "Publish a version of this flow before enabling it.");
  if (enabled) return publishVersion(suite, tx, flowId, f.live_version!);
  await tx
    .updateTable("suite_flows")
    .set({ enabled: 0, next_fire_at: null, updated_at: suite.clock.now() })
    .where("id", "=", flowId)
    .execute();
}

/** When a scheduled flow fires next after `after` (null: not a schedule). */
export function nextFiring(doc: FlowDocument, after: number): number | null {
  if (doc.trigger.type !== "schedule") return null;
  const next = new Cron(doc.trigger.cron, { timezone: doc.trigger.timezone, paused: true }).nextRun(new Date(after));
  return next ? next.getTime() : null;
}
