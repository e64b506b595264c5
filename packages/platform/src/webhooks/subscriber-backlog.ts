import { backoffMs, type FailureHooks, type Job } from "@openwaba/store";
import type { Destination } from "../directory";
import { QUEUES, type Platform } from "../platform";
import type { WebhookEvent } from "./events";

/**
 * Each subscriber — an app at its callback, or at its override for one WABA — has its own
 * backlog of events it has not taken, in order per (number, user): Meta delivers to each app on
 * its own, so one dead or slow receiver never holds back another's. A backlog job's key is the
 * event's ordering key and the app; its kind names the subscriber (WABA and app), so that a
 * receiver that answers again can be caught up at once.
 */
export interface BacklogPayload {
  appId: string;
  event: WebhookEvent;
}

export const backlogKey = (eventKey: string, appId: string) => `${eventKey}|${appId}`;
export const subscriberOf = (wabaId: string, appId: string) => `${wabaId}|${appId}`;

/** The retries' backoff: immediately, then doubling from a second up to the configured cap. */
export const retryAfterMs = (platform: Platform, failedAttempts: number) =>
  backoffMs(failedAttempts, { baseMs: 1000, capMs: platform.config.webhookMaxBackoffMs });

/**
 * What /metrics and the log hear of the webhook queues' retry policy (platform-jobs.ts: retried
 * for the retry period, then dead letters); a retry is counted when `counted`.
 */
export const webhookFailureHooks = (
  platform: Platform,
  o: { counted: boolean; log?: { warn(o: unknown, m?: string): void } },
): FailureHooks => ({
  retried: () => {
    if (o.counted) platform.metrics.webhookRetries.inc();
  },
  gaveUp: (job, error) => {
    platform.metrics.webhookDeadLetters.inc();
    o.log?.warn({ jobId: job.id, error }, "webhook event dead-lettered");
  },
});

/**
 * How long a delivery may take before the others stop waiting for it: a slower POST is left to
 * finish on its own while its events wait in the subscriber's backlog.
 */
export const PATIENCE_MS = 2000;

/** Subscribers that failed or were slow lately: their new events join their backlog instead of being tried first. */
export class FailingSubscribers {
  private until = new Map<string, number>();
  constructor(private readonly holdMs = 60_000) {}
  failed(subscriber: string): void {
    this.until.set(subscriber, Date.now() + this.holdMs);
  }
  recovered(subscriber: string): void {
    this.until.delete(subscriber);
  }
  isFailing(subscriber: string): boolean {
    const t = this.until.get(subscriber);
    if (t === undefined) return false;
    if (t > Date.now()) return true;
    this.until.delete(subscriber);
    return false;
  }
}

/** Puts events into a subscriber's backlog, due at `runAt`; answers the backlog jobs' ids. */
export async function addToBacklog(
  platform: Platform,
  dest: Destination,
  items: { job: Job; event: WebhookEvent }[],
  runAt: number,
): Promise<number[]> {
  const ids = await platform.jobs.enqueueReturningIds(
    platform.db,
    "webhook.backlog",
    items.map(({ job, event }) => ({
      payload: { appId: dest.appId, event },
      key: backlogKey(job.key, dest.appId),
      runAt,
      createdAt: job.created_at,
    })),
  );
  platform.wake(QUEUES.webhookBacklog);
  return ids;
}

/**
 * A POST's outcome, if it comes within PATIENCE_MS; otherwise "slow": the POST goes on, and
 * `whenSlow` runs at once (to keep the events in order in the backlog), then `afterSlow` with the
 * outcome when it comes. Nothing thrown by these is lost silently: it is logged.
 */
export async function withPatience(
  post: Promise<string | null>,
  o: {
    whenSlow: () => Promise<void>;
    afterSlow: (err: string | null) => Promise<void>;
    log?: { error(o: unknown, m?: string): void };
  },
): Promise<string | null | "slow"> {
  let timer: NodeJS.Timeout | undefined;
  const patience = new Promise<"slow">((r) => {
    timer = setTimeout(() => r("slow"), PATIENCE_MS);
  });
  const first = await Promise.race([post, patience]);
  clearTimeout(timer);
  if (first !== "slow") return first;
  await o.whenSlow();
  void post.then(o.afterSlow).catch((err) => o.log?.error({ err }, "settling a slow webhook delivery failed"));
  return "slow";
}
