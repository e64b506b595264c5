import { GraphError } from "@openwaba/contracts";
import { pairRateDecision, type PairState } from "../rules/pair-rate";
import { takeToken, type Bucket } from "../rules/throughput";
import { throughputMps, type RateLimitConfig, type RateLimiter } from "./rate-limiter";

/**
 * Throughput and pair-rate state for one process. Node runs one request at a time and a decision
 * and its update run without a pause between them, so they cannot interleave: a burst of parallel
 * requests is admitted exactly as far as the bucket allows.
 */
export class MemoryRateLimiter implements RateLimiter {
  private buckets = new Map<string, Bucket>();
  private pairs = new Map<string, PairState>();

  constructor(private readonly config: RateLimitConfig) {}

  async admitSend(phoneId: string, waId: string, now: number, level = "STANDARD"): Promise<void> {
    const mps = throughputMps(this.config, level);
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

  async countInbound(phoneId: string, now: number, level = "STANDARD"): Promise<void> {
    const t = takeToken(this.buckets.get(phoneId), now, throughputMps(this.config, level));
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
