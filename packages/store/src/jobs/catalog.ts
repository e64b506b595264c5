import type { z } from "zod";
import type { Job } from "./job";

/** What a queue does with a job that failed: when to try again, and when to give up. */
export interface RetryPolicy {
  /** Attempts before giving up (Infinity: no limit by count). */
  maxAttempts: number;
  /** Gives up once the work is older than this, counted from when it arose (its `created_at`). */
  maxAgeMs?: number;
  /** Jittered exponential backoff (an immediate first retry, then doubling up to `capMs`), or a fixed wait. */
  backoff: { baseMs: number; capMs: number } | { fixedMs: number };
  /** Failures before the job reached this queue (a backlog's jobs failed once already): they count for the backoff. */
  priorFailures?: number;
  /** When it gives up: the job stays as a dead letter (to redrive), or is dropped. */
  exhausted: "bury" | "drop";
}

/** A queue and how its worker claims and retries: declared once, with the kinds it holds. */
export interface QueueSpec<N extends string = string> {
  name: N;
  /** Jobs of one key are handed out one at a time, oldest first. */
  ordered: boolean;
  batchSize: number;
  /** A claimed job not finished by then is handed out again (its worker is presumed dead). */
  visibilityMs: number;
  retry: RetryPolicy;
  /** Loops claiming at once (default 1). */
  concurrency?: number;
  /** After a batch smaller than `batchSize`, wait this long before claiming again (more work gathers). */
  lingerMs?: number;
}

/** A job kind: its queue and the schema of its payload. */
export interface JobKind<S extends z.ZodType = z.ZodType> {
  queue: QueueSpec;
  schema: S;
  /**
   * The row's `kind`: the catalog name when left out. A function when the kind is part of the
   * payload (a webhook's field); a queue has at most one such kind, and it takes the row kinds no
   * other kind of the queue names.
   */
  kind?: string | ((payload: any) => string);
}

/** Every job kind of a package, by name. */
export type JobCatalog = Record<string, JobKind<any>>;

export type JobName<C extends JobCatalog> = keyof C & string;
/** What a kind's handler receives (the schema's output). */
export type PayloadOf<C extends JobCatalog, K extends keyof C> = z.output<C[K]["schema"]>;
/** What an enqueue of the kind accepts (the schema's input). */
export type PayloadIn<C extends JobCatalog, K extends keyof C> = z.input<C[K]["schema"]>;
/** The names of the catalog's queues. */
export type QueueNameOf<C extends JobCatalog> = C[keyof C]["queue"]["name"];
/** The kinds a queue holds. */
export type KindsOn<C extends JobCatalog, Q extends string> = {
  [K in keyof C]: C[K]["queue"]["name"] extends Q ? K : never;
}[keyof C] &
  string;

/** A claimed job whose payload passed its kind's schema. */
export type TypedJob<C extends JobCatalog, K extends keyof C = keyof C> = K extends keyof C
  ? { name: K; payload: PayloadOf<C, K>; job: Job }
  : never;

/** Declares a queue, keeping its name's literal type (kinds are matched to workers by it). */
export const defineQueue = <const N extends string>(spec: QueueSpec<N>): QueueSpec<N> => spec;
