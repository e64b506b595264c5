import { GraphError } from "@openwaba/contracts";
import type { Db, Template } from "@openwaba/store";
import type { Platform } from "../platform";
import { emitWabaEvent } from "../webhooks/events";

export const REJECTION_REASONS = ["ABUSIVE_CONTENT", "INCORRECT_CATEGORY", "INVALID_FORMAT", "PROMOTIONAL", "SCAM", "TAG_CONTENT_MISMATCH", "NONE"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface ReviewDecision {
  event: "APPROVED" | "REJECTED";
  reason?: RejectionReason;
  /** Why, in words, and what to do instead (rejection_info). */
  explanation?: { reason: string; recommendation: string };
}

/** Meta's webhooks write languages with a hyphen (en-US), the API with an underscore (en_US). */
const webhookLanguage = (code: string) => code.replace("_", "-");

/**
 * Applies a review decision to a pending template and queues its
 * `message_template_status_update` webhook in the same transaction.
 */
export async function applyReviewDecision(platform: Platform, tx: Db, t: Template, d: ReviewDecision): Promise<void> {
  if (t.status !== "PENDING") throw new GraphError(100, `Template ${t.id} is ${t.status}, not PENDING: there is nothing to review.`);
  const reason = d.event === "REJECTED" ? d.reason ?? "INVALID_FORMAT" : "NONE";
  await tx.updateTable("templates").set({
    status: d.event, rejected_reason: d.event === "REJECTED" ? reason : null, updated_at: platform.clock.now(),
    was_approved: d.event === "APPROVED" ? 1 : t.was_approved,
  }).where("id", "=", t.id).execute();
  const value: Record<string, unknown> = {
    event: d.event, message_template_id: Number(t.id), message_template_name: t.name,
    message_template_language: webhookLanguage(t.language), reason, message_template_category: t.category,
  };
  if (d.event === "REJECTED" && d.explanation) value.rejection_info = d.explanation;
  await emitWabaEvent(platform, tx, t.waba_id, "message_template_status_update", value);
}
