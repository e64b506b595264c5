/** Anything that works in the background until stopped: a queue's worker, a campaign dispatcher. */
export interface Worker {
  readonly name: string;
  start(): void;
  /** New work is there: look now rather than at the next poll. */
  wake(): void;
  /** Finishes the work in hand, then resolves. */
  stop(): Promise<void>;
}

/**
 * Every worker of a process, in groups that start and stop together (the platform's before the
 * suite's, which reaches the platform over HTTP: it stops first, while the platform still answers).
 */
export class WorkerRegistry {
  private readonly groups = new Map<string, Worker[]>();
  private readonly running = new Set<Worker>();

  add(group: string, ...workers: Worker[]): void {
    this.groups.set(group, [...(this.groups.get(group) ?? []), ...workers]);
  }

  /** Starts the workers of a group (every group when none is named) that are not running yet. */
  start(group?: string): void {
    for (const w of this.pick(group)) {
      if (this.running.has(w)) continue;
      this.running.add(w);
      w.start();
    }
  }

  /** Wakes the workers named so (a queue's name). */
  wake(name: string): void {
    for (const w of this.pick()) if (w.name === name) w.wake();
  }

  /** Wakes a group's workers (every worker when none is named). */
  wakeAll(group?: string): void {
    for (const w of this.pick(group)) w.wake();
  }

  /** Stops a group (every group, the last added first, when none is named) once its work in hand is done. */
  async stop(group?: string): Promise<void> {
    const names = group === undefined ? [...this.groups.keys()].reverse() : [group];
    for (const g of names) {
      const ws = (this.groups.get(g) ?? []).filter((w) => this.running.has(w));
      await Promise.all(ws.map((w) => w.stop()));
      for (const w of ws) this.running.delete(w);
    }
  }

  private pick(group?: string): Worker[] {
    return group === undefined ? [...this.groups.values()].flat() : (this.groups.get(group) ?? []);
  }
}
