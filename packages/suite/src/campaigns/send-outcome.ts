import { PlatformCallError } from "../client/platform-client";
import { TRANSIENT_GRAPH_CODES } from "../client/transient-refusals";

// What the Cloud API's answer to one campaign send means for its recipient (pure): sent; try
// again later (a passing limit, an outage); stop the whole campaign (the template or the account
// cannot send); failed for this customer only; or unknown (no answer came: it may have been sent,
// so it is never sent again blindly).

export type SendOutcome =
  | { kind: "accepted"; messageId: string }
  | { kind: "retry"; afterMs: number; why: string }
  | { kind: "pause_campaign"; why: string; code: number }
  | { kind: "consent_missing" }
  | { kind: "failed"; error: { code: number; title: string; details: string | null } }
  | { kind: "unknown"; why: string };

/** Template or account problems: no other recipient can be sent either until someone acts. */
const STOPS_CAMPAIGN = new Set([0, 10, 190, 368, 131031, 131042, 132001, 132015, 132016, 133010, 130497]);

export function outcomeOf(err: unknown, attempts: number): SendOutcome {
  if (!(err instanceof PlatformCallError)) return { kind: "unknown", why: String((err as Error)?.message ?? err) };
  if (!err.transport.answered)
    return err.transport.refused
      ? { kind: "retry", afterMs: 2000, why: "the Cloud API refused the connection" }
      : { kind: "unknown", why: err.message };
  // Something between us and the Cloud API failed (a gateway's 502 or 504): the request may have gone through.
  if (err.status >= 500 && err.transport.fromGraph === false) return { kind: "unknown", why: err.message };
  const code = Number(err.graph.code);
  const backoff = Math.min(300_000, 1000 * 2 ** Math.min(attempts, 8));
  if (code === 130429) return { kind: "retry", afterMs: 1000, why: "throughput" };
  if (code === 131056) return { kind: "retry", afterMs: 6000, why: "pair rate" };
  if (code === 139900) return { kind: "consent_missing" };
  if (STOPS_CAMPAIGN.has(code) || (code >= 200 && code <= 299))
    return { kind: "pause_campaign", why: err.message, code };
  if (err.status >= 500 || TRANSIENT_GRAPH_CODES.has(code))
    return { kind: "retry", afterMs: backoff, why: err.message };
  return { kind: "failed", error: { code, title: err.graph.message, details: err.graph.error_data?.details ?? null } };
}
