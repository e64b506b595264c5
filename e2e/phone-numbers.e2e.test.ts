import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startTestServer, type TestServer } from "@openwaba/server/testing";
import { SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// The phone view chats with any of the business's numbers: it lists them in the Cloud API's order,
// starts on the credentials' first (every feature's default), and switching shows the chat with
// the other number — where what the business sent from it through the Cloud API is, and only there.
const customer = "48600900300";
let s: TestServer;
let browser: Browser;
let page: Page;
let shop: string, support: string;

const bubbles = () => page.locator(".phone-chat .pbubble").allTextContents();

describe.skipIf(!hasChromium)("the phone view's business numbers (chromium)", () => {
  beforeAll(async () => {
    s = await startTestServer();
    [shop, support] = s.credentials.phone_number_ids;
    await s.call("POST", "/simulator/users", { wa_id: customer, name: "Wiktor" });
    const write = (to: string, body: string) =>
      s.call("POST", `/simulator/users/${customer}/messages`, { to, type: "text", text: { body } });
    expect((await write(shop, "Hello shop")).status).toBe(201);
    expect((await write(support, "Hello support")).status).toBe(201);
    // The business answers from its second number through the Cloud API (as a campaign would send).
    const sent = await s.call("POST", `/${support}/messages`, {
      messaging_product: "whatsapp",
      to: customer,
      type: "text",
      text: { body: "Support here: your ticket is open" },
    });
    expect(sent.status).toBe(200);
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInConsole(page, s);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("lists both numbers in the Cloud API's order and starts on the credentials' first", async () => {
    await page.goto(`${s.url}/#/phone`);
    const picker = page.getByLabel("Business number");
    await expect.poll(() => picker.locator("option").count()).toBe(2);
    const graph = (await s.call("GET", `/${s.credentials.waba_id}/phone_numbers`)).body.data;
    expect(await picker.locator("option").evaluateAll((os) => os.map((o) => o.getAttribute("value")))).toEqual([
      shop,
      support,
    ]);
    expect(graph.map((n: any) => n.id)).toEqual([shop, support]);
    expect(await picker.locator("option").allTextContents()).toEqual(
      graph.map((n: any) => `${n.display_phone_number} · ${n.verified_name}`),
    );
    expect(await picker.inputValue()).toBe(shop);
    await page.getByRole("button", { name: /Wiktor/ }).click();
    await page.locator(".phone-chat").getByText("Hello shop").waitFor();
    await expect.poll(() => page.locator(".phone-head").textContent()).toContain("OpenWABA Dev Shop");
    expect((await bubbles()).join("\n")).not.toContain("Support here");
  });

  it("switches to the other number's chat, where the business's Cloud API message is, and keeps the choice in the tab", async () => {
    await page.getByLabel("Business number").selectOption(support);
    await page.locator(".phone-chat").getByText("Support here: your ticket is open").waitFor();
    await expect.poll(() => page.locator(".phone-head").textContent()).toContain("OpenWABA Dev Support");
    const shown = (await bubbles()).join("\n");
    expect(shown).toContain("Hello support");
    expect(shown).not.toContain("Hello shop");
    expect(page.url()).toContain(`#/phone/${support}/${customer}`);
    await page.screenshot({ path: `${SCREENSHOTS}phone-second-number.png` });
    await page.reload();
    await page.locator(".phone-chat").getByText("Support here: your ticket is open").waitFor();
    expect(await page.getByLabel("Business number").inputValue()).toBe(support);
  });

  it("writes to the number shown", async () => {
    await page.getByLabel("Message as the customer").fill("Is it fixed?");
    await page.getByRole("button", { name: "Send as the customer" }).click();
    await page.locator(".phone-chat").getByText("Is it fixed?").waitFor();
    const chat = async (phone: string) =>
      (await s.call("GET", `/simulator/users/${customer}/chats/${phone}`)).body.messages.map(
        (m: any) => m.content.body,
      );
    expect(await chat(support)).toContain("Is it fixed?");
    expect(await chat(shop)).not.toContain("Is it fixed?");
    // Back to the first: its own chat again.
    await page.getByLabel("Business number").selectOption(shop);
    await page.locator(".phone-chat").getByText("Hello shop").waitFor();
    expect((await bubbles()).join("\n")).not.toContain("Is it fixed?");
  });
});
