import type { Job } from "./job";
import type { JobQueue } from "./queue";

const MIN_IDLE_MS = 10;

export interface WorkerOptions {
  queue: JobQueue;
  name: string;
  clock: { now(): number };
  ordered: boolean;
  batchSize: number;
  visibilityMs: number;
  /**
   * Handles a claimed batch; returns the jobs that failed, with why, those it released itself
   * (put back with `JobQueue.release`: their outcome comes later) and those that can never run
   * (buried at once, with the reason). Thrown errors fail all.
   */
  handle(jobs: Job[]): Promise<HandleResult[]>;
  /** What to do with a failed job: retry at a time, or bury. */
  onFailure(job: Job, error: string): Promise<void>;
  log?: { error(obj: unknown, msg?: string): void };
  /** Longest sleep when idle; new work in this process wakes the worker at once. */
  idlePollMs?: number;
  /**
   * After a batch smaller than `batchSize`, wait this long before claiming again, whatever wakes
   * the worker: more work gathers into the next batch (webhooks: fewer, larger POSTs).
   */
  lingerMs?: number;
  /** Loops claiming at once (default 1): a batch that waits on a slow receiver holds only its own loop. */
  concurrency?: number;
}

/**
 * Claims and runs jobs of one queue until stopped. Work in hand when stop() is called is finished;
 * nothing is abandoned half-done, and anything claimed by a killed process is claimed again after
 * its visibility timeout.
 */
export class QueueWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly states: LoopState[] = [];

  constructor(private readonly o: WorkerOptions) {}

  get name(): string {
    return this.o.name;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (let i = 0; i < Math.max(1, this.o.concurrency ?? 1); i++) {
      const state: LoopState = { woken: false, wakeUp: null };
      this.states.push(state);
      this.loops.push(this.run(state));
    }
  }

  wake(): void {
    for (const s of this.states) {
      s.woken = true;
      s.wakeUp?.();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
  }

  private async run(state: LoopState): Promise<void> {
    while (this.running) {
      let jobs: Job[] = [];
      try {
        state.woken = false;
        jobs = await this.o.queue.claim({
          queue: this.o.name,
          now: this.o.clock.now(),
          wallNow: Date.now(),
          limit: this.o.batchSize,
          visibilityMs: this.o.visibilityMs,
          ordered: this.o.ordered,
        });
        if (jobs.length) await this.process(jobs);
      } catch (err) {
        this.o.log?.error({ err, queue: this.o.name }, "queue worker error");
        await this.sleep(state, 500);
        continue;
      }
      if (jobs.length === 0 && !state.woken) await this.idle(state);
      else if (this.o.lingerMs && jobs.length > 0 && jobs.length < this.o.batchSize && this.running)
        await new Promise((r) => setTimeout(r, this.o.lingerMs));
      // better-sqlite3 answers synchronously: without this yield a busy worker would chain
      // microtasks and starve the event loop of I/O.
      else await new Promise((r) => setImmediate(r));
    }
  }

  private async process(jobs: Job[]): Promise<void> {
    let results: HandleResult[];
    try {
      results = await this.o.handle(jobs);
    } catch (err) {
      results = jobs.map((job) => ({ job, error: String((err as Error)?.message ?? err) }));
    }
    const notDone = new Set(results.map((f) => f.job.id));
    await this.o.queue.complete(jobs.filter((j) => !notDone.has(j.id)).map((j) => j.id));
    for (const f of results) {
      if ("error" in f) await this.o.onFailure(f.job, f.error);
      else if ("deadLetter" in f) await this.o.queue.bury(f.job, f.deadLetter);
    }
  }

  private async idle(state: LoopState): Promise<void> {
    const next = await this.o.queue.nextRunAt(this.o.name, this.o.ordered).catch(() => null);
    const poll = this.o.idlePollMs ?? 1000;
    // Nothing was claimable: wait at least a little even if something looks due (its head may be
    // claimed by a worker elsewhere), so an idle worker never spins.
    const wait = next == null ? poll : Math.max(MIN_IDLE_MS, Math.min(poll, next - this.o.clock.now()));
    await this.sleep(state, wait);
  }

  private sleep(state: LoopState, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        state.wakeUp = null;
        resolve();
      }
      state.wakeUp = done;
      if (state.woken || !this.running) done();
    });
  }
}

interface LoopState {
  woken: boolean;
  wakeUp: (() => void) | null;
}

/** A job that failed (retry or bury it), one the handler released to settle later, or one that can never run. */
export type HandleResult =
  | { job: Job; error: string }
  | { job: Job; released: true }
  | { job: Job; deadLetter: string };

/** Runs each item on its own, at once; answers the jobs of those that threw, with why. */
export async function runEach<T>(
  items: T[],
  jobOf: (item: T) => Job,
  run: (item: T) => Promise<void>,
): Promise<{ job: Job; error: string }[]> {
  const failed: { job: Job; error: string }[] = [];
  await Promise.all(
    items.map((item) =>
      run(item).catch((err) => {
        failed.push({ job: jobOf(item), error: String(err?.message ?? err) });
      }),
    ),
  );
  return failed;
}
