import type { GraphError } from "@openwaba/contracts";
import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./memory-rate-limiter";

/** The Graph error code a send is refused with, or null when it is admitted. */
const refusal = (p: Promise<void>) =>
  p.then(
    () => null,
    (err: GraphError) => err.code,
  );

describe("the rate limiter of one process", () => {
  it("admits a number's throughput in a second and refuses the next with 130429", async () => {
    const limits = new MemoryRateLimiter({ throughputMps: 3, pairRate: false });
    const answers = await Promise.all([1, 2, 3, 4].map((i) => refusal(limits.admitSend("phone", `user${i}`, 1000))));
    expect(answers).toEqual([null, null, null, 130429]);
    // A second later the bucket is full again.
    expect(await refusal(limits.admitSend("phone", "user5", 2000))).toBeNull();
  });

  it("counts inbound messages against the throughput without refusing them", async () => {
    const limits = new MemoryRateLimiter({ throughputMps: 2, pairRate: false });
    await limits.countInbound("phone", 1000);
    await limits.countInbound("phone", 1000);
    await limits.countInbound("phone", 1000);
    expect(await refusal(limits.admitSend("phone", "user", 1000))).toBe(130429);
  });

  it("lets the upgraded level send 1,000 a second", async () => {
    const limits = new MemoryRateLimiter({ throughputMps: 80, pairRate: false });
    const sends = Array.from({ length: 1000 }, (_, i) => refusal(limits.admitSend("phone", `u${i}`, 1000, "HIGH")));
    expect((await Promise.all(sends)).filter((c) => c !== null)).toEqual([]);
    expect(await refusal(limits.admitSend("phone", "one-more", 1000, "HIGH"))).toBe(130429);
  });

  it("refuses a burst to one user past the pair rate with 131056, when the pair rate applies", async () => {
    const on = new MemoryRateLimiter({ throughputMps: 1000, pairRate: true });
    const off = new MemoryRateLimiter({ throughputMps: 1000, pairRate: false });
    const burst = async (l: MemoryRateLimiter) => {
      const codes: (number | null)[] = [];
      for (let i = 0; i < 50; i++) codes.push(await refusal(l.admitSend("phone", "same-user", 1000)));
      return codes;
    };
    expect((await burst(on)).filter((c) => c !== null)[0]).toBe(131056);
    expect((await burst(off)).filter((c) => c !== null)).toEqual([]);
  });
});
