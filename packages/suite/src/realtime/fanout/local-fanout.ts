import type { EphemeralEvent, RealtimeFanout } from "./realtime-fanout";

/**
 * The streams of this process, called directly: after a commit a call is enough. Other nodes'
 * streams also look on their own every second (realtime/stream.route.ts).
 */
export class LocalFanout implements RealtimeFanout {
  private listeners = new Set<() => void>();
  private ephemeral = new Set<(e: EphemeralEvent) => void>();
  private closers = new Set<() => void>();

  notify(): void {
    for (const l of this.listeners) l();
  }
  onNotify(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  signal(e: EphemeralEvent): void {
    for (const l of this.ephemeral) l(e);
  }
  onSignal(l: (e: EphemeralEvent) => void): () => void {
    this.ephemeral.add(l);
    return () => this.ephemeral.delete(l);
  }

  close(): void {
    for (const c of this.closers) c();
  }
  onClose(l: () => void): () => void {
    this.closers.add(l);
    return () => this.closers.delete(l);
  }
}
