import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { OutboundHttp, OutboundRequest, OutboundResponse } from "./outbound-http";

/** Node's fetch, as it is: no policy on where a request may go. */
export class NodeOutboundHttp implements OutboundHttp {
  async request(req: OutboundRequest): Promise<OutboundResponse> {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      redirect: req.redirect,
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    return {
      status: res.status,
      ok: res.ok,
      headers: res.headers,
      text: (o) => (o?.maxBytes === undefined ? res.text() : firstBytes(res, o.maxBytes)),
      stream: () => (res.body ? Readable.fromWeb(res.body as WebStream<Uint8Array>) : null),
      discard: async () => {
        await res.arrayBuffer();
      },
    };
  }
}

/** Reads until `max` bytes are in, then cancels the rest (a large answer is never read whole). */
async function firstBytes(res: Response, max: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, max).toString("utf8");
}
