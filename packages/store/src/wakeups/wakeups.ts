/**
 * "A queue has new work": its workers look now instead of at their next poll. An interface
 * because the workers it reaches are this process's today (local-wakeups.ts); with several nodes
 * a broker (Redis, NATS or PostgreSQL's NOTIFY) carries the wake-up to every node's workers.
 */
export interface Wakeups {
  wake(queue: string): void;
  /** Calls `fn` on every wake-up of `queue`; the answer stops it. */
  onWake(queue: string, fn: () => void): () => void;
}
