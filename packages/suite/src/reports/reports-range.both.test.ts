import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
  signInOtherTenantAdmin,
} from "@openwaba/server/testing";
import { dayIn } from "./report-range";

// A report's days (issue #10 item 14): presets and a custom range, as days in the business's time
// zone on the suite's clock; bad ranges refused with the field named; costs in the WABA's
// currency, as the Cloud API says it (GET /{waba-id}?fields=currency); another tenant sees none of it.
let s: TestServer;
let admin: SuiteSession, boss: SuiteSession;
let zone = "";
const wa = "393400700811";
const report = (query: string) => admin.call("GET", `/suite/api/reports${query}`);
const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  // A zone whose today is not UTC's right now (UTC+14 from 10:00 UTC, UTC−11 before 11:00): days must be the business's.
  const now = Date.parse((await s.call("GET", "/health")).body.time);
  zone = ["Pacific/Kiritimati", "Pacific/Pago_Pago"].find((z) => dayIn(now, z) !== dayIn(now, "UTC"))!;
  const allDay = Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "23:59"]]]),
  );
  expect(
    (
      await admin.call("PUT", "/suite/api/settings/business-hours", {
        business_hours: { timezone: zone, days: allDay },
      })
    ).status,
  ).toBe(200);
  boss = await signInOtherTenantAdmin(s);
  await openWindow(s, wa);
  const c = await waitFor(
    async () => (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === wa),
    5000,
    "conversation",
  );
  // A reply, so that the pricing analytics has a (free, service) message to report.
  expect(
    (await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, { type: "text", text: { body: "Hello!" } }))
      .status,
  ).toBe(201);
});
afterAll(() => s.stop());

describe("a report's range", () => {
  it("covers the last 7 days by default, counted in the business's time zone", async () => {
    const r = await report("");
    expect(r.status).toBe(200);
    const today = dayIn(Date.parse((await s.call("GET", "/health")).body.time), zone);
    expect(r.body.range).toMatchObject({ preset: "7d", to_day: today, days: 7, time_zone: zone });
    // Today's conversation is on the business's today, not UTC's.
    expect(r.body.rows).toEqual([expect.objectContaining({ key: today, conversations: 1 })]);
    expect(dayIn(Date.parse(r.body.from), zone)).toBe(r.body.range.from_day);
    expect(Date.parse(r.body.to) - Date.parse(r.body.from)).toBe(7 * 86_400_000);
  });

  it("takes today, 30 days and a custom range of days", async () => {
    const today = (await report("?range=today")).body;
    expect(today.range).toMatchObject({ preset: "today", days: 1 });
    expect(today.rows.map((x: any) => x.conversations)).toEqual([1]);
    expect((await report("?range=30d")).body.range).toMatchObject({ preset: "30d", days: 30 });
    const to = today.range.to_day as string;
    const before = (await report(`?from=${daysBefore(to, 40)}&to=${daysBefore(to, 1)}`)).body;
    expect(before.range).toMatchObject({
      preset: "custom",
      from_day: daysBefore(to, 40),
      to_day: daysBefore(to, 1),
      days: 40,
    });
    expect(before.rows).toEqual([]);
    const csv = await fetch(`${s.url}/suite/api/reports?range=today&format=csv`, { headers: { cookie: admin.cookie } });
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="report-day-${to}-to-${to}.csv"`);
  });

  it("says the cost in the WABA's currency, as the Cloud API reports it", async () => {
    expect((await report("?range=today")).body.cost).toEqual([{ currency: "USD", by_category: { service: 0 } }]);
    await s.store.db.updateTable("wabas").set({ currency: "EUR" }).where("id", "=", s.credentials.waba_id).execute();
    expect((await s.call("GET", `/${s.credentials.waba_id}?fields=currency`)).body).toEqual({
      currency: "EUR",
      id: s.credentials.waba_id,
    });
    expect((await report("?range=today")).body.cost).toEqual([{ currency: "EUR", by_category: { service: 0 } }]);
  });

  it("refuses a range that is not one, naming the field, never a 500", async () => {
    const today = (await report("?range=today")).body.range.to_day as string;
    const tomorrow = daysBefore(today, -1);
    const cases: [string, string][] = [
      ["?from=2026-12-01&to=2026-11-01", "from"],
      ["?from=2026-02-30", "from"],
      ["?to=soon", "to"],
      [`?to=${tomorrow}`, "to"],
      ["?range=7d&from=2026-11-01", "range"],
      ["?range=week", "range"],
      ["?from=2024-01-01&to=2025-06-01", "from"],
      [`?from=${"9".repeat(30)}`, "from"],
    ];
    for (const [q, field] of cases) {
      const r = await report(q);
      expect(r.status, q).toBe(400);
      expect(r.body.error, q).toMatchObject({ code: "invalid_request", field });
      expect(r.body.error.message, q).toMatch(new RegExp(`^${field}`));
    }
  });

  it("shows another tenant none of this tenant's conversations", async () => {
    const r = await boss.call("GET", "/suite/api/reports?range=30d");
    expect(r.status).toBe(200);
    expect(r.body.rows).toEqual([]);
    expect(r.body.range.time_zone).toBe("UTC");
  });
});
