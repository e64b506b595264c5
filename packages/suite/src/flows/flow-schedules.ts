import { segmentQuery } from "../contacts/segment";
import { tenantTransaction, suiteTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { liveFlows } from "./flow-catalog";
import { launchFlow } from "./flow-launch";
import { nextFiring } from "./flow-store";
import { claimScheduleFiring } from "./commands/claim-schedule-firing";

// Scheduled flows: when a flow's cron time comes, one node claims the firing (a conditional move of
// next_fire_at) and queues it; the firing starts a run for each contact of the audience — by
// default the contacts who gave marketing consent.

const PAGE = 500;

export async function fireDueSchedules(suite: Suite): Promise<number> {
  const now = suite.clock.now();
  const due = await suite.db
    .selectFrom("suite_flows")
    .select(["id", "tenant_id", "next_fire_at"])
    .where("enabled", "=", 1)
    .where("trigger_type", "=", "schedule")
    .where("next_fire_at", "<=", now)
    .execute();
  let fired = 0;
  for (const f of due) {
    const flow = (await liveFlows(suite, suite.db, { tenantId: f.tenant_id, triggerTypes: ["schedule"] })).find(
      (x) => x.id === f.id,
    );
    if (!flow) continue;
    await suiteTransaction(suite, async (tx) => {
      const claimed = await claimScheduleFiring(suite, tx, {
        flowId: f.id,
        tenantId: f.tenant_id,
        dueAt: f.next_fire_at,
        nextAt: nextFiring(flow.document, now),
      });
      if (claimed) fired++; // else another node fired it
    });
  }
  return fired;
}

/**
 * Starts the scheduled flow for one page of its audience; the next page is queued in the same
 * transaction. A page done again (its job retried after a crash) skips whoever already has a run
 * of this firing, so nobody gets the flow twice.
 */
export async function runScheduledFlow(
  suite: Suite,
  p: { flowId: string; tenantId: string; firedAt: number; after?: string },
): Promise<void> {
  const flow = (await liveFlows(suite, suite.db, { tenantId: p.tenantId, triggerTypes: ["schedule"] })).find(
    (x) => x.id === p.flowId,
  );
  if (!flow || flow.trigger.type !== "schedule") return;
  const audience = flow.trigger.audience ?? { consent: "granted" as const };
  const page = await segmentQuery(suite.db, p.tenantId, audience, suite.clock.now())
    .where("id", ">", p.after ?? "")
    .orderBy("id")
    .limit(PAGE)
    .execute();
  if (!page.length) return;
  const firing = new Date(p.firedAt).toISOString();
  await tenantTransaction(suite, p.tenantId, async (tx) => {
    const done = new Set(
      (
        await tx
          .selectFrom("suite_flow_runs")
          .select("wa_id")
          .where("flow_id", "=", flow.id)
          .where(
            "wa_id",
            "in",
            page.map((c) => c.wa_id),
          )
          .where("trigger", "like", `%"fired_at":"${firing}"%`)
          .execute()
      ).map((r) => r.wa_id),
    );
    for (const c of page)
      if (!done.has(c.wa_id))
        await launchFlow(suite, tx, flow, {
          tenantId: p.tenantId,
          waId: c.wa_id,
          trigger: { type: "schedule", fired_at: firing },
        });
    if (page.length === PAGE) {
      await suite.jobs.enqueue(
        tx,
        "flow.schedule",
        { ...p, after: page[page.length - 1].id },
        { key: `schedule:${flow.id}` },
      );
    }
  });
}
