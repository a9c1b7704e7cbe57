import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

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
export async function signIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  for (let waited = 0; new URL(page.url()).pathname.startsWith("/sign-in"); waited += 100) {
    if (waited > 30_000) throw new Error(`Still on the sign-in page: ${await page.locator("main").innerText()}`);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState("networkidle");
}

/**
 * A page in a new browser context (downloads accepted) whose console errors and uncaught page errors
 * are added to `errors`, so a test can assert none happened.
 *
 * @param browser - the browser
 * @param errors - where each error goes, as `url: message`
 * @returns the context (close it when done) and its page
 */
export async function watchedPage(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
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

/**
 * Axe at 1280 px, and at 390 px the page must not be wider than the screen. With ILM_SCREENSHOTS=<folder>
 * a picture of the page at both widths is kept, to look at (each after the page has laid itself out anew).
 *
 * @param page - the page, at 1280 px
 * @param name - the page's name in the findings and the pictures' file names
 * @param found - where the findings go
 */
export async function checkPage(page: Page, name: string, found: PageChecks): Promise<void> {
  found.axe[name] = await axeViolations(page);
  const shots = process.env.ILM_SCREENSHOTS;
  const file = (width: number) => `${shots}/${name.replace(/[^\w]+/g, "-")}-${width}.png`;
  const laidOut = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  if (shots) await page.screenshot({ path: file(1280), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await laidOut();
  if (shots) await page.screenshot({ path: file(390), fullPage: true });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 390) found.sideways.push(`${name}: ${wide} px`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await laidOut();
}
