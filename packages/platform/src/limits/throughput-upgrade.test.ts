import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, text, waitFor, type TestServer } from "@openwaba/server/testing";

// The upgrade to 1,000 messages per second: an unlimited portfolio whose number reached 100,000
// unique users outside a window in 24 hours gets it at the next review, after a minute of
// maintenance (131057). Set-up writes the portfolio's tier and 99,999 earlier template messages
// straight into the store (sending them through HTTP would take minutes); the 100,000th is sent.
let s: TestServer;
const HOUR = 3600_000;
const advance = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });
const level = async () => (await s.call("GET", `/${s.phone}?fields=throughput`)).body.throughput.level;

/** Fires `n` text sends with 200 in flight; how many were admitted and how long it took. */
async function burst(n: number, base: number) {
  const statuses: number[] = [];
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 200 }, async () => {
      while (next < n) {
        const i = next++;
        const r = await fetch(`${s.url}/v23.0/${s.phone}/messages`, {
          method: "POST",
          headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": "application/json" },
          body: JSON.stringify(text(String(base + i))),
        });
        statuses.push(r.status);
        await r.arrayBuffer();
      }
    }),
  );
  return {
    accepted: statuses.filter((x) => x === 200).length,
    refused: statuses.filter((x) => x === 429).length,
    elapsedS: (Date.now() - started) / 1000,
  };
}

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_PAIR_RATE: "off" } });
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,phone_number_quality_update",
  });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "order_ready",
    language: "en_US",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Your order is ready for pickup at the shop today." }],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
  const db = s.platform.db,
    now = s.platform.clock.now();
  await db.updateTable("businesses").set({ messaging_tier: "TIER_UNLIMITED" }).execute();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < 99_999; i += 1000) {
      await tx
        .insertInto("messages")
        .values(
          Array.from({ length: Math.min(1000, 99_999 - i) }, (_, j) => ({
            id: `wamid.seed${i + j}`,
            phone_number_id: s.phone,
            wa_id: String(5511900000000 + i + j),
            direction: "out" as const,
            type: "template",
            content: "{}",
            status: "delivered",
            error_code: null,
            context_id: null,
            biz_opaque_callback_data: null,
            created_at: now - 60_000,
            updated_at: now,
            template_id: t.body.id,
            pricing_category: "utility",
          })),
        )
        .execute();
    }
  });
}, 60_000);
afterAll(() => s.stop());

describe("throughput upgrade", () => {
  it("holds the standard 80/s before the upgrade", async () => {
    expect(await level()).toBe("STANDARD");
    const b = await burst(400, 4871000000);
    expect(b.refused).toBeGreaterThan(0);
    expect(b.accepted).toBeLessThanOrEqual(80 + Math.ceil(80 * b.elapsedS) + 1);
  });

  it("is not given at 99,999 users, is given at the review after the 100,000th, with a minute of 131057", async () => {
    await advance(6 * HOUR + 1000); // no review is due: nothing counted a new user yet
    expect(await level()).toBe("STANDARD");
    await s.call("POST", "/simulator/users", { wa_id: "5511999999999" });
    const r = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: "5511999999999",
      type: "template",
      template: { name: "order_ready", language: { code: "en_US" } },
    });
    expect(r.status).toBe(200);
    await advance(6 * HOUR + 1000);
    const event = await waitFor(
      () => s.receiver.values().find((v: any) => v.event === "THROUGHPUT_UPGRADE"),
      10_000,
      "THROUGHPUT_UPGRADE",
    );
    expect(event).toMatchObject({
      display_phone_number: expect.any(String),
      max_daily_conversations_per_business: "TIER_UNLIMITED",
    });
    expect(await level()).toBe("HIGH");
    const during = await s.call("POST", `/${s.phone}/messages`, text("4872000000"));
    expect(during.status).toBe(500);
    expect(during.body.error.code).toBe(131057);
  }, 30_000);

  it("admits 1,000 a second once the maintenance is over, and no more", async () => {
    await advance(61_000);
    const b = await burst(3000, 4873000000);
    expect(b.accepted).toBeGreaterThanOrEqual(1000);
    expect(b.accepted).toBeLessThanOrEqual(1000 + Math.ceil(1000 * b.elapsedS) + 1);
  }, 30_000);
});
