import { backoffMs } from "./backoff";
import type { QueueSpec } from "./catalog";
import type { Job } from "./job";
import type { JobQueue } from "./queue";

export interface FailureHooks {
  /** A retry was scheduled. */
  retried?(job: Job): void;
  /** The job was given up on (buried or dropped) after its queue's retries ran out. */
  gaveUp?(job: Job, error: string): Promise<void> | void;
}

/** When a failed job of the queue is tried again, or given up on, by the queue's retry policy. */
export function failurePolicy(
  queue: JobQueue,
  clock: { now(): number },
  spec: QueueSpec,
  hooks: FailureHooks = {},
): (job: Job, error: string) => Promise<void> {
  const r = spec.retry;
  return async (job, error) => {
    const now = clock.now();
    if (job.attempts >= r.maxAttempts || (r.maxAgeMs !== undefined && now - job.created_at >= r.maxAgeMs)) {
      if (r.exhausted === "bury") await queue.bury(job, error);
      else await queue.complete([job.id]);
      await hooks.gaveUp?.(job, error);
      return;
    }
    hooks.retried?.(job);
    const wait =
      "fixedMs" in r.backoff ? r.backoff.fixedMs : backoffMs(job.attempts + (r.priorFailures ?? 0), r.backoff);
    await queue.retry(job, now + wait, error, spec.ordered);
  };
}
