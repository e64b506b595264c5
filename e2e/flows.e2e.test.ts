import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { parseFlowDocument } from "@openwaba/contracts/suite";
import { signInAdmin, startTestServer, type SuiteSession, type TestServer } from "@openwaba/server/testing";
import { FLOW_EXAMPLES } from "../apps/console/src/flows/flow-examples";
import { CHROMIUM, SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// Automation flows in a real browser: a customer talks to the welcome bot in the phone view, asks
// for a person, and an agent takes over in the inbox; a supervisor reads the flow as an outline,
// saves (a broken version is refused with its paths), publishes, follows a run's trace; an agent
// starts a survey flow from the thread header.
const customer = "14155550123";
const example = (key: string) => FLOW_EXAMPLES.find((x) => x.key === key)!.document;

describe("the console's ready flows", () => {
  it("are valid flow documents with every step reachable", () => {
    for (const x of FLOW_EXAMPLES)
      expect(parseFlowDocument(x.document), x.key).toMatchObject({ ok: true, warnings: [] });
  });
});

if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser tests of automation flows are skipped.`);

describe.skipIf(!hasChromium)("automation flows in the console (chromium)", () => {
  let s: TestServer;
  let admin: SuiteSession;
  let browser: Browser;
  let agent: Page, phone: Page;
  let thread: Locator;
  let welcomeId = "";

  beforeAll(async () => {
    // A test customer answers within a second, faster than the pair rate (a message every 6 s to
    // one customer, bursts within 6 s) lets a bot and an agent answer back; it has tests of its own.
    s = await startTestServer({ env: { OPENWABA_PAIR_RATE: "off" } });
    admin = await signInAdmin(s);
    const team = (await admin.call("POST", "/suite/api/teams", { name: "Support", assignment: "round_robin" })).body.id;
    await admin.call("PUT", `/suite/api/teams/${team}/members`, { user_ids: [admin.user.id] });
    await admin.call("POST", "/suite/api/me/availability", { availability: "online" });
    // The console's own welcome example, handing over to the Support team.
    const welcome = example("welcome");
    const r = await admin.call("POST", "/suite/api/flows", {
      document: { ...welcome, settings: { ...welcome.settings, handover_team_id: team } },
      publish: true,
    });
    expect(r.status).toBe(201);
    welcomeId = r.body.id;
    await s.call("POST", "/simulator/users", { wa_id: customer, name: "Maya", read_probability: 1 });
    browser = await launch();
    agent = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    phone = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    for (const p of [agent, phone]) p.setDefaultTimeout(10_000);
    thread = agent.getByRole("region", { name: /^Conversation with/ });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const say = async (text: string) => {
    await phone.getByLabel("Message as the customer").fill(text);
    await phone.getByRole("button", { name: "Send as the customer" }).click();
  };

  it("lets a customer talk to the bot in the phone view, ask for a person, and an agent take over in the inbox", async () => {
    await signInConsole(agent, s);
    await signInConsole(phone, s);
    await phone.goto(`${s.url}/#/phone`);
    await phone.getByRole("button", { name: new RegExp(`\\+${customer}`) }).click();
    await say("Hello! I have a question");
    await phone.getByText("Hi Maya! How can we help?").waitFor();

    // The inbox shows the conversation held by the bot, and the thread names the flow.
    const entry = agent.locator(`a[data-wa-id="${customer}"]`);
    await entry.locator(".badge.bot").waitFor();
    await entry.click();
    await thread.locator(".thread-head .badge.bot", { hasText: "Welcome menu" }).waitFor();

    await phone.getByRole("button", { name: "My order" }).click();
    await phone.getByText("What is your order number?").waitFor();
    await say("I want to talk to a human");
    await phone.getByText("Connecting you with our team — someone will answer here shortly.").waitFor();

    // The bot let go: no badge; the agent (online, in the team) got the conversation and sees what the bot did.
    await expect.poll(() => thread.locator(".thread-head .badge.bot").count()).toBe(0);
    await expect.poll(() => entry.locator(".badge.bot").count()).toBe(0);
    await thread.getByText("assigned to Admin").waitFor();
    await thread.getByText("The bot started: Welcome menu").waitFor();
    await thread.locator(".bubble.out", { hasText: "Hi Maya! How can we help?" }).waitFor();
    await thread.getByText("The bot handed over to a person: the customer asked for a person").waitFor();
    await agent.getByLabel("Message", { exact: true }).fill("Hi Maya, Admin here. Which order is it about?");
    await agent.getByRole("button", { name: "Send", exact: true }).click();
    await phone.getByText("Hi Maya, Admin here. Which order is it about?").waitFor();
    await agent.screenshot({ path: `${SCREENSHOTS}flow-handover.png` });
  });

  it("shows the flows, reads a flow as an outline, refuses a broken save with paths, publishes a new version", async () => {
    await agent.getByRole("link", { name: "Flows", exact: true }).click();
    // A ready example makes a draft and opens it.
    await agent.getByText("New flow", { exact: true }).click();
    await agent.getByRole("button", { name: "Order status from your shop (HTTP lookup)" }).click();
    await agent.getByRole("heading", { name: "Order status (shop lookup)", level: 1 }).waitFor();
    await agent.getByText("draft: never published").waitFor();
    await agent.getByRole("link", { name: "← All flows" }).click();
    // A .flow.json file (here the welcome flow's export, renamed) becomes a new flow.
    const exported = (await admin.call("GET", `/suite/api/flows/${welcomeId}/export`)).body;
    await agent.getByLabel("Import a flow file").setInputFiles({
      name: "welcome.flow.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ ...exported, name: "Imported welcome" })),
    });
    await agent.getByRole("heading", { name: "Imported welcome", level: 1 }).waitFor();
    await agent.getByRole("link", { name: "← All flows" }).click();
    const row = agent.getByRole("row", { name: /Welcome menu/ });
    await row.getByText("1 handed over").waitFor();
    expect(await row.textContent()).toContain("first message");
    expect(await agent.getByRole("row", { name: /Order status/ }).textContent()).toContain("v1 (not published)");
    await agent.screenshot({ path: `${SCREENSHOTS}flows.png` });

    await agent.getByRole("link", { name: "Welcome menu" }).click();
    const outline = agent.getByRole("complementary", { name: "Outline" });
    await outline.getByText("When a customer starts a new conversation").waitFor();
    await outline.getByText("Hands the conversation to the team “Support”").waitFor();
    const editor = agent.getByLabel("Flow document (JSON)");
    const saved = await editor.inputValue();

    await editor.fill(saved.replace('"next": "route"', '"next": "nowhere"'));
    await outline.getByText("nowhere (no such step)").waitFor();
    await agent.getByRole("button", { name: "Save", exact: true }).click();
    const problems = agent.getByRole("alert");
    await problems.getByText('goes to "nowhere", which is not a node').waitFor();
    expect(await problems.locator("code").first().textContent()).toBe("nodes.menu");

    await editor.fill(saved.replace("9:00–17:00", "8:00–18:00"));
    await agent.getByRole("button", { name: "Save", exact: true }).click();
    await agent.getByText("Saved as version 2; publish it to make it live.").waitFor();
    await agent.getByRole("button", { name: "Publish version 2" }).click();
    await agent.getByText("Version 2 is live.").waitFor();
    await outline.getByText("We are open Monday to Friday, 8:00–18:00.").waitFor();
    await editor.evaluate((el) => {
      el.scrollTop = 0;
    });
    await agent.screenshot({ path: `${SCREENSHOTS}flow-editor.png` });

    await agent.getByRole("row", { name: /^v1/ }).getByRole("button", { name: "View" }).click();
    await agent.getByText("Version 1 (read-only)").waitFor();
    expect(await editor.inputValue()).toContain("9:00–17:00");
    await agent.getByRole("button", { name: "Back to the latest" }).click();
  });

  it("follows a run's trace step by step", async () => {
    await agent.getByRole("link", { name: "Runs", exact: true }).click();
    await agent.getByRole("combobox", { name: "Run state" }).selectOption("handed_over");
    await agent
      .getByRole("row", { name: /handed over/ })
      .getByRole("link")
      .click();
    const trace = agent.getByRole("region", { name: "Run trace" });
    await trace.getByText("Took the answer “order”").waitFor();
    await trace.getByText("Sent “Hi Maya! How can we help?”").waitFor();
    await trace.getByText("Ended, handed over: the customer asked for a person").waitFor();
    await agent.screenshot({ path: `${SCREENSHOTS}flow-trace.png`, fullPage: true });
  });

  it("starts a published manual flow from the thread header", async () => {
    const r = await admin.call("POST", "/suite/api/flows", {
      document: {
        name: "Quick feedback",
        trigger: { type: "manual" },
        start: "rate",
        nodes: { rate: { type: "csat", question: "How did we do today?" } },
      },
      publish: true,
    });
    expect(r.status).toBe(201);
    await agent.getByRole("link", { name: "Inbox", exact: true }).click();
    await agent.locator(`a[data-wa-id="${customer}"]`).click();
    await agent.getByLabel("Start flow").selectOption({ label: "Quick feedback" });
    await thread.locator(".thread-head .badge.bot", { hasText: "Quick feedback" }).waitFor();
    await phone.getByText("How did we do today?").waitFor();
    // The survey is a list: open it and tap the best score.
    await phone.locator(".plist summary").last().click();
    await phone.getByRole("button", { name: /Excellent/ }).click();
    await phone.getByText("Thank you for your rating!").waitFor();
    await thread.getByText("Resolved (rated 5 of 5)").waitFor();
    await thread.getByText("The bot finished").waitFor();
  });

  it("keeps the greeting and the API keys in Settings; a new key is shown once", async () => {
    await agent.getByRole("link", { name: "Settings", exact: true }).click();
    const auto = agent.getByRole("form", { name: "Automatic messages" });
    await auto.getByRole("checkbox", { name: "Greeting" }).check();
    await auto.getByLabel("Greeting text").fill("Hi! Thanks for writing.");
    await auto.getByRole("button", { name: "Save automatic messages" }).click();
    await agent.getByText("Automatic messages saved.").waitFor();
    expect((await admin.call("GET", "/suite/api/settings/auto-messages")).body.greeting).toEqual({
      enabled: true,
      text: "Hi! Thanks for writing.",
    });

    await agent.getByLabel("Key name").fill("shop");
    await agent.getByRole("button", { name: "Make a key" }).click();
    const key = await agent.getByLabel("The new key").textContent();
    expect(key).toMatch(/^owk_/);
    expect((await fetch(`${s.url}/suite/api/flows`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await agent.getByRole("button", { name: "Done" }).click();
    await agent.getByRole("row", { name: /shop/ }).getByRole("button", { name: "Revoke" }).click();
    await agent.getByRole("row", { name: /shop/ }).getByText("revoked").waitFor();
  });
});
