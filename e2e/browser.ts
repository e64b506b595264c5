import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium, installed by the project's set-up (.ci/run); never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Without the background-networking flags chromium keeps calling out, and this machine has no network.
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
