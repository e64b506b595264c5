import { describe, expect, it } from "vitest";
import { takeToken, type Bucket } from "./throughput";

const burst = (n: number, now: number, mps: number, start?: Bucket) => {
  let b = start,
    ok = 0;
  for (let i = 0; i < n; i++) {
    const r = takeToken(b, now, mps);
    b = r.bucket;
    if (r.ok) ok++;
  }
  return { ok, bucket: b! };
};

describe("throughput per number", () => {
  it("admits 80 messages in one instant and refuses the 81st (130429)", () => {
    expect(burst(80, 0, 80).ok).toBe(80);
    const { bucket } = burst(80, 0, 80);
    const r = takeToken(bucket, 0, 80);
    expect(r.ok).toBe(false);
    expect(r.retryAfterMs).toBe(13); // one token comes back in 1/80 s
  });
  it("refills continuously: one more after 1/80 s, a full second after a second", () => {
    const { bucket } = burst(80, 0, 80);
    expect(takeToken(bucket, 12, 80).ok).toBe(false);
    expect(takeToken(bucket, 13, 80).ok).toBe(true);
    expect(burst(81, 1000, 80, bucket).ok).toBe(80);
  });
  it("never holds more than one second of messages", () => {
    const { bucket } = burst(1, 0, 80);
    expect(burst(200, 60_000, 80, bucket).ok).toBe(80);
  });
  it("takes the upgraded rate", () => {
    expect(burst(1001, 0, 1000).ok).toBe(1000);
  });
});
