import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAdmin, startTestServer, waitFor, type SuiteSession, type TestServer } from "@openwaba/server/testing";
import { SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// The simulator's clock travels while the console is open: an open thread's window countdown and
// its composer follow the server's new time without a reload (told over the stream), the list and
// the thread say their days again, the phone's clock moves, and nobody is signed out.
const HOUR = 3600_000;
const counted = "48600900400",
  travelled = "48600900500";
let s: TestServer;
let browser: Browser;
let agent: Page, phone: Page;
let admin: SuiteSession;

const write = (waId: string, body: string) =>
  s.call("POST", `/simulator/users/${waId}/messages`, { to: s.phone, type: "text", text: { body } });
const thread = (name: string) => agent.getByRole("region", { name: `Conversation with ${name}` });
const open = async (waId: string, name: string) => {
  const entry = agent.locator(`a[data-wa-id="${waId}"]`);
  await entry.waitFor({ timeout: 5000 });
  await entry.click();
  await thread(name).getByRole("timer", { name: "Customer service window" }).waitFor();
};
const phoneClock = async () => Date.parse((await phone.locator("time.phone-clock").getAttribute("datetime"))!);

describe.skipIf(!hasChromium)("the console hears of a clock travel (chromium)", () => {
  beforeAll(async () => {
    s = await startTestServer();
    admin = await signInAdmin(s);
    await s.call("POST", "/simulator/users", { wa_id: counted, name: "Roksana" });
    await s.call("POST", "/simulator/users", { wa_id: travelled, name: "Tymon" });
    browser = await launch();
    agent = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
    phone = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInConsole(agent, s);
    await signInConsole(phone, s);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("switches a thread to templates only when its window runs out on screen", async () => {
    expect((await write(counted, "Do you ship to Gdańsk?")).status).toBe(201);
    await open(counted, "Roksana");
    await thread("Roksana").getByLabel("Message", { exact: true }).waitFor();
    // To four seconds before the window closes: the countdown goes on from the new time…
    const c = (await s.call("GET", "/simulator/clock")).body;
    const conv = await waitFor(
      async () => (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === counted),
      3000,
      "conversation",
    );
    await s.call("POST", "/simulator/clock/advance", {
      ms: Date.parse(conv.window.closes_at) - Date.parse(c.now) - 4000,
    });
    await expect
      .poll(() => thread("Roksana").getByRole("timer").textContent(), { timeout: 3000 })
      .toMatch(/Window open · 0h 00m 0\ds left/);
    // …and at zero the composer offers only templates, without a reload.
    await thread("Roksana").getByText("Window closed: templates only").waitFor({ timeout: 8000 });
    await thread("Roksana").getByLabel("Template", { exact: true }).waitFor({ timeout: 3000 });
    expect(await thread("Roksana").getByLabel("Message", { exact: true }).count()).toBe(0);
  });

  it("closes an open thread's window after a 25-hour travel without a reload, and keeps the person signed in", async () => {
    expect((await write(travelled, "Is the blue jacket in stock?")).status).toBe(201);
    await agent.goto(`${s.url}/#/inbox`);
    await open(travelled, "Tymon");
    await expect.poll(() => thread("Tymon").getByRole("timer").textContent()).toMatch(/^Window open · 2[34]h/);
    await thread("Tymon").getByLabel("Message", { exact: true }).waitFor();
    expect(await thread("Tymon").getByRole("separator").first().textContent()).toBe("Today");
    const listTime = agent.locator(`a[data-wa-id="${travelled}"] time`);
    const listedAt = await listTime.textContent();
    await phone.goto(`${s.url}/#/phone/${s.phone}/${travelled}`);
    await phone.locator(".phone-chat").getByText("Is the blue jacket in stock?").waitFor();
    const phoneBefore = await phoneClock();
    await agent.screenshot({ path: `${SCREENSHOTS}clock-before-travel.png` });

    const r = await s.call("POST", "/simulator/clock/advance", { ms: 25 * HOUR });
    expect(r.status).toBe(200);
    await thread("Tymon").getByText("Window closed: templates only").waitFor({ timeout: 3000 });
    await thread("Tymon").getByLabel("Template", { exact: true }).waitFor({ timeout: 3000 });
    expect(await thread("Tymon").getByLabel("Message", { exact: true }).count()).toBe(0);
    // Days are said against the new time: the message is no longer today's, in the thread and the list.
    await expect.poll(() => thread("Tymon").getByRole("separator").first().textContent()).not.toBe("Today");
    await expect.poll(() => listTime.textContent()).not.toBe(listedAt);
    await expect.poll(phoneClock, { timeout: 3000 }).toBeGreaterThan(phoneBefore + 25 * HOUR - 5000);
    await agent.screenshot({ path: `${SCREENSHOTS}clock-after-travel.png` });

    // Security time is the wall clock's: a reload finds the agent signed in, the window still closed.
    await agent.reload();
    await agent.getByRole("navigation", { name: "Main" }).waitFor();
    expect(await agent.getByRole("heading", { name: "Sign in to OpenWABA" }).count()).toBe(0);
    await thread("Tymon").getByText("Window closed: templates only").waitFor();
  });
});
