import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import { QUALITY_WINDOW_MS } from "../rules/phone-quality";
import { onRed, templateQuality } from "../rules/template-quality";
import { emitWabaEvent } from "../webhooks/events";
import { templateWebhookIds as ids } from "../templates/review-decision";

const HOUR = 3600 * 1000;

/**
 * Recomputes a template's quality from its last 7 days of sends and signals; announces a change
 * (message_template_quality_update) and, when it is RED while approved, pauses or disables it
 * (message_template_status_update with other_info), all in the caller's transaction.
 */
export async function reassessTemplate(
  platform: Platform,
  tx: Db,
  templateId: string,
  queueJob: (runAt: number) => Promise<void>,
): Promise<void> {
  const t = await tx
    .selectFrom("templates")
    .selectAll()
    .where("id", "=", templateId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!t) return;
  const now = platform.clock.now();
  const since = now - QUALITY_WINDOW_MS;
  const sends = await tx
    .selectFrom("messages")
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("template_id", "=", t.id)
    .where("direction", "=", "out")
    .where("status", "!=", "failed")
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  const signals = await tx
    .selectFrom("quality_signals")
    .select(["kind", "at"])
    .where("template_id", "=", t.id)
    .where("at", ">", since)
    .execute();
  const reach = await tx
    .selectFrom("messages")
    .select((e) => [
      e.fn.countAll<number>().as("delivered"),
      e.fn.sum<number>(e.case().when("status", "=", "read").then(1).else(0).end()).as("read"),
    ])
    .where("template_id", "=", t.id)
    .where("direction", "=", "out")
    .where("status", "in", ["delivered", "read"])
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  const quality = templateQuality(
    signals.map((s) => ({ kind: s.kind, at: Number(s.at) })),
    Number(sends.n),
    now,
    { delivered: Number(reach.delivered), read: Number(reach.read ?? 0) },
  );
  if (quality !== t.quality_score) {
    await tx.updateTable("templates").set({ quality_score: quality, updated_at: now }).where("id", "=", t.id).execute();
    await emitWabaEvent(platform, tx, t.waba_id, "message_template_quality_update", {
      previous_quality_score: t.quality_score,
      new_quality_score: quality,
      ...ids(t),
    });
  }
  if (quality !== "RED" || t.status !== "APPROVED") return;
  const next = onRed(t.pause_count);
  const pausedUntil = next.status === "PAUSED" ? now + next.hours * HOUR : null;
  await tx
    .updateTable("templates")
    .set({ status: next.status, pause_count: t.pause_count + 1, paused_until: pausedUntil, updated_at: now })
    .where("id", "=", t.id)
    .execute();
  const description =
    next.status === "PAUSED"
      ? `Your template has been paused for ${next.hours} hours because of low quality.`
      : "Your template has been disabled because it was paused for low quality three times.";
  await emitWabaEvent(platform, tx, t.waba_id, "message_template_status_update", {
    event: next.status,
    ...ids(t),
    reason: "NONE",
    other_info: { title: next.title, description },
    ...(next.status === "DISABLED" ? { disable_info: { disable_date: Math.floor(now / 1000) } } : {}),
  });
  if (pausedUntil) await queueJob(pausedUntil);
}

/**
 * A template being sent gets a reassessment within the hour (read rates move without signals);
 * one due at a time, so a burst of sends schedules one job.
 */
export async function templateSent(
  platform: Platform,
  tx: Db,
  t: { id: string; quality_review_at: number | null },
  now: number,
): Promise<void> {
  if (t.quality_review_at !== null && t.quality_review_at > now) return;
  const at = now + HOUR;
  const r = await tx
    .updateTable("templates")
    .set({ quality_review_at: at })
    .where("id", "=", t.id)
    .where((e) => e.or([e("quality_review_at", "is", null), e("quality_review_at", "<=", now)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return;
  await platform.jobs.enqueue(tx, "quality.template_due", { templateId: t.id }, { key: t.id, runAt: at });
}

/** A pause has run out: the template is approved again (other_info UNPAUSE). */
export async function unpauseTemplate(platform: Platform, tx: Db, templateId: string): Promise<void> {
  const t = await tx.selectFrom("templates").selectAll().where("id", "=", templateId).executeTakeFirst();
  const now = platform.clock.now();
  if (!t || t.status !== "PAUSED" || t.paused_until === null || t.paused_until > now) return;
  await tx
    .updateTable("templates")
    .set({ status: "APPROVED", paused_until: null, updated_at: now })
    .where("id", "=", t.id)
    .execute();
  await emitWabaEvent(platform, tx, t.waba_id, "message_template_status_update", {
    event: "APPROVED",
    ...ids(t),
    reason: "NONE",
    other_info: { title: "UNPAUSE", description: "Your template is no longer paused." },
  });
}
