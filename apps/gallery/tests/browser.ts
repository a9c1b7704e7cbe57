import { chromium, type Browser } from "playwright-core";

/**
 * Launches Debian's Chromium once for a whole test file (never a downloaded browser). Playwright
 * gives it a fresh temporary profile of its own.
 *
 * @returns the browser
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
