import { QueueWorker, eachJob, fromJson, retryThenBury, type Db } from "@openwaba/store";
import type { Platform } from "../platform";
import { reviewTemplate } from "../rules/template-review";
import { applyReviewDecision } from "./review-decision";

export const TEMPLATE_QUEUE = "templates";

/**
 * Queues the review of a template just created or edited, in the caller's transaction, due after
 * the configured delay. `version` (its updated_at) makes a stale review do nothing.
 */
export async function scheduleReview(platform: Platform, tx: Db, templateId: string, version: number): Promise<void> {
  const delay = platform.config.templateReviewDelayMs;
  if (delay === null) return; // reviews only by the admin override
  await platform.queue.enqueue(tx, {
    queue: TEMPLATE_QUEUE,
    key: templateId,
    kind: "review",
    payload: { id: templateId, version },
    runAt: platform.clock.now() + delay,
  });
}

/** Runs due reviews: the review engine decides, the decision is applied with its webhooks. */
export function createTemplateReviewer(platform: Platform, log?: { error(o: unknown, m?: string): void }) {
  return new QueueWorker({
    queue: platform.queue,
    name: TEMPLATE_QUEUE,
    clock: platform.clock,
    ordered: false,
    batchSize: 20,
    visibilityMs: platform.config.claimTimeoutMs,
    log,
    handle: eachJob(async (job) => {
      const { id, version } = JSON.parse(job.payload) as { id: string; version: number };
      await platform.db.transaction().execute(async (tx) => {
        const t = await tx
          .selectFrom("templates")
          .selectAll()
          .where("id", "=", id)
          .where("deleted_at", "is", null)
          .executeTakeFirst();
        if (!t || t.status !== "PENDING" || t.updated_at !== version) return;
        const outcome = reviewTemplate({
          name: t.name,
          category: t.category as any,
          components: fromJson(t.components, []),
        });
        if (outcome.event === "REJECTED") {
          await applyReviewDecision(platform, tx, t, {
            event: "REJECTED",
            reason: outcome.reason,
            explanation: outcome.explanation,
            rule: outcome.rule,
          });
        } else {
          await applyReviewDecision(platform, tx, t, {
            event: "APPROVED",
            rule: outcome.rule,
            newCategory: outcome.category,
            note: outcome.recategorised
              ? `Moved from ${outcome.recategorised.from} to ${outcome.category}: ${outcome.recategorised.why}.`
              : undefined,
          });
        }
      });
      platform.wake("webhook");
    }),
    onFailure: retryThenBury(platform.queue, platform.clock, {
      maxAttempts: 10,
      baseMs: 1000,
      capMs: 60_000,
      ordered: false,
    }),
  });
}
