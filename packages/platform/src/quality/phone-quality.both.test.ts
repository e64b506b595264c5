import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Users block and report; the number's quality moves GREEN → YELLOW → RED (FLAGGED webhook) and
// recovers as the signals age (UNFLAGGED), travelling in time.
let s: TestServer;
const DAY = 24 * 3600 * 1000;
const quality = async () => (await s.call("GET", `/${s.phone}?fields=quality_rating`)).body.quality_rating;
const block = (wa: string, report = false) =>
  s.call("POST", `/simulator/users/${wa}/block`, {
    phone_number_id: s.phone,
    report,
    ...(report ? { reason: "spam" } : {}),
  });
const qualityEvents = () => s.receiver.values().filter((v: any) => v.event === "FLAGGED" || v.event === "UNFLAGGED");

beforeAll(async () => {
  s = await startTestServer();
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,phone_number_quality_update",
  });
  for (const wa of ["48600600001", "48600600002", "48600600003"]) await openWindow(s, wa);
});
afterAll(() => s.stop());

describe("phone-number quality", () => {
  it("a block keeps the number GREEN but the blocker gets nothing more (131026)", async () => {
    expect((await block("48600600001")).status).toBe(200);
    expect(await quality()).toBe("GREEN");
    const r = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: "48600600001",
      text: { body: "hello?" },
    });
    const failed = await waitFor(
      () => s.receiver.statuses().find((x) => x.id === r.body.messages[0].id && x.status === "failed"),
      5000,
      "failed",
    );
    expect(failed.errors[0].code).toBe(131026);
  });

  it("a spam report turns it YELLOW without a webhook; another turns it RED with FLAGGED", async () => {
    await block("48600600002", true); // 1 + 3 = 4 of 100: YELLOW
    expect(await quality()).toBe("YELLOW");
    expect(qualityEvents()).toEqual([]);
    await block("48600600003", true); // 7 of 100: RED
    expect(await quality()).toBe("RED");
    const flagged = await waitFor(() => qualityEvents()[0], 5000, "FLAGGED");
    const display = (
      await s.store.db
        .selectFrom("phone_numbers")
        .select("display_phone_number")
        .where("id", "=", s.phone)
        .executeTakeFirstOrThrow()
    ).display_phone_number;
    expect(flagged).toEqual({ display_phone_number: display, event: "FLAGGED", current_limit: "TIER_250" });
  });

  it("recovers as the signals age: still RED after a day, GREEN with UNFLAGGED after 7 days", async () => {
    await s.call("POST", "/simulator/clock/advance", { ms: DAY + 1000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await quality()).toBe("RED"); // 7 × 6/7 = 6 of 100
    await s.call("POST", "/simulator/clock/advance", { ms: 6 * DAY });
    await waitFor(async () => (await quality()) === "GREEN", 5000, "GREEN again");
    await waitFor(() => qualityEvents().some((e: any) => e.event === "UNFLAGGED"), 5000, "UNFLAGGED");
  });

  it("refuses blocks of numbers that are not the business's", async () => {
    expect((await s.call("POST", "/simulator/users/48600600002/block", { phone_number_id: "123" })).status).toBe(400);
    expect((await s.call("DELETE", `/simulator/users/48600600001/block?phone_number_id=${s.phone}`)).body).toEqual({
      wa_id: "48600600001",
      unblocked: true,
    });
  });
});
