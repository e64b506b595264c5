/** One Server-Sent Event as a browser's EventSource would hand it over. */
export interface StreamEvent {
  id: string | null;
  event: string;
  data: any;
}

/**
 * Reads a text/event-stream body to its end (or until aborted), calling `on` with each event and
 * the moment its bytes arrived (performance.now()). Shared by the tests and the inbox bench.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  on: (e: StreamEvent, at: number) => void,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const at = performance.now();
      buf += value;
      for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
        const lines = buf.slice(0, i).split("\n");
        buf = buf.slice(i + 2);
        const field = (n: string) => lines.find((l) => l.startsWith(`${n}: `))?.slice(n.length + 2) ?? null;
        const data = field("data");
        if (data !== null) on({ id: field("id"), event: field("event") ?? "message", data: JSON.parse(data) }, at);
      }
    }
  } catch {
    /* aborted or closed */
  }
}
