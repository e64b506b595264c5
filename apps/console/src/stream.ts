import { useEffect, useRef } from "react";

// One EventSource per console tab: the browser reconnects by itself and sends Last-Event-ID,
// so the server replays what was missed. Components subscribe to the kinds they care about.
type Handler = (kind: string, data: any) => void;
const handlers = new Set<Handler>();
let source: EventSource | null = null;
// clock.travelled: the simulated world's clock jumped ({now}); whatever was counted against the
// server's time (windows, snoozes, "Today") is read again.
const KINDS = [
  "conversation.updated",
  "message.created",
  "message.status",
  "timeline.event",
  "agent.typing",
  "agent.availability",
  "clock.travelled",
];

export function openStream(): void {
  if (source) return;
  source = new EventSource("/suite/api/stream");
  for (const k of KINDS)
    source.addEventListener(k, (e) => {
      const data = JSON.parse((e as MessageEvent).data);
      for (const h of handlers) h(k, data);
    });
}

export function closeStream(): void {
  source?.close();
  source = null;
}

export function useStream(handler: Handler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const h: Handler = (k, d) => ref.current(k, d);
    handlers.add(h);
    return () => {
      handlers.delete(h);
    };
  }, []);
}

/** Calls `reload` when the server's clock has travelled: what it counted against the old time is stale. */
export function useClockTravel(reload: (now: string) => void): void {
  useStream((kind, data) => {
    if (kind === "clock.travelled") reload(data.now);
  });
}
