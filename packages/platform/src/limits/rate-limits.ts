import { GraphError } from "@openwaba/contracts";
import { pairRateDecision, type PairState } from "../rules/pair-rate";
import { takeToken, type Bucket } from "../rules/throughput";

export const HIGH_THROUGHPUT_MPS = 1000;

export interface RateLimitConfig {
  /** Messages per second per business number, in and out (80 by default; 1,000 upgraded). */
  throughputMps: number;
  /** Whether the pair rate limit (one message per 6 s to a user, bursts of 45) applies. */
  pairRate: boolean;
}

/**
 * Throughput and pair-rate state for one process. Node runs one request at a time, so a decision
 * and its update cannot interleave: a burst of parallel requests is admitted exactly as far as
 * the bucket allows. (Several nodes will need a shared store, Redis, for these counters.)
 */
export class RateLimits {
  private buckets = new Map<string, Bucket>();
  private pairs = new Map<string, PairState>();

  constructor(private readonly config: RateLimitConfig) {}

  /** 80 messages per second, or 1,000 after the upgrade (a raised OPENWABA_THROUGHPUT_MPS wins, for load tests). */
  mps(level: string): number {
    return level === "HIGH" ? Math.max(HIGH_THROUGHPUT_MPS, this.config.throughputMps) : this.config.throughputMps;
  }

  /** Admits one outbound message or throws Meta's 130429 / 131056 with Retry-After. */
  admitSend(phoneId: string, waId: string, now: number, level = "STANDARD"): void {
    const mps = this.mps(level);
    const pairKey = `${phoneId}|${waId}`;
    const pair = this.config.pairRate ? pairRateDecision(this.pairs.get(pairKey), now) : null;
    if (pair && !pair.ok)
      throw limited(
        131056,
        `Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.`,
        pair.retryAfterMs,
      );
    const t = takeToken(this.buckets.get(phoneId), now, mps);
    this.buckets.set(phoneId, t.bucket);
    if (!t.ok)
      throw limited(
        130429,
        `Message failed to send because there were too many messages sent from this phone number in a short period of time (${mps} per second).`,
        t.retryAfterMs,
      );
    if (pair) this.remember(pairKey, pair.state, now);
  }

  /** Inbound messages use the number's throughput too, but are never refused (§6). */
  countInbound(phoneId: string, now: number, level = "STANDARD"): void {
    const t = takeToken(this.buckets.get(phoneId), now, this.mps(level));
    this.buckets.set(phoneId, t.bucket);
  }

  private remember(key: string, state: PairState, now: number): void {
    this.pairs.set(key, state);
    // Forget pairs whose borrowed quota is paid back: they behave as new.
    if (this.pairs.size > 100_000) for (const [k, s] of this.pairs) if (s.paidAt <= now) this.pairs.delete(k);
  }
}

const limited = (code: number, details: string, retryAfterMs: number) =>
  new GraphError(code, details, {
    http: 429,
    headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
  });
