import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// The per-number model (before 7 October 2025), travelling in time: verification lifts the number
// 250 → 1K at its review 24 h later; a number kept RED by new spam reports is FLAGGED, and after
// 7 days of it loses a tier (DOWNGRADE), not a second earlier.
const HOUR = 3600_000,
  DAY = 24 * HOUR;
let s: TestServer;
const advance = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });
const fields = async () => (await s.call("GET", `/${s.phone}?fields=messaging_limit_tier,status,quality_rating`)).body;
const qualityEvents = () => s.receiver.values().filter((v: any) => typeof v.event === "string");
const users = Array.from({ length: 8 }, (_, i) => `4860070000${i}`);
const report = (wa: string) =>
  s.call("POST", `/simulator/users/${wa}/block`, { phone_number_id: s.phone, report: true, reason: "spam" });

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_MESSAGING_LIMITS: "per_number" } });
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,business_capability_update,phone_number_quality_update",
  });
  for (const wa of users) await openWindow(s, wa);
});
afterAll(() => s.stop());

describe("per-number tiers", () => {
  it("lifts a verified business's number to TIER_1K at the review 24 h later, not before", async () => {
    await s.call("POST", "/openwaba/business-verification", { verified: true });
    await advance(DAY - 1000);
    expect((await fields()).messaging_limit_tier).toBe("TIER_250");
    await advance(2000);
    const up = await waitFor(() => qualityEvents().find((e: any) => e.event === "UPGRADE"), 5000, "UPGRADE");
    expect(up).toMatchObject({ event: "UPGRADE", current_limit: "TIER_1K", old_limit: "TIER_250" });
    const cap = await waitFor(
      () => s.receiver.values().find((v: any) => "max_daily_conversation_per_phone" in v),
      5000,
      "business_capability_update",
    );
    expect(cap).toEqual({ max_daily_conversation_per_phone: 1000, max_phone_numbers_per_business: 20 });
    expect(await fields()).toMatchObject({ messaging_limit_tier: "TIER_1K", status: "CONNECTED" });
  });

  it("shows a RED number as FLAGGED and drops it one tier after 7 days of RED", async () => {
    await report(users[0]);
    await report(users[1]); // 6 of 100 users: RED
    expect(await fields()).toMatchObject({ quality_rating: "RED", status: "FLAGGED" });
    await waitFor(() => qualityEvents().find((e: any) => e.event === "FLAGGED"), 5000, "FLAGGED");
    // A fresh report every day keeps it RED as the first ones fade.
    for (let d = 1; d <= 6; d++) {
      await advance(DAY);
      await report(users[d + 1]);
      expect((await fields()).status).toBe("FLAGGED");
    }
    await advance(DAY - 2000);
    expect(await fields()).toMatchObject({ messaging_limit_tier: "TIER_1K", status: "FLAGGED" });
    await advance(3000);
    const down = await waitFor(() => qualityEvents().find((e: any) => e.event === "DOWNGRADE"), 5000, "DOWNGRADE");
    expect(down).toMatchObject({ current_limit: "TIER_250", old_limit: "TIER_1K" });
    expect((await fields()).messaging_limit_tier).toBe("TIER_250");
  });
});
