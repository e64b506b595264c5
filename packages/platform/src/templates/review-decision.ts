import { GraphError } from "@openwaba/contracts";
import type { Db, Template } from "@openwaba/store";
import type { Platform } from "../platform";
import { emitWabaEvent } from "../webhooks/events";

export const REJECTION_REASONS = [
  "ABUSIVE_CONTENT",
  "INCORRECT_CATEGORY",
  "INVALID_FORMAT",
  "PROMOTIONAL",
  "SCAM",
  "TAG_CONTENT_MISMATCH",
  "NONE",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface ReviewDecision {
  event: "APPROVED" | "REJECTED";
  reason?: RejectionReason;
  /** Why, in words, and what to do instead (rejection_info). */
  explanation?: { reason: string; recommendation: string };
  /** The review rule that decided ("override" for an admin's decision). */
  rule?: string;
  /** An approval that moves the template to another category (a promotional utility template). */
  newCategory?: string;
  note?: string;
}

/**
 * How template webhooks name a template: its id as a JSON number, and the language with a hyphen
 * (en-US) where the API writes an underscore (en_US).
 */
export const templateWebhookIds = (t: { id: string; name: string; language: string }) => ({
  message_template_id: Number(t.id),
  message_template_name: t.name,
  message_template_language: t.language.replace("_", "-"),
});

/**
 * Applies a review decision to a pending template and queues its
 * `message_template_status_update` webhook in the same transaction.
 */
export async function applyReviewDecision(platform: Platform, tx: Db, t: Template, d: ReviewDecision): Promise<void> {
  if (t.status !== "PENDING")
    throw new GraphError(100, `Template ${t.id} is ${t.status}, not PENDING: there is nothing to review.`);
  const reason = d.event === "REJECTED" ? (d.reason ?? "INVALID_FORMAT") : "NONE";
  const category = d.newCategory ?? t.category;
  await tx
    .updateTable("templates")
    .set({
      status: d.event,
      rejected_reason: d.event === "REJECTED" ? reason : null,
      updated_at: platform.clock.now(),
      was_approved: d.event === "APPROVED" ? 1 : t.was_approved,
      category,
      review_rule: d.rule ?? "override",
      review_note: d.note ?? d.explanation?.reason ?? null,
    })
    .where("id", "=", t.id)
    .execute();
  const ids = templateWebhookIds(t);
  if (category !== t.category) {
    await emitWabaEvent(platform, tx, t.waba_id, "template_category_update", {
      ...ids,
      previous_category: t.category,
      new_category: category,
    });
  }
  const value: Record<string, unknown> = { event: d.event, ...ids, reason, message_template_category: category };
  if (d.event === "REJECTED" && d.explanation) value.rejection_info = d.explanation;
  await emitWabaEvent(platform, tx, t.waba_id, "message_template_status_update", value);
}
