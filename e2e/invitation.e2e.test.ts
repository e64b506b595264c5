import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startTestServer, type TestServer } from "@openwaba/server/testing";
import { CHROMIUM, SCREENSHOTS, hasChromium, launch, signInConsole } from "./browser";

// Adding a teammate, as an agency owner does first: the admin invites a person in Settings, the
// person opens the link exactly as the console shows it (in a browser of their own), chooses a
// password and is in; later they sign in with that password.
if (!hasChromium) console.warn(`${CHROMIUM} is missing: the browser test of invitations is skipped.`);

describe.skipIf(!hasChromium)("inviting a person from the console (chromium)", () => {
  let s: TestServer;
  let browser: Browser;
  let admin: Page, invitee: Page;
  let link = "";

  beforeAll(async () => {
    s = await startTestServer();
    browser = await launch();
    admin = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    invitee = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    admin.setDefaultTimeout(10_000);
    invitee.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it("shows an invitation link on the server's own origin, with one slash before the #", async () => {
    await signInConsole(admin, s);
    await admin.getByRole("link", { name: "Settings", exact: true }).click();
    const form = admin.getByRole("form", { name: "Invite someone" });
    await form.getByLabel("Email").fill("marta@agency.test");
    await form.getByLabel("Name").fill("Marta Nowak");
    await form.getByLabel("Role").selectOption("agent");
    await form.getByRole("button", { name: "Invite" }).click();
    await admin.getByRole("status").getByText("Invitation made").waitFor();
    link = (await admin.getByText("Invitation link:").locator("code").textContent()) ?? "";
    expect(link.startsWith(`${s.url}/#/invitation/`)).toBe(true);
    expect(new URL(link).pathname).toBe("/");
    await admin.getByRole("row", { name: /Marta Nowak marta@agency\.test agent invited/ }).waitFor();
  });

  it("opens the link as shown, sets a password and lands in the console as the new person", async () => {
    const res = await invitee.goto(link);
    expect(res?.status()).toBe(200);
    await invitee.getByRole("heading", { name: "Welcome to OpenWABA" }).waitFor();
    await invitee.screenshot({ path: `${SCREENSHOTS}invitation.png` });
    // Too short a password is refused in the form, before anything is sent.
    await invitee.getByLabel(/Choose a password/).fill("short");
    await invitee.getByRole("button", { name: "Join" }).click();
    expect(
      await invitee
        .getByLabel(/Choose a password/)
        .evaluate((el) => (el as unknown as { validity: { tooShort: boolean } }).validity.tooShort),
    ).toBe(true);
    await invitee.getByLabel(/Choose a password/).fill("marta's long password");
    await invitee.getByRole("button", { name: "Join" }).click();
    await invitee.getByRole("navigation", { name: "Main" }).waitFor();
    await invitee.locator(".topbar").getByText("Marta Nowak").waitFor();
    // An agent's console: no Settings.
    expect(await invitee.getByRole("link", { name: "Settings", exact: true }).count()).toBe(0);
  });

  it("signs in again with the password chosen, and the link cannot be used twice", async () => {
    await invitee.getByRole("button", { name: "Sign out" }).click();
    await invitee.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();
    await invitee.getByLabel("Email").fill("marta@agency.test");
    await invitee.getByLabel("Password").fill("marta's long password");
    await invitee.getByRole("button", { name: "Sign in" }).click();
    await invitee.locator(".topbar").getByText("Marta Nowak").waitFor();
    await invitee.getByRole("button", { name: "Sign out" }).click();
    await invitee.getByRole("heading", { name: "Sign in to OpenWABA" }).waitFor();

    await invitee.goto(link);
    await invitee.getByLabel(/Choose a password/).fill("another long password");
    await invitee.getByRole("button", { name: "Join" }).click();
    await invitee.getByRole("alert").waitFor();

    await admin.reload();
    await admin.getByRole("row", { name: /Marta Nowak marta@agency\.test agent active/ }).waitFor();
  });
});
