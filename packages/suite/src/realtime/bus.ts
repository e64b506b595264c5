/**
 * Wakes the open streams after a commit that published suite events. In one process a call is
 * enough; other nodes' streams also look on their own every second (realtime/stream.route.ts).
 * Ephemeral signals (typing) go to streams directly and are never stored.
 */
export class RealtimeBus {
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

  /** Ends every open stream (shutdown: a stream never goes idle by itself). */
  close(): void {
    for (const c of this.closers) c();
  }
  onClose(l: () => void): () => void {
    this.closers.add(l);
    return () => this.closers.delete(l);
  }
}

export interface EphemeralEvent {
  tenant_id: string;
  team_id: string | null;
  conversation_id: string;
  kind: string;
  payload: Record<string, unknown>;
}
