import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startServer, type TestServer } from "./server.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Debian's Chromium, never a downloaded browser.
 *
 * @returns the browser
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Runs axe-core on the page for WCAG 2.2 A and AA.
 *
 * @param page - the page
 * @returns the violations, as `rule: target` lines
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // The page's CSP forbids inline scripts; evaluate runs through the DevTools protocol, which it does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/**
 * Signs in through the sign-in page.
 *
 * @param page - the page
 * @param url - the server's URL
 * @param who - email and password
 */
export async function signIn(page: Page, url: string, who: { email: string; password: string; role?: string }): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  for (let waited = 0; new URL(page.url()).pathname.startsWith("/sign-in"); waited += 100) {
    if (waited > 30_000) throw new Error(`Still on the sign-in page: ${await page.locator("main").innerText()}`);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState("networkidle");
  signedInAs.set(page.context(), who.role ?? who.email.split("@")[0]!);
}

/** Who each browser context is signed in as (its pages share the session cookie), to name its screenshots. */
const signedInAs = new WeakMap<BrowserContext, string>();

/**
 * A page in a new browser context (downloads accepted, 1280 × 800) whose console errors and uncaught
 * page errors are added to `errors`, so a test can assert none happened.
 *
 * @param browser - the browser
 * @param errors - where each error goes, as `url: message`
 * @param options - `console: false` to keep only uncaught page errors (for a test that opens a page
 *   answered 404 on purpose, which Chromium logs as a console error)
 * @returns the context (close it when done) and its page
 */
export async function watchedPage(browser: Browser, errors: string[], { console = true } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (console) {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    });
  }
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return { context, page };
}

/**
 * Waits until the page has navigated to a path, the network is quiet and the page has rendered it.
 * After a Remix form's redirect the address changes before React commits the new page (a transition),
 * so the page is also given until its DOM has been still for 200 ms (at most 10 s) before a test reads it.
 *
 * @param page - the page
 * @param path - what the URL must match
 */
