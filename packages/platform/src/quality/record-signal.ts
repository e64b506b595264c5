import { catalogWorker, type Db, type PayloadIn } from "@openwaba/store";
import { graphId } from "../ids";
import { QUEUES, type Platform } from "../platform";
import type { PlatformJobs } from "../platform-jobs";
import { limitScope } from "../limits/messaging-limit";
import { markFlagged, reviewFlag, reviewTier } from "../limits/tier-review";
import { QUALITY_WINDOW_MS, qualityRating } from "../rules/phone-quality";
import { emitWabaEvent } from "../webhooks/events";
import { reassessTemplate, unpauseTemplate } from "./template-quality";

/** What a user did that counts against a number and the template it last sent them. */
export interface UserSignal {
  phoneNumberId: string;
  waId: string;
  kind: "block" | "report" | "stop";
  reason?: string;
}

/**
 * A user blocked (or reported) a business number: recorded, the number's quality recomputed, and
 * a change announced — all in the caller's transaction. Meta's events: FLAGGED when the number
 * turns RED, UNFLAGGED when it leaves RED (GREEN↔YELLOW shows only in the quality_rating field).
 */
export async function recordUserSignal(platform: Platform, tx: Db, s: UserSignal): Promise<void> {
  const now = platform.clock.now();
  // The signal also counts against the template of the last message the user got from the number.
  const last = await tx
    .selectFrom("messages")
    .select("template_id")
    .where("phone_number_id", "=", s.phoneNumberId)
    .where("wa_id", "=", s.waId)
    .where("direction", "=", "out")
    .where("created_at", ">", now - QUALITY_WINDOW_MS)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const templateId = last?.template_id ?? null;
  await tx
    .insertInto("quality_signals")
    .values({
      id: graphId(),
      phone_number_id: s.phoneNumberId,
      wa_id: s.waId,
      kind: s.kind,
      reason: s.reason ?? null,
      at: now,
      template_id: templateId,
    })
    .execute();
  await scheduleReassessments(
    platform,
    tx,
    "quality.reassess",
    s.phoneNumberId,
    { phoneNumberId: s.phoneNumberId },
    now,
  );
  await reassessQuality(platform, tx, s.phoneNumberId);
  if (templateId) {
    await scheduleReassessments(platform, tx, "quality.template", templateId, { templateId }, now);
    await reassessTemplate(platform, tx, templateId, unpauseAt(platform, tx, templateId));
  }
}

const unpauseAt = (platform: Platform, tx: Db, templateId: string) => (runAt: number) =>
  platform.jobs.enqueue(tx, "quality.unpause", { templateId }, { key: templateId, runAt });

/** A signal weighs less as it ages and not at all after 7 days: look again along the way. */
function scheduleReassessments<K extends "quality.reassess" | "quality.template">(
  platform: Platform,
  tx: Db,
  name: K,
  key: string,
  payload: PayloadIn<PlatformJobs, K>,
  now: number,
) {
  return platform.jobs.enqueueAll(
    tx,
    name,
    [1, 3.5, 7].map((days) => ({ payload, key, runAt: now + days * 24 * 3600 * 1000 + 1 })),
  );
}

/** Recomputes a number's quality rating from its last 7 days and announces a change. */
export async function reassessQuality(platform: Platform, tx: Db, phoneNumberId: string): Promise<void> {
  const now = platform.clock.now();
  const since = now - QUALITY_WINDOW_MS;
  const signals = await tx
    .selectFrom("quality_signals")
    .select(["kind", "at"])
    .where("phone_number_id", "=", phoneNumberId)
    .where("at", ">", since)
    .execute();
  const users = await tx
    .selectFrom("messages")
    .select((e) => e.fn.count<number>("wa_id").distinct().as("n"))
    .where("phone_number_id", "=", phoneNumberId)
    .where("direction", "=", "out")
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  const phone = await tx.selectFrom("phone_numbers").selectAll().where("id", "=", phoneNumberId).executeTakeFirst();
  if (!phone) return;
  const rating = qualityRating(
    signals.map((x) => ({ kind: x.kind, at: Number(x.at) })),
    Number(users.n),
    now,
  );
  if (rating === phone.quality_rating) return;
  await tx
    .updateTable("phone_numbers")
    .set({ quality_rating: rating, flagged_at: null })
    .where("id", "=", phone.id)
    .execute();
  const event = rating === "RED" ? "FLAGGED" : phone.quality_rating === "RED" ? "UNFLAGGED" : null;
  // Under the per-number model a RED number is FLAGGED and has a week before it loses a tier.
  if (rating === "RED" && platform.config.messagingLimitModel === "per_number")
    await markFlagged(platform, tx, phone.id, now);
  platform.directory.forget();
  if (event) {
    const { tier } = await limitScope(platform, tx, phone);
    await emitWabaEvent(platform, tx, phone.waba_id, "phone_number_quality_update", {
      display_phone_number: phone.display_phone_number,
      event,
      current_limit: tier,
    });
  }
}

/** Runs the scheduled reviews: quality as signals age, template pauses, messaging tiers, flagged numbers. */
export function createQualityWorker(platform: Platform, log?: { error(o: unknown, m?: string): void }) {
  // Each review in its own transaction; cached numbers must show what it changed (tier, status,
  // throughput) once it is committed.
  const review =
    <P>(run: (tx: Db, p: P) => Promise<void>) =>
    async (p: P) => {
      await platform.db.transaction().execute((tx) => run(tx, p));
      platform.directory.forget();
      platform.wake(QUEUES.webhook);
    };
  const reassessTemplateNow = (tx: Db, templateId: string) =>
    reassessTemplate(platform, tx, templateId, unpauseAt(platform, tx, templateId));
  return catalogWorker(platform.jobs, QUEUES.quality, {
    clock: platform.clock,
    log,
    handlers: {
      "quality.reassess": review((tx, p) => reassessQuality(platform, tx, p.phoneNumberId)),
      "quality.template": review((tx, p) => reassessTemplateNow(tx, p.templateId)),
      "quality.template_due": review(async (tx, p) => {
        await tx.updateTable("templates").set({ quality_review_at: null }).where("id", "=", p.templateId).execute();
        await reassessTemplateNow(tx, p.templateId);
      }),
      "quality.unpause": review((tx, p) => unpauseTemplate(platform, tx, p.templateId)),
      "quality.tier_review": review(async (tx, p) => {
        if (p.phoneNumberId) await reviewTier(platform, tx, p.phoneNumberId);
      }),
      "quality.flag_review": review(async (tx, p) => {
        await reassessQuality(platform, tx, p.phoneNumberId);
        await reviewFlag(platform, tx, p.phoneNumberId, p.flaggedAt);
      }),
    },
  });
}
