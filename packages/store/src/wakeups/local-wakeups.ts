import type { Wakeups } from "./wakeups";

/** Wake-ups within one process: the workers listening to a queue are called at once. */
export class LocalWakeups implements Wakeups {
  private readonly listeners = new Map<string, Set<() => void>>();

  wake(queue: string): void {
    for (const fn of this.listeners.get(queue) ?? []) fn();
  }

  onWake(queue: string, fn: () => void): () => void {
    const set = this.listeners.get(queue) ?? new Set();
    set.add(fn);
    this.listeners.set(queue, set);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.listeners.get(queue) === set) this.listeners.delete(queue);
    };
  }
}