export async function at(page: Page, path: RegExp): Promise<void> {
  for (let waited = 0; !path.test(page.url()); waited += 100) {
    if (waited > 30_000) throw new Error(`Still at ${page.url()}, waiting for ${path}`);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState("networkidle");
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const done = () => {
          observer.disconnect();
          clearTimeout(cap);
          resolve();
        };
        let still = setTimeout(done, 200);
        const cap = setTimeout(done, 10_000);
        const observer = new MutationObserver(() => {
          clearTimeout(still);
          still = setTimeout(done, 200);
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
  );
}

/**
 * The demo sign-in the server printed for an email.
 *
 * @param server - the test server
 * @param email - the demo person's email
 * @returns email, password and role
 */
export function demoPerson(server: { signIns: Map<string, { role: string; email: string; password: string }>; output: () => string }, email: string): { role: string; email: string; password: string } {
  const person = server.signIns.get(email);
  if (!person) throw new Error(`No demo sign-in for ${email}: ${server.output()}`);
  return person;
}

/** What `checkPage` found over a test file's pages: axe violations by page, pages wider than a phone. */
export interface PageChecks {
  axe: Record<string, string[]>;
  sideways: string[];
}

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Whether screenshots are kept: only when `ILM_SCREENSHOTS` is set, to a folder or to `1` for
 * `apps/dashboard/.test-results/screenshots` (git-ignored), for a person to look at the pages. The
 * checks of every page (axe, no sideways scroll) run either way; a CI run takes no pictures (140
 * full-page PNGs at two widths cost minutes and nobody looks at them there).
 */
export const KEEP_SCREENSHOTS = Boolean(process.env.ILM_SCREENSHOTS);

/**
 * Where a screenshot goes: the `ILM_SCREENSHOTS` folder (or `.test-results/screenshots` for `1`), a
 * folder a test file, the file named after who is signed in on the page and the page's name.
 *
 * @param page - the page (its context tells who is signed in)
 * @param name - the page's name
 * @returns the file's path (its folder made)
 */
export function screenshotPath(page: Page, name: string): string {
  const testFile = basename(expect.getState().testPath ?? "e2e", ".test.ts");
  const chosen = process.env.ILM_SCREENSHOTS;
  const folder = join(chosen && chosen !== "1" ? chosen : join(appDir, ".test-results/screenshots"), testFile);
  mkdirSync(folder, { recursive: true });
  const who = signedInAs.get(page.context()) ?? "signed-out";
  const slug = (text: string) => text.replace(/[^\w.]+/g, "-").replace(/^-|-$/g, "");
  return join(folder, `${slug(who)}--${slug(name)}.png`);
}

/**
 * Axe at 1280 px, and at 390 px the page must not be wider than the screen. With ILM_SCREENSHOTS, a
 * picture of the whole page at both widths is kept (screenshotPath), to look at, each after the page
 * has laid itself out anew.
 *
 * @param page - the page, at 1280 px
 * @param name - the page's name in the findings and the pictures' file names
 * @param found - where the findings go
 */
export async function checkPage(page: Page, name: string, found: PageChecks): Promise<void> {
  found.axe[name] = await axeViolations(page);
  const laidOut = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  if (KEEP_SCREENSHOTS) await page.screenshot({ path: screenshotPath(page, `${name}-1280`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await laidOut();
  if (KEEP_SCREENSHOTS) await page.screenshot({ path: screenshotPath(page, `${name}-390`), fullPage: true });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 390) found.sideways.push(`${name}: ${wide} px`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await laidOut();
}

/** A test file's dashboard and Chromium, and what its pages did (see useServerAndBrowser). */
export interface ServerAndBrowser {
  /** The built dashboard, started for this file with the demo centre (after beforeAll). */
  readonly server: TestServer;
  readonly browser: Browser;
  /** Console and uncaught errors of every page opened through `page` or `as`. */
  readonly errors: string[];
  /** What `check` found: axe violations by page name, pages wider than a phone. */
  readonly found: PageChecks;
  /** A new watched page in its own context (see watchedPage); close its context when done. */
  page(options?: { console?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs a demo person in, in a new watched context, runs `run` on the page, and closes the context. */
  as(email: string, run: (page: Page) => Promise<void>): Promise<void>;
  /** checkPage into `found`: axe at 1280 px, no sideways scroll at 390 px, screenshots at both. */
  check(page: Page, name: string): Promise<void>;
  /** No error, no axe violation and no sideways scroll on any page so far. */
  expectClean(): void;
}

/**
 * The lifecycle every browser test shares: before the file's tests, the built dashboard on a new
 * database with the demo centre and Debian's Chromium; after them, both closed (the server's
 * database removed). Call it at the top of the test file.
 *
 * @param env - extra environment for the server
 * @returns the file's server, browser and findings, read inside tests and hooks
 */
export function useServerAndBrowser(env: Record<string, string> = {}): ServerAndBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  const found: PageChecks = { axe: {}, sideways: [] };
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is not started: use it inside a test or a hook after useServerAndBrowser's`);
    return value;
  };
  const it: ServerAndBrowser = {
    get server() {
      return started(server, "server");
    },
    get browser() {
      return started(browser, "browser");
    },
    errors,
    found,
    page: (options) => watchedPage(it.browser, errors, options),
    async as(email, run) {
      const { context, page } = await it.page();
      try {
        await signIn(page, it.server.url, demoPerson(it.server, email));
        await run(page);
      } finally {
        await context.close();
      }
    },
    check: (page, name) => checkPage(page, name, found),
    expectClean() {
      expect(errors).toEqual([]);
      expect(Object.fromEntries(Object.entries(found.axe).filter(([, v]) => v.length))).toEqual({});
      expect(found.sideways).toEqual([]);
    },
  };
  return it;
}
