export const HIGH_THROUGHPUT_MPS = 1000;

export interface RateLimitConfig {
  /** Messages per second per business number, in and out (80 by default; 1,000 upgraded). */
  throughputMps: number;
  /** Whether the pair rate limit (one message per 6 s to a user, bursts of 45) applies. */
  pairRate: boolean;
}

/**
 * A business number's throughput and each pair's rate (§6). An interface because the counters
 * are one process's memory today (memory-rate-limiter.ts); several nodes will share them in a
 * store every node reaches (Redis), which answers asynchronously.
 */
export interface RateLimiter {
  /** Admits one outbound message or rejects with Meta's 130429 / 131056 and Retry-After. */
  admitSend(phoneId: string, waId: string, now: number, level?: string): Promise<void>;
  /** Inbound messages use the number's throughput too, but are never refused. */
  countInbound(phoneId: string, now: number, level?: string): Promise<void>;
}

/** 80 messages per second, or 1,000 after the upgrade (a raised OPENWABA_THROUGHPUT_MPS wins, for load tests). */
export function throughputMps(config: RateLimitConfig, level: string): number {
  return level === "HIGH" ? Math.max(HIGH_THROUGHPUT_MPS, config.throughputMps) : config.throughputMps;
}
