import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAdmin, startTestServer, type TestServer } from "@openwaba/server/testing";
import { SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// The website chat widget in a real browser: a shop's page (its own origin, with CSS hostile to
// buttons and links) pastes the snippet; the visitor opens the panel, ticks the opt-in box, and
// the Start chat link becomes the opt-in deep link. A site not in the allowed list shows nothing.
let s: TestServer;
let browser: Browser;
let page: Page;
let widget: any;
const shops: Server[] = [];

/** A static shop page on 127.0.0.1 (an origin of its own) with the snippet pasted in. */
async function shopServer(snippet: () => string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Sklep Ania</title>
<style>* { font-family: serif !important; color: #c00 !important; } button, a { display: none !important; } div { position: static !important; }</style></head>
<body><h1>Sklep Ania</h1><p>Handmade ceramics from Kraków.</p>${snippet()}</body></html>`);
  });
  shops.push(server);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(!hasChromium)("the website chat widget (chromium)", () => {
  let shop: string, elsewhere: string;
  beforeAll(async () => {
    s = await startTestServer();
    shop = await shopServer(() => widget.snippet);
    elsewhere = await shopServer(() => widget.snippet);
    const admin = await signInAdmin(s);
    widget = (
      await admin.call("PUT", "/suite/api/settings/widget", {
        prefilled_message: "Dzień dobry! Mam pytanie.",
        title: "Sklep Ania",
        greeting: "Hi! We answer on WhatsApp within the hour.",
        brand_color: "#075e54",
        allowed_origins: [shop],
      })
    ).body.widget;
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1024, height: 640 } })).newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(shops.map((x) => new Promise((ok) => x.close(ok))));
    await s?.stop();
  });

  it("opens from its button; the opt-in box (unticked at first) switches Start chat to the opt-in link", async () => {
    await page.goto(shop);
    const launcher = page.getByRole("button", { name: "Chat on WhatsApp" });
    await launcher.click();
    const panel = page.getByRole("dialog", { name: "Sklep Ania" });
    await panel.getByText("Hi! We answer on WhatsApp within the hour.").waitFor();
    const box = panel.getByRole("checkbox", { name: "Send me offers on WhatsApp" });
    expect(await box.isChecked()).toBe(false);
    // Focus moved into the panel, to the first choice.
    expect(await box.evaluate((b) => (b.getRootNode() as { activeElement?: unknown }).activeElement === b)).toBe(true);
    const start = panel.getByRole("link", { name: "Start chat" });
    expect(await start.getAttribute("href")).toBe(widget.entry_points.plain.deep_link_url);
    await box.check();
    expect(await start.getAttribute("href")).toBe(widget.entry_points.opt_in.deep_link_url);
    expect(await start.getAttribute("target")).toBe("_blank");
    await page.screenshot({ path: `${SCREENSHOTS}widget.png` });
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    expect(await launcher.evaluate((b) => (b.getRootNode() as { activeElement?: unknown }).activeElement === b)).toBe(
      true,
    );
    expect(await launcher.getAttribute("aria-expanded")).toBe("false");
  });

  it("shows nothing on a site that is not in the allowed list", async () => {
    const other = await (await browser.newContext()).newPage();
    const warned = new Promise<string>((ok) =>
      other.on("console", (m) => {
        if (m.type() === "warning") ok(m.text());
      }),
    );
    await other.goto(elsewhere);
    expect(await warned).toBe(`OpenWABA chat widget: not enabled for ${elsewhere}`);
    expect(await other.locator("openwaba-chat").count()).toBe(0);
  });

  it("previews the saved widget in the console", async () => {
    const consolePage = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signInConsole(consolePage, s);
    await consolePage.getByRole("link", { name: "Widget" }).click();
    await consolePage.getByRole("heading", { name: "Website widget", level: 1 }).waitFor();
    expect(await consolePage.getByLabel("Snippet").inputValue()).toBe(widget.snippet);
    await consolePage
      .frameLocator('iframe[title="Widget preview"]')
      .getByRole("button", { name: "Chat on WhatsApp" })
      .click();
    await consolePage
      .frameLocator('iframe[title="Widget preview"]')
      .getByRole("dialog", { name: "Sklep Ania" })
      .waitFor();
    await consolePage.waitForTimeout(300); // the panel's fade-in
    await consolePage.screenshot({ path: `${SCREENSHOTS}widget-console.png` });
  });
});
