import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, text, type TestServer } from "@openwaba/server/testing";

// Throughput (80/s per number → 130429) and pair rate (→ 131056) under real concurrency.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
});
afterAll(() => s.stop());

const send = async (to: string) => {
  const r = await fetch(`${s.url}/v23.0/${s.phone}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": "application/json" },
    body: JSON.stringify(text(to)),
  });
  return { status: r.status, body: (await r.json()) as any, retryAfter: r.headers.get("retry-after") };
};

describe("throughput and pair rate", () => {
  it("a burst of 5,000 parallel sends to one number admits what the 80/s bucket allows, no more", async () => {
    const results: Awaited<ReturnType<typeof send>>[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 250 }, async () => {
        while (next < 5000) {
          const i = next++;
          results.push(await send(String(4870000000 + i)));
        }
      }),
    );
    const elapsedS = (Date.now() - started) / 1000;
    const accepted = results.filter((r) => r.status === 200).length;
    const refused = results.filter((r) => r.status === 429);
    expect(accepted + refused.length).toBe(5000);
    expect(accepted).toBeGreaterThanOrEqual(80);
    expect(accepted).toBeLessThanOrEqual(80 + Math.ceil(80 * elapsedS) + 1);
    expect(refused[0].body.error).toMatchObject({ code: 130429, message: "(#130429) Rate limit hit" });
    expect(Number(refused[0].retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it("one user: a burst of 45 passes, the 46th is 131056; after the borrowed time is paid back it passes again", async () => {
    await s.call("POST", "/simulator/clock/advance", { ms: 2000 }); // a full throughput bucket again
    const out = [];
    for (let i = 0; i < 46; i++) out.push(await send("4860012345"));
    expect(out.slice(0, 45).every((r) => r.status === 200)).toBe(true);
    expect(out[45].status).toBe(429);
    expect(out[45].body.error.code).toBe(131056);
    await s.call("POST", "/simulator/clock/advance", { ms: 45 * 6000 - 5000 });
    expect((await send("4860012345")).body.error?.code).toBe(131056);
    await s.call("POST", "/simulator/clock/advance", { ms: 10_000 });
    expect((await send("4860012345")).status).toBe(200);
  });
});
