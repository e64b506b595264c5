import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Automatic messaging-limit upgrades, travelling in time: the portfolio's review 6 h after a new
// user is counted (verification lifts 250 → 2K; half the limit used in 7 days lifts 2K → 10K, and
// one user fewer does not), announced with business_capability_update.
const HOUR = 3600_000;
let s: TestServer;
const user = (i: number) => `4479000${String(10000 + i)}`;
const send = (to: string) =>
  s.call("POST", `/${s.phone}/messages`, {
    messaging_product: "whatsapp",
    to,
    type: "template",
    template: { name: "order_ready", language: { code: "en_US" } },
  });
const advance = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });
const tier = async () =>
  (await s.call("GET", `/${s.phone}?fields=whatsapp_business_manager_messaging_limit`)).body
    .whatsapp_business_manager_messaging_limit;
const capabilityEvents = () =>
  s.receiver.values().filter((v: any) => "max_daily_conversations_per_business" in v && !("event" in v));

/** Sends the template to users [from, to) with 25 requests in flight, each answered 200. */
async function sendTo(from: number, to: number): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      while (next < to) {
        const i = next++;
        const r = await send(user(i));
        if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      }
    }),
  );
}

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_THROUGHPUT_MPS: "100000" } });
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,business_capability_update,phone_number_quality_update",
  });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "order_ready",
    language: "en_US",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Your order is ready for pickup at the shop today." }],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < 1001) await s.call("POST", "/simulator/users", { wa_id: user(next++) });
    }),
  );
}, 60_000);
afterAll(() => s.stop());

describe("portfolio tier upgrades", () => {
  it("refuses a malformed verification", async () => {
    const r = await s.call("POST", "/openwaba/business-verification", { verified: "yes" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(100);
  });

  it("lifts a verified portfolio from 250 to 2K at the review 6 h after the first counted user, not before", async () => {
    expect((await send(user(0))).status).toBe(200);
    const view = (await s.call("GET", "/openwaba/messaging-limit")).body;
    expect(view.numbers[0]).toMatchObject({
      tier: "TIER_250",
      verified: false,
      max_phone_numbers_per_business: 2,
      next_review: expect.any(String),
    });
    expect((await s.call("POST", "/openwaba/business-verification", { verified: true })).body.numbers[0]).toMatchObject(
      { verified: true, max_phone_numbers_per_business: 20 },
    );
    await advance(6 * HOUR - 1000);
    expect(await tier()).toBe("TIER_250");
    await advance(2000);
    const event = await waitFor(() => capabilityEvents()[0], 5000, "business_capability_update");
    expect(event).toEqual({ max_daily_conversations_per_business: "TIER_2K", max_phone_numbers_per_business: 20 });
    expect(await tier()).toBe("TIER_2K");
  });

  it("lifts 2K to 10K once 1,000 users (half the limit) were messaged in 7 days; 999 are not enough", async () => {
    await sendTo(1, 999); // users 0..998: 999 users
    await advance(6 * HOUR + 1000);
    await waitFor(
      async () => (await s.call("GET", "/openwaba/messaging-limit")).body.numbers[0].next_review === null || undefined,
      5000,
      "review done",
    );
    expect(await tier()).toBe("TIER_2K");
    await sendTo(999, 1000); // the 1,000th user schedules the next review
    await advance(6 * HOUR + 1000);
    await waitFor(() => capabilityEvents()[1], 5000, "second business_capability_update");
    expect(capabilityEvents()[1]).toEqual({
      max_daily_conversations_per_business: "TIER_10K",
      max_phone_numbers_per_business: 20,
    });
    expect(await tier()).toBe("TIER_10K");
  });

  it("lets a developer put the portfolio at a tier directly (OpenWABA's extension), announced like an upgrade", async () => {
    expect((await s.call("PUT", "/openwaba/messaging-limit", { tier: "TIER_1K" })).body.error).toMatchObject({
      code: 100,
      error_data: { details: expect.stringContaining("TIER_UNLIMITED") },
    });
    expect((await s.call("PUT", "/openwaba/messaging-limit", { tier: 5 })).status).toBe(400);
    const r = await s.call("PUT", "/openwaba/messaging-limit", { tier: "TIER_UNLIMITED" });
    expect(r.body.numbers[0].tier).toBe("TIER_UNLIMITED");
    expect(await tier()).toBe("TIER_UNLIMITED");
    await waitFor(
      () => capabilityEvents().find((v: any) => v.max_daily_conversations_per_business === "TIER_UNLIMITED"),
      5000,
      "capability webhook",
    );
  });
});
