import { catalogWorker, fromJson, type Db } from "@openwaba/store";
import { QUEUES, type Platform } from "../platform";
import { reviewTemplate } from "../rules/template-review";
import { applyReviewDecision } from "./review-decision";

/**
 * Queues the review of a template just created or edited, in the caller's transaction, due after
 * the configured delay. `version` (its updated_at) makes a stale review do nothing.
 */
export async function scheduleReview(platform: Platform, tx: Db, templateId: string, version: number): Promise<void> {
  const delay = platform.config.templateReviewDelayMs;
  if (delay === null) return; // reviews only by the admin override
  await platform.jobs.enqueue(
    tx,
    "template.review",
    { id: templateId, version },
    { key: templateId, runAt: platform.clock.now() + delay },
  );
}

/** Runs due reviews: the review engine decides, the decision is applied with its webhooks. */
export function createTemplateReviewer(platform: Platform, log?: { error(o: unknown, m?: string): void }) {
  return catalogWorker(platform.jobs, QUEUES.templates, {
    clock: platform.clock,
    log,
    handlers: {
      "template.review": async ({ id, version }) => {
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
        platform.wake(QUEUES.webhook);
      },
    },
  });
}
