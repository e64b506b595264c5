import { backoffMs, type Job, type NewJob } from "@openwaba/store";
import type { Destination } from "../directory";
import { QUEUES, type Platform } from "../platform";
import type { WebhookEvent } from "./events";

/**
 * Each subscriber (an app, at its callback or its override for the WABA) has its own backlog of
 * events it has not taken, in order per (number, user) — Meta delivers to each app on its own, so
 * one dead receiver never holds back another's. A backlog job's key is the event's ordering key
 * and the app; its kind is the app, so that a receiver that answers again can be caught up at once.
 */
export interface BacklogPayload { appId: string; event: WebhookEvent }

export const backlogKey = (eventKey: string, appId: string) => `${eventKey}|${appId}`;

/** Subscribers that failed lately, by app: their new events join the backlog instead of waiting on them. */
export class FailingSubscribers {
  private until = new Map<string, number>();
  constructor(private readonly holdMs = 60_000) {}
  failed(appId: string): void { this.until.set(appId, Date.now() + this.holdMs); }
  recovered(appId: string): void { this.until.delete(appId); }
  isFailing(appId: string): boolean {
    const t = this.until.get(appId);
    if (t === undefined) return false;
    if (t > Date.now()) return true;
    this.until.delete(appId);
    return false;
  }
}

/**
 * Puts events into a subscriber's backlog. `afterFailures` is how many attempts already failed
 * (0: parked behind earlier events without being tried), which sets when the backlog tries them.
 */
export async function addToBacklog(platform: Platform, dest: Destination, items: { job: Job; event: WebhookEvent }[], afterFailures: number): Promise<void> {
  const now = platform.clock.now();
  const runAt = now + backoffMs(afterFailures, { baseMs: 1000, capMs: platform.config.webhookMaxBackoffMs });
  const jobs: NewJob[] = items.map(({ job, event }) => ({
    queue: QUEUES.webhookBacklog, key: backlogKey(job.key, dest.appId), kind: dest.appId,
    payload: { appId: dest.appId, event } satisfies BacklogPayload, runAt, createdAt: job.created_at,
  }));
  await platform.queue.enqueue(platform.db, jobs);
  platform.wake(QUEUES.webhookBacklog);
}
