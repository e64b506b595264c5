import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAdmin, startTestServer, type TestServer } from "@openwaba/server/testing";
import { SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// The console in a real browser: an agent signs in, a customer writes from the phone view, the
// conversation appears in the agent's inbox live, the agent answers with a canned response and
// the phone shows it while the ticks go to read; past 24 hours the composer offers only templates.
const customer = "48600900100";
let s: TestServer;
let browser: Browser;
let agent: Page, phone: Page;

const signInPage = (page: Page) => signInConsole(page, s);

describe.skipIf(!hasChromium)("the web console (chromium)", () => {
  beforeAll(async () => {
    s = await startTestServer();
    const admin = await signInAdmin(s);
    await admin.call("POST", "/suite/api/canned-responses", {
      shortcut: "thanks",
      title: "Thanks",
      body: "Hi {{customer_name}}, thanks for writing! Your order is on its way. — {{agent_name}}",
    });
    await s.call("POST", "/simulator/users", { wa_id: customer, name: "Zofia", read_probability: 1 });
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      components: [
        {
          type: "BODY",
          text: "Hello {{1}}, your order {{2}} has an update for you today.",
          example: { body_text: [["Zofia", "860198"]] },
        },
      ],
    });
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    browser = await launch();
    agent = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
    phone = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("signs an agent in", async () => {
    await agent.goto(s.url);
    await agent.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();
    await agent.screenshot({ path: `${SCREENSHOTS}login.png` });
    await agent.getByLabel("Email").fill(s.consoleLogin!.console_email);
    await agent.getByLabel("Password").fill("wrong password");
    await agent.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => agent.getByRole("alert").textContent()).toContain("wrong");
    await signInPage(agent);
    await agent.getByRole("tablist").waitFor();
  });

  it("shows a customer's message from the phone view in the agent's inbox live, without a reload", async () => {
    await signInPage(phone);
    await phone.goto(`${s.url}/#/phone`);
    await phone.getByRole("button", { name: /Zofia/ }).click();
    await phone.getByLabel("Message as the customer").fill("Hello, is my order ready?");
    await phone.getByRole("button", { name: "Send as the customer" }).click();
    const entry = agent.locator(`a[data-wa-id="${customer}"]`);
    await entry.waitFor({ timeout: 3000 });
    await entry.click();
    await agent
      .getByRole("region", { name: "Conversation with Zofia" })
      .getByText("Hello, is my order ready?")
      .waitFor();
    await agent.screenshot({ path: `${SCREENSHOTS}inbox.png` });
  });

  it("answers with a canned response; the phone shows it and the agent sees the ticks reach read", async () => {
    await agent.getByLabel("Canned response").selectOption({ label: "/thanks — Thanks" });
    await expect
      .poll(() => agent.getByLabel("Message", { exact: true }).inputValue())
      .toBe("Hi Zofia, thanks for writing! Your order is on its way. — Admin");
    await agent.getByRole("button", { name: "Send", exact: true }).click();
    await phone.getByText("Hi Zofia, thanks for writing! Your order is on its way. — Admin").waitFor({ timeout: 5000 });
    await agent.locator(".bubble.out .ticks[data-status=read]").waitFor({ timeout: 5000 });
    await phone.screenshot({ path: `${SCREENSHOTS}phone.png` });
  });

  it("shows the supervisor the first response time in the report, and the other main pages", async () => {
    await agent.goto(`${s.url}/#/reports`);
    const cell = agent.locator('td[data-metric="first-response"]').last();
    await cell.waitFor();
    expect(await cell.textContent()).toMatch(/^\d+(\.\d)?s$/);
    await agent.getByText("Support").first().waitFor();
    await agent.screenshot({ path: `${SCREENSHOTS}reports.png`, fullPage: true });
    for (const page of ["numbers", "templates", "settings", "webhooks", "contacts", "faq"]) {
      await agent.goto(`${s.url}/#/${page}`);
      await agent.getByRole("heading", { level: 1 }).waitFor();
      await agent.waitForLoadState("networkidle");
      await agent.screenshot({ path: `${SCREENSHOTS}${page}.png`, fullPage: true });
    }
    await agent.goto(`${s.url}/#/inbox`);
  });

  it("offers only templates once the window has closed, and sends one", async () => {
    await s.call("POST", "/simulator/clock/advance", { ms: 24 * 3600_000 + 1000 });
    await agent.reload(); // sessions run on the wall clock: the travel keeps the agent signed in
    await agent.locator(`a[data-wa-id="${customer}"]`).click();
    await agent.getByText("Window closed: templates only").waitFor();
    expect(await agent.getByLabel("Message", { exact: true }).count()).toBe(0);
    await agent.getByLabel("Template", { exact: true }).selectOption({ label: "order_update (en_US, utility)" });
    await agent.getByLabel("{{1}}").fill("Zofia");
    await agent.getByLabel("{{2}}").fill("860198");
    await expect
      .poll(() => agent.getByLabel("Preview").textContent())
      .toBe("Hello Zofia, your order 860198 has an update for you today.");
    await agent.screenshot({ path: `${SCREENSHOTS}templates-only.png` });
    await agent.getByRole("button", { name: "Send template" }).click();
    await agent.locator(".bubble.out .template").waitFor();
  });
});
