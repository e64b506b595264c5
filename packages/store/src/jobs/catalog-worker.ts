import type { JobCatalog, KindsOn, PayloadOf, QueueNameOf, TypedJob } from "./catalog";
import { failurePolicy, type FailureHooks } from "./failure-policy";
import type { Job } from "./job";
import type { Jobs } from "./jobs";
import { QueueWorker, runEach, type HandleResult } from "./queue-worker";

/** One handler per kind of the queue: leaving one out is a type error. */
export type KindHandlers<C extends JobCatalog, Q extends string> = {
  [K in KindsOn<C, Q>]: (payload: PayloadOf<C, K>, job: Job) => Promise<void>;
};

/** A handler of whole batches (one transaction, one POST…) of the queue's kinds. */
export type BatchHandler<C extends JobCatalog, Q extends string> = (
  jobs: TypedJob<C, KindsOn<C, Q>>[],
  ctx: { fail(job: Job, error: string): Promise<void> },
) => Promise<HandleResult[]>;

export interface CatalogWorkerOptions<C extends JobCatalog, Q extends string> {
  clock: { now(): number };
  log?: { error(obj: unknown, msg?: string): void };
  idlePollMs?: number;
  /** Side effects of the retry policy (metrics, a run that must end when its input is given up on). */
  hooks?: FailureHooks;
  /** Each job on its own, by kind… */
  handlers?: KindHandlers<C, Q>;
  /** …or whole batches. */
  batch?: BatchHandler<C, Q>;
}

/**
 * The worker of one queue of a catalog, with the queue's declared batch size, visibility and
 * retry policy. A claimed job whose kind the catalog does not know, or whose payload fails its
 * schema, is buried with the reason; the rest of the batch goes on.
 */
export function catalogWorker<C extends JobCatalog, Q extends QueueNameOf<C>>(
  jobs: Jobs<C>,
  queueName: Q,
  o: CatalogWorkerOptions<C, Q> &
    ({ handlers: KindHandlers<C, Q>; batch?: never } | { batch: BatchHandler<C, Q>; handlers?: never }),
): QueueWorker {
  const spec = jobs.queues().find((q) => q.name === queueName);
  if (!spec) throw new Error(`no queue ${queueName} in the catalog`);
  const fail = failurePolicy(jobs.queue, o.clock, spec, o.hooks);
  const handlers = o.handlers as Record<string, (payload: unknown, job: Job) => Promise<void>> | undefined;
  return new QueueWorker({
    queue: jobs.queue,
    name: spec.name,
    clock: o.clock,
    ordered: spec.ordered,
    batchSize: spec.batchSize,
    visibilityMs: spec.visibilityMs,
    concurrency: spec.concurrency,
    lingerMs: spec.lingerMs,
    idlePollMs: o.idlePollMs,
    log: o.log,
    onFailure: fail,
    async handle(claimed) {
      const valid: TypedJob<C, KindsOn<C, Q>>[] = [];
      const unreadable: HandleResult[] = [];
      for (const job of claimed) {
        const r = jobs.read(job);
        if (r.ok) valid.push(r.typed as TypedJob<C, KindsOn<C, Q>>);
        else unreadable.push({ job, deadLetter: r.reason });
      }
      if (!valid.length) return unreadable;
      let results: HandleResult[];
      try {
        results = o.batch
          ? await o.batch(valid, { fail })
          : await runEach(
              valid,
              (t) => t.job,
              (t) => handlers![t.name](t.payload, t.job),
            );
      } catch (err) {
        results = valid.map((t) => ({ job: t.job, error: String((err as Error)?.message ?? err) }));
      }
      return [...unreadable, ...results];
    },
  });
}
