// What a person does in the portal pages, in Debian's Chromium through playwright-core.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { assert } from "./run.mjs";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Collects what a page says is wrong: console errors and warnings (CSP violations among them) and
 * uncaught exceptions.
 *
 * @param page - a playwright page
 * @returns the list, filled as the page runs
 */
export function watchConsole(page) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * Fills a session record so that it is valid.
 *
 * @param form - a locator around one session record form (a section, or an `<ilm-form>`)
 */
export async function fillSessionRecord(form) {
  await form.getByLabel("Client Ref/ID").fill("Client 2");
  await form.getByLabel("Session No.").fill("3");
  await form.getByLabel("Date of Session").fill("2026-03-10");
  const duration = form.getByRole("group", { name: /^Duration/ });
  await duration.getByLabel("Hours").fill("1");
  await duration.getByLabel("Minutes").fill("50");
  await form.getByLabel("Goal", { exact: false }).first().fill("Hand over the monthly forecast.");
}

/** What `fillSessionRecord` makes the document say. */
export const SESSION_RECORD = { clientRef: "Client 2", sessionNo: 3, sessionDate: "2026-03-10", duration: 110 }; // 1 hour 50 minutes, stored as whole minutes (3.0.0)

/**
 * Fills a client feedback form so that it is valid: the three boxes and all seventeen ratings (8 each).
 *
 * @param form - a locator around one client feedback form
 */
export async function fillClientFeedback(form) {
  await form.getByLabel("Name of Coach/Mentor").fill("Coach 1");
  await form.getByLabel("Client ref/ID").fill("Client 2");
  await form.getByLabel(/^Date/).fill("2026-03-11");
  const eights = form.locator('input[type="radio"][value="8"]');
  const count = await eights.count();
  assert(count === 17, `expected 17 ratings, found ${count}`);
  for (let index = 0; index < count; index++) await eights.nth(index).check({ force: true });
}

/** What `fillClientFeedback` makes the document say. */
export const CLIENT_FEEDBACK = { coachName: "Coach 1", clientRef: "Client 2", date: "2026-03-11" };

/**
 * Opens a page and adds up the JavaScript it loaded (gzipped, as a server would send it), from the
 * built files themselves.
 *
 * @param page - a playwright page
 * @param url - the page
 * @param dist - the built site the server serves, or a function from a URL path to its file
 * @param ready - a selector that says the form is there
 * @returns kB gzipped and the files
 */
export async function javascriptOfPage(page, url, dist, ready) {
  const files = new Set();
  const listener = (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js")) files.add(path);
  };
  page.on("response", listener);
  await page.goto(url);
  await page.waitForSelector(ready);
  await page.waitForLoadState("networkidle");
  page.off("response", listener);
  let bytes = 0;
  const fileOf = typeof dist === "function" ? dist : (path) => join(dist, path);
  for (const path of files) bytes += gzipSync(readFileSync(fileOf(path)), { level: 9 }).length;
  return { kB: bytes / 1000, files: [...files] };
}

/**
 * Navigation to the first control of the form being usable: fresh loads of each page in turn (so
 * drift on a shared machine touches every page alike), the median per page.
 *
 * Timed inside the page, from the navigation's start (`performance.now()`'s origin) to the moment the
 * control is in the document and not disabled, seen by a MutationObserver a tiny init script installs
 * before any of the page's scripts run; the page says so on its console, which Node hears without
 * touching the page. Timing from Node with playwright's locators instead added the round trips of
 * their polling and, worse, playwright's own injected script (about 20-60 ms of compiling on the
 * page's main thread while the page was loading), the same for every page, so every ratio was
 * pulled toward 1.
 *
 * @param page - a playwright page (used for timing only: it keeps the init script)
 * @param pages - `{ name: url }`
 * @param selector - the first control
 * @param runs - how many loads of each page
 * @returns the median in milliseconds by name
 */
export async function timeToInteractive(page, pages, selector, runs) {
  await page.addInitScript((css) => {
    const seen = () => {
      const control = document.querySelector(css);
      if (!(control instanceof HTMLElement) || control.hasAttribute("disabled")) return;
      observer.disconnect();
      console.debug(`ilm-interactive ${performance.now()}`);
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
  }, selector);
  const names = Object.keys(pages);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    // Each round loads every page once, starting from a different page each round, so a page is not
    // always the one loaded first (or right after the same other page).
    for (let k = 0; k < names.length; k++) {
      const name = names[(run + k) % names.length];
      await page.goto("about:blank");
      const interactive = page.waitForEvent("console", { predicate: (message) => message.text().startsWith("ilm-interactive "), timeout: 30_000 });
      await page.goto(pages[name], { waitUntil: "commit" });
      times[name].push(Number((await interactive).text().split(" ")[1]));
      // What the figure claims, checked after the clock stopped: the control is there and usable.
      await page.locator(selector).first().waitFor({ state: "visible" });
      if (!(await page.locator(selector).first().isEnabled())) throw new Error(`${name}: ${selector} is disabled`);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return {
    /** Each page's median time (ms). */
    ms: Object.fromEntries(names.map((name) => [name, median(times[name])])),
    /**
     * The median over rounds of one page's time over another's in the same round: the two loads of a
     * round are seconds apart, so a machine whose load drifts moves both.
     */
    ratio: (name, base) => median(times[name].map((time, run) => time / times[base][run])),
  };
}
