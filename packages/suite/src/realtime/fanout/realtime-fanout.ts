/**
 * Tells the open streams that there is something for them: new events committed (`notify`, they
 * read the feed), or an ephemeral signal such as typing that is never stored (`signal`). An
 * interface because it reaches this process's streams only today (local-fanout.ts); with several
 * nodes a broker (Redis, NATS or PostgreSQL's NOTIFY) carries it to every node's streams.
 */
export interface RealtimeFanout {
  /** Events were committed: every stream looks at the feed. */
  notify(): void;
  onNotify(l: () => void): () => void;
  signal(e: EphemeralEvent): void;
  onSignal(l: (e: EphemeralEvent) => void): () => void;
  /** Ends every open stream of this process (shutdown: a stream never goes idle by itself). */
  close(): void;
  onClose(l: () => void): () => void;
}

export interface EphemeralEvent {
  tenant_id: string;
  team_id: string | null;
  conversation_id: string;
  kind: string;
  payload: Record<string, unknown>;
}
