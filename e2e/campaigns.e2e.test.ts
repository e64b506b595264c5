import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { campaignKit, signInAdmin, startTestServer, type TestServer } from "@openwaba/server/testing";
import { CHROMIUM, SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// Broadcast campaigns in a real browser: a supervisor builds one in the form (an approved
// marketing template with parameters from each contact, a segment by tag), sees the message as a
// contact will and the estimate (who is left out and why, cost by country), saves it as a draft,
// sends it after a confirmation and follows it to completed; a slow one is paused, resumed, cancelled.
const pl = (i: number) => `4860095${String(i).padStart(4, "0")}`;
const it_ = (i: number) => `39320950${String(i).padStart(4, "0")}`;

if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser tests of campaigns are skipped.`);

describe.skipIf(!hasChromium)("broadcast campaigns in the console (chromium)", () => {
  let s: TestServer;
  let kit: ReturnType<typeof campaignKit>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    s = await startTestServer();
    kit = campaignKit(s, await signInAdmin(s));
    await kit.template(
      "spring_sale",
      "MARKETING",
      "Hi {{1}}! Your code {{2}} gives 15% off this week.",
      ["Ewa", "WIOSNA15"],
      ["Show me", "Stop promotions"],
    );
    await kit.contacts("phone,name,consent,tags,code", [
      ...Array.from({ length: 3 }, (_, i) => `+${pl(i)},Kasia ${i},yes,spring,PL${i}`),
      ...Array.from({ length: 2 }, (_, i) => `+${it_(i)},Giulia ${i},yes,spring,IT${i}`),
      `+${pl(9)},Jan,,spring,PL9`, // never asked: a marketing campaign leaves him out
    ]);
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    page.on("dialog", (d) => void d.accept()); // the Cancel button asks first
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("builds a campaign with a live preview and an estimate, and names the field of a refused definition", async () => {
    await signInConsole(page, s);
    await page.getByRole("link", { name: "Campaigns", exact: true }).click();
    await page.getByRole("link", { name: "New campaign" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Spring sale");
    await page.getByLabel("Template", { exact: true }).selectOption({ label: "spring_sale (en_US, marketing)" });
    await page.getByLabel("Template body").getByText("Hi {{1}}! Your code {{2}}").waitFor();
    await page.getByLabel("{{1}}").fill("{{contact.name|there}}");
    await page.getByLabel("{{2}}").fill("{{attr.code|SPRING}}");
    await page.getByLabel("Tag", { exact: true }).fill("spring");

    // The preview is one contact of the audience, with their own values.
    await expect
      .poll(() => page.getByLabel("Preview", { exact: true }).locator("p").first().textContent())
      .toMatch(/^Hi (Kasia|Giulia) \d! Your code (PL|IT)\d gives 15% off this week\.$/);

    // A pace below what the API allows comes back as a 400 shown next to its field.
    await page.getByLabel(/messages a second/).fill("0.01");
    await page.locator('.field-error[data-field="max_mps"]').waitFor();
    await page.getByLabel(/messages a second/).fill("");

    const estimate = page.getByRole("region", { name: "Estimate" });
    await expect.poll(() => estimate.locator('[data-estimate="recipients"]').textContent()).toBe("5 recipients");
    await estimate.locator('[data-reason="no_consent"]', { hasText: "1 marketing consent not asked" }).waitFor();
    const byCountry = estimate.getByRole("table", { name: "Cost by country" });
    await byCountry.getByRole("row", { name: /Poland 3/ }).waitFor();
    await byCountry.getByRole("row", { name: /Italy 2/ }).waitFor();
    expect(await estimate.locator('[data-estimate="cost"]').textContent()).toMatch(/\$0\.\d+/);
    await estimate.getByText("The throughput decides when it ends.").waitFor();
    await page.setViewportSize({ width: 1366, height: 1300 }); // the whole form and the estimate
    await page.locator(".page").evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.screenshot({ path: `${SCREENSHOTS}campaign-new.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("saves a draft that opens again as saved", async () => {
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.waitForURL(/#\/campaigns\/[^/]+\/edit$/);
    await page.getByText(/^Draft saved/).waitFor();
    await expect.poll(() => page.getByLabel("{{2}}").inputValue()).toBe("{{attr.code|SPRING}}");
    expect(await page.getByLabel("Tag", { exact: true }).inputValue()).toBe("spring");
  });

  it("sends after a confirmation with the recipients and cost, and follows the campaign to completed", async () => {
    await page.getByRole("button", { name: "Send…" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.locator('[data-confirm="recipients"]').textContent()).toBe("5 recipients");
    expect(await dialog.locator('[data-confirm="cost"]').textContent()).toMatch(/\$0\.\d+/);
    await dialog.getByRole("button", { name: "Send now" }).click();

    await page.getByRole("heading", { name: /Spring sale/, level: 1 }).waitFor();
    await page.locator('.campaign-state[data-state="completed"]').waitFor({ timeout: 20_000 });
    // Delivery statuses may land just after the last send: the page follows by itself only while sending.
    const delivered = page.locator('[data-metric="delivered"] strong');
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Refresh" }).click();
          return delivered.textContent();
        },
        { timeout: 10_000 },
      )
      .toBe("5");
    await page.getByRole("progressbar", { name: "Sent" }).getByText("5 / 5").waitFor();
    const recipients = page.getByRole("region", { name: "Recipients" });
    await recipients.getByRole("row", { name: new RegExp(`\\+${pl(0)}`) }).waitFor();
    expect(await recipients.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toMatch(
      /\/recipients\.csv$/,
    );
    await page.getByRole("region", { name: "Definition" }).getByText("Contacts tagged “spring”").waitFor();
    expect((await kit.received(pl(1)))[0].content.rendered.body).toBe(
      "Hi Kasia 1! Your code PL1 gives 15% off this week.",
    );
    await page.screenshot({ path: `${SCREENSHOTS}campaign.png`, fullPage: true });
  });

  it("pauses, resumes and cancels a slow campaign from its page", async () => {
    const id = await kit.create({
      name: "Slow spring",
      template: { name: "spring_sale", language: "en_US", parameters: ["{{contact.name}}", "{{attr.code}}"] },
      audience: { segment: { tag: "spring" } },
      max_mps: 0.2,
    });
    await kit.send(id);
    await page.goto(`${s.url}/#/campaigns/${id}`);
    // One every five seconds, the first at once: the page follows it live, with its pace.
    await page.getByRole("progressbar", { name: "Sent" }).getByText("1 / 5").waitFor();
    await page.locator('[data-metric="pace"]').waitFor();
    await page.getByRole("button", { name: "Pause" }).click();
    await page.locator('[data-notice="paused"]', { hasText: /paused by .+@/ }).waitFor();
    await page.getByRole("button", { name: "Resume" }).click();
    await page.locator('.campaign-state[data-state="running"]').waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator('.campaign-state[data-state="cancelled"]').waitFor();
    await page.getByRole("combobox", { name: "Recipient state" }).selectOption("cancelled");
    await page
      .getByRole("region", { name: "Recipients" })
      .getByRole("cell", { name: "not sent (cancelled)" })
      .first()
      .waitFor();

    await page.getByRole("link", { name: "← All campaigns" }).click();
    const row = page.getByRole("row", { name: /^Spring sale/ });
    await row.locator('.campaign-state[data-state="completed"]').waitFor();
    await row.getByText("5 / 5").waitFor();
    await page
      .getByRole("row", { name: /Slow spring/ })
      .locator('.campaign-state[data-state="cancelled"]')
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}campaigns.png`, fullPage: true });
  });
});
