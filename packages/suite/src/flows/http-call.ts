import type { OutboundHttp } from "@openwaba/store";
import {
  type FlowNode,
  parseDuration,
  fillDeep,
  fillTemplate,
  resolvePath,
  type FlowContext,
} from "@openwaba/contracts/suite";

// A flow's call to the business's own system (a CRM, a shop): URL, method, headers and body
// filled from the run's variables; retried on network errors, timeouts, 429 and 5xx with a short
// backoff; the answer (JSON when it says so) is kept for the next nodes.

type HttpNode = Extract<FlowNode, { type: "http" }>;
export interface HttpOutcome {
  ok: boolean;
  status: number;
  body: unknown;
  attempts: number;
  error?: string;
}

const MAX_BODY_BYTES = 256 * 1024;
const DEFAULT_TIMEOUT_MS = 5000;

export async function callBusinessSystem(
  http: OutboundHttp,
  node: HttpNode,
  ctx: FlowContext,
  o: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<HttpOutcome> {
  const url = fillTemplate(node.url, ctx, encodeURIComponent);
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(node.headers ?? {}).map(([k, v]) => [k.toLowerCase(), fillTemplate(v, ctx)]),
  );
  let body: string | undefined;
  if (node.body !== undefined && node.method !== "GET") {
    // In a JSON body written as text, a value cannot add fields: it is escaped as a JSON string's inside.
    if (typeof node.body === "string")
      body = fillTemplate(
        node.body,
        ctx,
        (headers["content-type"] ?? "").includes("json") ? (v) => JSON.stringify(v).slice(1, -1) : undefined,
      );
    else {
      body = JSON.stringify(fillDeep(node.body, ctx));
      headers["content-type"] ??= "application/json";
    }
  }
  const timeoutMs = node.timeout ? parseDuration(node.timeout)! : DEFAULT_TIMEOUT_MS;
  const retries = node.retries ?? 2;
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let last: HttpOutcome = { ok: false, status: 0, body: null, attempts: 0 };
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    last = await once(http, url, node.method, headers, body, timeoutMs, attempt);
    const retryable = last.status === 0 || last.status === 429 || last.status >= 500;
    if (last.ok || !retryable || attempt > retries) return last;
    await sleep(Math.min(4000, 250 * 2 ** attempt));
  }
  return last;
}

async function once(
  http: OutboundHttp,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  attempt: number,
): Promise<HttpOutcome> {
  try {
    const res = await http.request({
      url,
      method,
      headers: { "user-agent": "OpenWABA-flows/1", ...headers },
      body,
      timeoutMs,
      redirect: "manual",
    });
    const text = await res.text({ maxBytes: MAX_BODY_BYTES });
    let parsed: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json")) {
      try {
        parsed = JSON.parse(text);
      } catch {
        /* kept as text */
      }
    }
    return { ok: res.status >= 200 && res.status < 300, status: res.status, body: parsed, attempts: attempt };
  } catch (err) {
    const e = err as Error;
    return {
      ok: false,
      status: 0,
      body: null,
      attempts: attempt,
      error: e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : e.message,
    };
  }
}

/** The parts of an answer the node saves: {"attr.status": "body.order.status"} → {attr: {status: …}}. */
export function savedParts(
  node: HttpNode,
  outcome: HttpOutcome,
): { attr: Record<string, string>; vars: Record<string, unknown> } {
  const out = { attr: {} as Record<string, string>, vars: {} as Record<string, unknown> };
  const answer = { status: outcome.status, body: outcome.body };
  for (const [target, source] of Object.entries(node.save ?? {})) {
    const v = resolvePath(answer, source);
    const [scope, name] = target.split(".") as ["attr" | "vars", string];
    if (v === undefined) continue;
    if (scope === "attr") out.attr[name] = (typeof v === "object" ? JSON.stringify(v) : String(v)).slice(0, 1000);
    else out.vars[name] = v;
  }
  return out;
}
