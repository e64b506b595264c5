export interface Job {
  id: number;
  queue: string;
  key: string;
  kind: string;
  payload: string;
  status: "ready" | "dead";
  run_at: number;
  attempts: number;
  claimed_until: number | null;
  last_error: string | null;
  created_at: number;
}

export interface NewJob {
  queue: string;
  /** Jobs of one key in an ordered queue are handed out one at a time, oldest first. */
  key: string;
  kind: string;
  payload: unknown;
  runAt: number;
  /** When the work first arose (ages for dead letters count from it); `runAt` when left out. */
  createdAt?: number;
}

export interface ClaimRequest {
  queue: string;
  now: number;
  limit: number;
  /** A claimed job not finished by then is handed out again (its worker is presumed dead). */
  visibilityMs: number;
  /**
   * Wall time for the claim's visibility: `now` may be a travelling clock (what is due), but a
   * worker's claim must not expire because the simulated world jumped ahead. Default: `now`.
   */
  wallNow?: number;
  ordered: boolean;
}
