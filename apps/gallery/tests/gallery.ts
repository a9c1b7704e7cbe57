import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";

const appDir = join(import.meta.dirname, "..");

/** Builds the gallery with vite into `dist/` (the same build as `pnpm --filter gallery build`). */
export async function buildGallery(): Promise<string> {
  await build({ root: appDir, logLevel: "error", configFile: join(appDir, "vite.config.ts") });
  return join(appDir, "dist");
}

/** axe-core's browser script, injected with `page.evaluate` (which a page's CSP does not govern). */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The WCAG 2.2 A and AA rules. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** A violation, short enough to read in a failed assertion. */
export interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe on the page with the WCAG 2.2 A/AA rules.
 *
 * @param page - the page (axe is injected once per document)
 * @returns the violations
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const injected = await page.evaluate(() => "axe" in window);
  if (!injected) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  }, WCAG_TAGS);
}

/**
 * Opens a template in the gallery and waits for its form.
 *
 * @param page - the page
 * @param base - the server's URL
 * @param template - the template id
 * @param params - more of the gallery's query parameters (`example`, `drafts`, `readonly`)
 */
export async function openTemplate(page: Page, base: string, template: string, params: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams({ template, example: "empty", ...params });
  await page.goto(`${base}/?${query.toString()}`);
  await page.waitForSelector("form.ilm-form");
}
