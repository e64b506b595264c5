import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { signInAdmin, startTestServer, type TestServer } from "@openwaba/server/testing";
import { CHROMIUM, hasChromium, launch } from "./browser";

// Signing in goes where the person was going (issue #10 item 14): a console link opened while
// signed out, or a page whose session ended under it, shows the sign-in and then that page, not
// the inbox. The hint about dev-credentials.json shows only where the server says it runs the
// development tenant.
if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser test of signing in is skipped.`);

describe.skipIf(!hasChromium)("signing in to the console (chromium)", () => {
  let s: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let contactId = "";

  beforeAll(async () => {
    s = await startTestServer();
    const admin = await signInAdmin(s);
    contactId = (await admin.call("POST", "/suite/api/contacts", { phone: "+393401234567", name: "Chiara Deeplink" }))
      .body.id;
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const signIn = async () => {
    await page.getByLabel("Email").fill(s.consoleLogin!.console_email);
    await page.getByLabel("Password").fill(s.consoleLogin!.console_password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
  };

  it("shows the development tenant's sign-in hint, naming the file the server says", async () => {
    await page.goto(`${s.url}/#/contacts/${contactId}`);
    await page.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();
    await expect.poll(() => page.locator(".hint code").textContent()).toMatch(/dev-credentials\.json$/);
  });

  it("opens the page a link asked for once signed in", async () => {
    await signIn();
    await page.getByRole("heading", { name: "Chiara Deeplink" }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/contacts/${contactId}`);
  });

  it("asks for a sign-in when the session ends under an open page, then returns to the page asked for", async () => {
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByRole("heading", { name: "Reports" }).waitFor();
    await s.store.db.deleteFrom("suite_sessions").execute(); // expired, or signed out elsewhere
    await page.goto(`${s.url}/#/contacts/${contactId}`);
    await page.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/contacts/${contactId}`);
    await signIn();
    await page.getByRole("heading", { name: "Chiara Deeplink" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("starts a new sign-in after signing out at the inbox, and never leaves the console's origin", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();
    expect(new URL(page.url()).hash).toBe("#/inbox");
    await page.goto(`${s.url}/#//evil.example/phish`);
    await signIn();
    expect(new URL(page.url()).origin).toBe(s.url);
  });

  it("shows no hint where the server says there is no development tenant", async () => {
    const other = await context.newPage();
    await other.route("**/suite/api/sign-in", (r) =>
      r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ dev_credentials_file: null }) }),
    );
    await context.clearCookies();
    const asked = other.waitForResponse((r) => r.url().endsWith("/suite/api/sign-in"));
    await other.goto(s.url);
    await other.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();
    await asked;
    await other.waitForTimeout(200); // the answer rendered
    expect(await other.locator(".hint").count()).toBe(0);
    await other.close();
  });
});
