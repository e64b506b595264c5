import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openWindow, signInAdmin, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";
import { CHROMIUM, SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// A report's days in a real browser (issue #10 item 14): the supervisor picks today, the last 7 or
// 30 days or days of their own; the page says which days (in the business's time zone) it shows,
// the export follows the choice, a range the suite refuses says why, and costs carry the currency.
if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser test of reports is skipped.`);

const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)("reports over a range of days (chromium)", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let today = "";

  beforeAll(async () => {
    s = await startTestServer();
    const admin = await signInAdmin(s);
    await openWindow(s, "393400700822");
    const c = await waitFor(
      async () => (await admin.call("GET", "/suite/api/conversations")).body.data[0],
      5000,
      "conversation",
    );
    await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, { type: "text", text: { body: "Ciao!" } });
    today = (await admin.call("GET", "/suite/api/reports?range=today")).body.range.to_day;
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const days = () => page.getByTestId("report-days").textContent();
  const reportRows = () => page.getByRole("table", { name: "Report" }).locator("tbody tr");

  it("shows the last 7 days at first, saying which days and in which time zone", async () => {
    await signInConsole(page, s);
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByRole("heading", { name: "Last 7 days" }).waitFor();
    await expect.poll(days).toMatch(/ – .* · 7 days in UTC$/);
    await expect.poll(() => reportRows().count()).toBe(1);
    expect(await reportRows().first().locator("td").first().textContent()).toBe(today);
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(
      "/suite/api/reports?group=day&range=7d&format=csv",
    );
  });

  it("says the cost in the WABA's currency", async () => {
    await expect.poll(() => page.getByTestId("cost-total").textContent()).toMatch(/^Total cost: (US)?\$0\.00$/);
    await page.getByRole("img", { name: /^Cost by category \(USD/ }).waitFor();
  });

  it("switches to today and to 30 days", async () => {
    await page.getByLabel("Period").selectOption({ label: "Today" });
    await page.getByRole("heading", { name: "Today" }).waitFor();
    await expect.poll(days).toMatch(/ · 1 day in UTC$/);
    await page.getByLabel("Period").selectOption({ label: "Last 30 days" });
    await expect.poll(days).toMatch(/ · 30 days in UTC$/);
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain("range=30d");
  });

  it("takes days of the supervisor's own, starting from those on screen, and says why a range is refused", async () => {
    await page.getByLabel("Period").selectOption({ label: "Custom range" });
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe(daysBefore(today, 29));
    expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe(today);
    expect(await page.getByLabel("To", { exact: true }).getAttribute("max")).toBe(today);
    await page.getByLabel("To", { exact: true }).fill(daysBefore(today, 1));
    await expect.poll(days).toMatch(/ · 29 days in UTC$/);
    await expect.poll(() => reportRows().count()).toBe(0); // today's conversation is outside it
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe(
      `/suite/api/reports?group=day&from=${daysBefore(today, 29)}&to=${daysBefore(today, 1)}&format=csv`,
    );
    await page.getByLabel("From", { exact: true }).fill(daysBefore(today, 400));
    await page
      .getByRole("alert")
      .getByText(/^from: a report covers at most 366 days; this asks for 400$/)
      .waitFor();
    expect(await page.getByLabel("From", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: `${SCREENSHOTS}reports-range.png` });
    await page.getByLabel("From", { exact: true }).fill(daysBefore(today, 3));
    await expect.poll(days).toMatch(/ · 3 days in UTC$/);
    expect(await page.getByRole("alert").count()).toBe(0);
  });
});
