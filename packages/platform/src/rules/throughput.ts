// Throughput per business number (cloud-api-reference.md §6): 80 messages per second by default,
// 1,000 after the upgrade; beyond it Meta answers 130429. A token bucket that holds one second of
// messages and refills continuously. Pure: the caller keeps the state.

export interface Bucket {
  tokens: number;
  at: number;
}

export interface TakeResult {
  ok: boolean;
  bucket: Bucket;
  retryAfterMs: number;
}

export function takeToken(bucket: Bucket | undefined, now: number, perSecond: number): TakeResult {
  const capacity = perSecond;
  const current = bucket ? Math.min(capacity, bucket.tokens + ((now - bucket.at) * perSecond) / 1000) : capacity;
  if (current >= 1) return { ok: true, bucket: { tokens: current - 1, at: now }, retryAfterMs: 0 };
  return {
    ok: false,
    bucket: { tokens: current, at: now },
    retryAfterMs: Math.ceil(((1 - current) * 1000) / perSecond),
  };
}
