import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openWindow, startTestServer, text, waitFor, type TestServer } from "@openwaba/server/testing";
import { CHROMIUM, SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// Debugging a receiver from the console, as a developer does without writing one: who gets the
// events and where, a failed delivery's request and answer, sending it again, Meta's test
// message, and a message's final status (131047 after the window closed).
if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser test of the Webhooks page is skipped.`);

describe.skipIf(!hasChromium)("the Webhooks page (chromium)", () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    s = await startTestServer();
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    page.setDefaultTimeout(10_000);
    // A receiver that is down: the customer's message does not reach it.
    s.receiver.failWith(503);
    await openWindow(s, "48600730001");
    await waitFor(
      async () => (await s.call("GET", "/openwaba/webhooks/deliveries?ok=false")).body.data.length > 0,
      5000,
      "a failed delivery",
    );
    s.receiver.failWith(200);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("shows each subscriber and where its events go, and a failed delivery's request and answer", async () => {
    await signInConsole(page, s);
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    const subscribers = page.getByRole("table", { name: "Subscribed apps" });
    await subscribers.getByRole("cell", { name: new RegExp(s.receiver.url.replace(/[.:/]/g, "\\$&")) }).waitFor();
    await page.getByLabel("Failed only").check();
    const failed = page.locator("tr.delivery.failed-row").first();
    await failed.getByText("503").waitFor();
    expect(await failed.textContent()).toMatch(/\d{4}/); // a date, not only a time
    await failed.click();
    const request = page.getByLabel("Request body");
    await request.waitFor();
    expect(await request.textContent()).toContain('"from": "48600730001"');
    await page.screenshot({ path: `${SCREENSHOTS}webhooks-delivery.png` });
  });

  it("sends the failed delivery again, and Meta's test message, to the receiver that is back", async () => {
    const before = s.receiver.deliveries.length;
    await page.getByRole("button", { name: "Resend" }).click();
    await page.getByRole("status").getByText("Sent again: 200").waitFor();
    await waitFor(
      () =>
        s.receiver.deliveries
          .slice(before)
          .some((d) => d.json.entry[0].changes[0].value.messages?.[0]?.from === "48600730001"),
      5000,
      "resent delivery",
    );
    const row = page
      .getByRole("table", { name: "Subscribed apps" })
      .getByRole("row")
      .filter({ hasText: s.receiver.url });
    await row.getByRole("button", { name: "Send test" }).click();
    await page
      .getByRole("status")
      .getByText(/Test message delivered/)
      .waitFor();
    expect(s.receiver.deliveries.some((d) => d.json.entry[0].id === "0")).toBe(true);
  });

  it("shows that a message sent after the window closed failed with 131047", async () => {
    await s.call("POST", "/simulator/clock/advance", { ms: 25 * 3600_000 });
    const id = (await s.call("POST", `/${s.phone}/messages`, text("48600730001", "late answer"))).body.messages[0].id;
    await waitFor(
      async () => (await s.call("GET", `/openwaba/messages/${id}`)).body.status === "failed",
      5000,
      "failed",
    );
    await page.getByLabel("Message id").fill(id);
    await page.getByRole("button", { name: "Find" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: id })
      .getByText(/failed/)
      .waitFor();
    expect(await page.getByRole("status").filter({ hasText: id }).textContent()).toContain("131047");
    await page.screenshot({ path: `${SCREENSHOTS}webhooks-message-status.png` });
  });
});
