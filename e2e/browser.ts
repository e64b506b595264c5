import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium, installed by the project's set-up (.ci/run); never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;

/** Signs a page in to the console as the dev tenant's first admin and waits for the main navigation. */
export async function signInConsole(
  page: Page,
  server: { url: string; consoleLogin: { console_email: string; console_password: string } | null },
): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel("Email").fill(server.consoleLogin!.console_email);
  await page.getByLabel("Password").fill(server.consoleLogin!.console_password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Without the background-networking flags chromium keeps calling out, and this machine has no network.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
