import type { Readable } from "node:stream";

/**
 * One request to a URL outside the deployment (a subscriber, a business's system, a media link).
 * Each caller says how long it waits and whether it follows redirects: none inherits a default.
 */
export interface OutboundRequest {
  url: string | URL;
  /** GET when absent. */
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, the answer's body included, is aborted after this long (a TimeoutError). */
  timeoutMs: number;
  /** "manual": a 3xx is the answer; "follow": its Location is fetched instead. */
  redirect: "follow" | "manual";
}

export interface OutboundResponse {
  status: number;
  /** 2xx. */
  ok: boolean;
  headers: { get(name: string): string | null };
  /** The body as UTF-8 text; with `maxBytes`, its first `maxBytes` bytes only, the rest left unread. */
  text(o?: { maxBytes?: number }): Promise<string>;
  /** The body as a stream, for the caller to cap (null: the answer has none). */
  stream(): Readable | null;
  /** Reads the body to its end and drops it. */
  discard(): Promise<void>;
}

/**
 * Every request the server makes to an address it does not run. An interface so that what is
 * allowed out is decided in one place: today plain fetch (node-outbound-http.ts); the safe fetch
 * (issue #14: private ranges refused, the resolved address pinned) goes inside it, callers unchanged.
 */
export interface OutboundHttp {
  /** Rejects when no answer comes (unreachable, TimeoutError): fetch's own errors, `cause` kept. */
  request(req: OutboundRequest): Promise<OutboundResponse>;
}
