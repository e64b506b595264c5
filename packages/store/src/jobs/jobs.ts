import { z } from "zod";
import type { Db } from "../database";
import type { JobCatalog, JobName, PayloadIn, QueueSpec, TypedJob } from "./catalog";
import type { Job, NewJob } from "./job";
import type { JobQueue } from "./queue";

export interface EnqueueOptions {
  /** Jobs of one key in an ordered queue are handed out one at a time, oldest first. */
  key: string;
  /** When it is due: now when left out. */
  runAt?: number;
  /** When the work first arose (ages for dead letters count from it); `runAt` when left out. */
  createdAt?: number;
}

/** A claimed job's reading: typed, or why it cannot be run. */
export type JobReading<C extends JobCatalog> = { ok: true; typed: TypedJob<C> } | { ok: false; reason: string };

/**
 * A package's job catalog over the store's queue: enqueues type-checked against the catalog (and
 * validated before anything is written), and claimed jobs read back through the same schemas.
 */
export class Jobs<C extends JobCatalog> {
  private readonly named = new Map<string, JobName<C>>();
  private readonly anyKind = new Map<string, JobName<C>>();

  constructor(
    readonly catalog: C,
    readonly queue: JobQueue,
    private readonly clock: { now(): number },
    /** Called after each enqueue with the job's queue (the suite wakes its worker). */
    private readonly afterEnqueue?: (queue: string) => void,
  ) {
    for (const name of Object.keys(catalog) as JobName<C>[]) {
      const { queue: q, kind } = catalog[name];
      if (typeof kind === "function") {
        if (this.anyKind.has(q.name)) throw new Error(`queue ${q.name}: two kinds take their kind from the payload`);
        this.anyKind.set(q.name, name);
      } else {
        const k = `${q.name}\n${kind ?? name}`;
        if (this.named.has(k)) throw new Error(`queue ${q.name}: kind ${kind ?? name} is declared twice`);
        this.named.set(k, name);
      }
    }
  }

  /** The queues of the catalog, each once. */
  queues(): QueueSpec[] {
    return [...new Map(Object.values(this.catalog).map((k) => [k.queue.name, k.queue])).values()];
  }

  /** Queues a job in `db` (pass the transaction of the change it reports). */
  async enqueue<K extends JobName<C>>(db: Db, name: K, payload: PayloadIn<C, K>, opts: EnqueueOptions): Promise<void> {
    await this.enqueueAll(db, name, [{ payload, ...opts }]);
  }

  /** Queues several jobs of one kind in one insert. */
  async enqueueAll<K extends JobName<C>>(
    db: Db,
    name: K,
    items: ({ payload: PayloadIn<C, K> } & EnqueueOptions)[],
  ): Promise<void> {
    if (items.length === 0) return;
    await this.queue.enqueue(
      db,
      items.map((i) => this.row(name, i)),
    );
    this.afterEnqueue?.(this.catalog[name].queue.name);
  }

  /** Like enqueueAll, answering the new jobs' ids (to complete them later by id). */
  async enqueueReturningIds<K extends JobName<C>>(
    db: Db,
    name: K,
    items: ({ payload: PayloadIn<C, K> } & EnqueueOptions)[],
  ): Promise<number[]> {
    const ids = await this.queue.enqueueReturningIds(
      db,
      items.map((i) => this.row(name, i)),
    );
    if (ids.length) this.afterEnqueue?.(this.catalog[name].queue.name);
    return ids;
  }

  /** The catalog kind of a claimed job and its payload through the kind's schema, or why not. */
  read(job: Job): JobReading<C> {
    const name = this.named.get(`${job.queue}\n${job.kind}`) ?? this.anyKind.get(job.queue);
    if (name === undefined) return { ok: false, reason: `unknown job kind "${job.kind}" in queue "${job.queue}"` };
    let raw: unknown;
    try {
      raw = JSON.parse(job.payload);
    } catch {
      return { ok: false, reason: `${name}: the payload is not JSON` };
    }
    const spec = this.catalog[name];
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: `${name}: bad payload: ${oneLine(parsed.error)}` };
    if (typeof spec.kind === "function" && spec.kind(parsed.data) !== job.kind)
      return { ok: false, reason: `${name}: kind "${job.kind}" does not match its payload` };
    return { ok: true, typed: { name, payload: parsed.data, job } as TypedJob<C> };
  }

  private row<K extends JobName<C>>(name: K, i: { payload: PayloadIn<C, K> } & EnqueueOptions): NewJob {
    const spec = this.catalog[name];
    const parsed = spec.schema.safeParse(i.payload);
    if (!parsed.success) throw new Error(`job ${name}: bad payload: ${oneLine(parsed.error)}`);
    const kind = typeof spec.kind === "function" ? spec.kind(parsed.data) : (spec.kind ?? name);
    const runAt = i.runAt ?? this.clock.now();
    // What was given is written (not the parsed copy): the row stays exactly as callers wrote it.
    return { queue: spec.queue.name, key: i.key, kind, payload: i.payload, runAt, createdAt: i.createdAt ?? runAt };
  }
}

const oneLine = (e: z.ZodError) =>
  z
    .prettifyError(e)
    .replace(/\s*\n\s*/g, "; ")
    .slice(0, 500);
