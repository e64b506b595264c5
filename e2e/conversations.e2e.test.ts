import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAdmin, startTestServer, waitFor, type SuiteSession, type TestServer } from "@openwaba/server/testing";
import { CHROMIUM, SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// Starting conversations and knowing contacts, and the thread's inbox basics, in a real browser
// (issue #10 items 7–8): a new conversation with a template from the inbox; a contact's profile,
// edited, messaged and deleted; day separators and the sender on outgoing bubbles; the business
// number a conversation is on; the list's preview and unread count; drawn (not emoji) ticks.
const ola = "48600222333",
  kasia = "48600222555",
  piotr = "48600222444",
  gone = "48600222666";

if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser tests of conversations are skipped.`);

describe.skipIf(!hasChromium)("conversations and contacts in the console (chromium)", () => {
  let s: TestServer;
  let admin: SuiteSession;
  let browser: Browser;
  let page: Page;
  let shop: string;
  const entry = (waId: string) => page.locator(`a[data-wa-id="${waId}"]`);
  const conversationOf = async (waId: string) =>
    (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === waId);

  beforeAll(async () => {
    s = await startTestServer();
    admin = await signInAdmin(s);
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      components: [
        {
          type: "BODY",
          text: "Hello {{1}}, your order {{2}} has an update for you today.",
          example: { body_text: [["Ola", "860198"]] },
        },
      ],
    });
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    for (const [wa_id, name] of [
      [ola, "Ola"],
      [kasia, "Kasia"],
      [piotr, "Piotr"],
      [gone, "Gosia"],
    ])
      await s.call("POST", "/simulator/users", { wa_id, name, read_probability: 1 });
    await admin.call("POST", "/suite/api/contacts", { phone: `+${ola}`, name: "Ola", attributes: { order: "860198" } });
    await admin.call("POST", "/suite/api/contacts", {
      phone: `+${kasia}`,
      name: "Kasia",
      tags: ["vip"],
      attributes: { city: "Kraków" },
    });
    await admin.call("POST", "/suite/api/contacts", { phone: `+${gone}`, name: "Gosia" });
    shop = (await admin.call("GET", "/suite/api/numbers")).body.data.find((n: any) => n.id === s.phone).verified_name;
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await signInConsole(page, s);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("starts a conversation with a template from the inbox; it appears in the list and opens", async () => {
    await page.getByRole("button", { name: "New conversation" }).click();
    const form = page.getByRole("form", { name: "Start a conversation" });
    await form.getByLabel("Customer's number").fill("600 222");
    await form.getByRole("button", { name: "Send and open" }).isDisabled();
    await form.getByLabel("Template", { exact: true }).selectOption({ label: "order_update (en_US, utility)" });
    await form.getByLabel("{{1}}").fill("{{contact.name}}");
    await form.getByLabel("{{2}}").fill("{{attr.order}}");
    // A number that is not E.164 is named at its field before anything is sent.
    await form.getByRole("button", { name: "Send and open" }).click();
    await form.locator('.field-error[data-field="to"]').waitFor();
    await form.getByLabel("Customer's number").fill("+48 600 222 333");
    await expect
      .poll(() => page.getByLabel("Preview", { exact: true }).locator("p").first().textContent())
      .toBe("Hello Ola, your order 860198 has an update for you today.");
    await page.screenshot({ path: `${SCREENSHOTS}new-conversation.png` });
    await form.getByRole("button", { name: "Send and open" }).click();

    const thread = page.getByRole("region", { name: "Conversation with Ola" });
    await thread.waitFor();
    const c = await waitFor(() => conversationOf(ola), 5000, "conversation");
    await expect.poll(() => page.url()).toContain(`#/inbox/${c.id}`);
    await entry(ola).waitFor();
    // The outgoing bubble says who sent it, under the day it was sent, and the thread which number it is on.
    const bubble = thread.locator(".bubble.out").first();
    await bubble.locator(".template").waitFor();
    expect(await bubble.locator(".sender").textContent()).toBe("Admin");
    expect(await thread.getByRole("separator").allTextContents()).toEqual(["Today"]);
    expect(await thread.locator(".business-number").textContent()).toContain(shop);
    // The list's line: the number it is on and what was said last, by whom.
    expect(await entry(ola).locator("[data-business-number]").textContent()).toBe(`on ${shop}`);
    expect(await entry(ola).locator("[data-preview]").textContent()).toBe("Admin: Template: order_update");
    // Ticks are drawn: an SVG, no emoji or check-mark characters.
    const ticks = bubble.locator(".ticks");
    await ticks.locator("svg").waitFor();
    expect((await ticks.textContent())?.trim()).toBe("");
    const chat = JSON.stringify((await s.call("GET", `/simulator/users/${ola}/chats/${s.phone}`)).body);
    expect(chat).toContain("Hello Ola, your order 860198");
    await page.screenshot({ path: `${SCREENSHOTS}new-conversation-sent.png` });
  });

  it("opens a contact's profile from the list, edits it, and messages them: a new conversation, or the thread they have", async () => {
    await page.getByRole("link", { name: "Contacts", exact: true }).click();
    await page.getByRole("cell", { name: "Kasia" }).click();
    await page.getByRole("heading", { level: 1, name: "Kasia" }).waitFor();
    await page.getByRole("row", { name: "city Kraków" }).waitFor();
    await page.getByText("None yet.").waitFor(); // no conversations
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Time zone").fill("Europe/Warsaw");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("dd", { hasText: "Europe/Warsaw" }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}contact-profile.png`, fullPage: true });

    await page.getByRole("button", { name: "Message this contact" }).click();
    const form = page.getByRole("form", { name: "Start a conversation" });
    expect(await form.getByLabel("Customer's number").inputValue()).toBe(`+${kasia}`);

    // Ola has a conversation: messaging her opens it.
    await page.goto(`${s.url}/#/contacts`);
    await page.getByRole("link", { name: "Ola", exact: true }).click();
    await page.getByRole("link", { name: new RegExp(`^On .*${shop}$`) }).waitFor();
    await page.getByRole("button", { name: "Message this contact" }).click();
    await page.getByRole("region", { name: "Conversation with Ola" }).waitFor();
  });

  it("deletes a contact after asking, and says the conversations stay", async () => {
    await page.goto(`${s.url}/#/contacts`);
    await page.getByRole("link", { name: "Gosia", exact: true }).click();
    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Gosia?" });
    await dialog.getByText(/Conversations with \+48600222666 stay in the inbox/).waitFor();
    await dialog.getByRole("button", { name: "Keep" }).click();
    await page.getByRole("heading", { level: 1, name: "Gosia" }).waitFor();
    await page.getByRole("button", { name: "Delete…" }).click();
    await page
      .getByRole("dialog", { name: "Delete Gosia?" })
      .getByRole("button", { name: "Delete the contact" })
      .click();
    await page.getByRole("heading", { level: 1, name: /^Contacts/ }).waitFor();
    await expect.poll(async () => (await admin.call("GET", `/suite/api/contacts?q=${gone}`)).body.total).toBe(0);
  });

  it("counts a customer's unread messages in the list with a preview, and clears them when the thread is open", async () => {
    await page.goto(`${s.url}/#/inbox`);
    await entry(ola).waitFor();
    for (const body of ["Hello!", "Is the shop open on Sunday?"])
      await s.call("POST", `/simulator/users/${piotr}/messages`, { to: s.phone, type: "text", text: { body } });
    await entry(piotr).waitFor();
    await expect.poll(() => entry(piotr).locator("[data-unread]").textContent()).toBe("2");
    expect(await entry(piotr).locator("[data-preview]").textContent()).toBe("Is the shop open on Sunday?");
    await page.screenshot({ path: `${SCREENSHOTS}inbox-unread.png` });
    await entry(piotr).click();
    await page
      .getByRole("region", { name: "Conversation with Piotr" })
      .getByText("Is the shop open on Sunday?")
      .waitFor();
    await expect.poll(() => entry(piotr).locator("[data-unread]").count()).toBe(0);
    // Read while open; a reload counts from the server and agrees.
    await s.call("POST", `/simulator/users/${piotr}/messages`, { to: s.phone, type: "text", text: { body: "Thanks" } });
    await entry(piotr).locator("[data-preview]", { hasText: "Thanks" }).waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await entry(piotr).waitFor();
    expect(await entry(piotr).locator("[data-unread]").count()).toBe(0);
  });

  it("separates days in the thread and names each sender: an agent, a bot, the Cloud API", async () => {
    const c = await conversationOf(piotr);
    const day = 86_400_000,
      at = Date.now() - day - 60_000;
    await s.store.db
      .insertInto("suite_messages")
      .values([
        {
          id: "wamid.e2e-yesterday",
          conversation_id: c.id,
          direction: "in",
          type: "text",
          content: JSON.stringify({ body: "Written yesterday" }),
          status: "received",
          error: null,
          author_id: null,
          context_id: null,
          at,
          updated_at: at,
        },
        {
          id: "wamid.e2e-bot",
          conversation_id: c.id,
          direction: "out",
          type: "text",
          content: JSON.stringify({ body: "Our bot says hi" }),
          status: "delivered",
          error: null,
          author_id: null,
          context_id: null,
          at: at + 1000,
          updated_at: at + 1000,
        },
        {
          id: "wamid.e2e-api",
          conversation_id: c.id,
          direction: "out",
          type: "text",
          content: JSON.stringify({ body: "Your order shipped", origin: "api" }),
          status: "read",
          error: null,
          author_id: null,
          context_id: null,
          at: Date.now(),
          updated_at: Date.now(),
        },
      ])
      .execute();
    await page.reload();
    const thread = page.getByRole("region", { name: "Conversation with Piotr" });
    await thread.getByText("Written yesterday").waitFor();
    expect(await thread.getByRole("separator").allTextContents()).toEqual(["Yesterday", "Today"]);
    await thread.getByLabel("Message", { exact: true }).fill("We open at 10 on Sunday.");
    await thread.getByRole("button", { name: "Send", exact: true }).click();
    const mine = thread.locator(".bubble.out", { hasText: "We open at 10 on Sunday." });
    await mine.waitFor();
    expect(await mine.locator(".sender").textContent()).toBe("Admin");
    expect(await thread.locator(".bubble.out", { hasText: "Our bot says hi" }).locator(".sender").textContent()).toBe(
      "Bot",
    );
    expect(
      await thread.locator(".bubble.out", { hasText: "Your order shipped" }).locator(".sender").textContent(),
    ).toBe("API");
    // The reaction buttons are drawn icons, named for screen readers.
    const incoming = thread.locator(".bubble.in", { hasText: "Thanks" });
    await incoming.getByRole("button", { name: "React with thumbs up" }).locator("svg").waitFor();
    expect(await incoming.locator(".meta").textContent()).not.toMatch(/[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/u);
    await page.screenshot({ path: `${SCREENSHOTS}thread-days-senders.png` });
  });

  it("finds a conversation by the words of its messages", async () => {
    await page.getByLabel("Search conversations").fill("open on sunday");
    await page.getByRole("status").filter({ hasText: "matching" }).waitFor();
    await expect
      .poll(() => page.locator(".conversation-list a").evaluateAll((as) => as.map((a) => a.getAttribute("data-wa-id"))))
      .toEqual([piotr]);
    await page.getByLabel("Search conversations").fill("");
    await entry(ola).waitFor();
  });
});
