import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { chromium, type Browser } from "playwright-core";
import { build, type Plugin } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "./test/serveStatic.ts";
import { ilmFormsPreload } from "./vite.ts";

// `ilmFormsPreload` (decision 060) in a real Vite production build of a page with one form by id
// (the main entry's prebuilt bundle, through the export map), then that page in Chromium under a
// strict Content-Security-Policy.
const require = createRequire(import.meta.url);
const pageDir = join(import.meta.dirname, "test/by-id-page");
const alias = ["@ilm-forms/react/styles.css", "@ilm-forms/react"].map((name) => ({ find: new RegExp(`^${name}$`), replacement: require.resolve(name) }));

let built: { out: string; files: string[]; html: string; js: string } | undefined;
let browser: Browser;

async function buildPage(plugins: Plugin[]) {
  const out = mkdtempSync(join(tmpdir(), "ilm-by-id-page-"));
  await build({ root: pageDir, configFile: false, logLevel: "error", base: "/", plugins: [react(), ...plugins], resolve: { alias }, build: { outDir: out, emptyOutDir: true } });
  const files = readdirSync(join(out, "assets"));
  const entry = files.find((file) => file.startsWith("index-") && file.endsWith(".js"));
  if (!entry) throw new Error(`no entry chunk among ${files.join(", ")}`);
  return { out, files, html: readFileSync(join(out, "index.html"), "utf8"), js: readFileSync(join(out, "assets", entry), "utf8") };
}

/** Opens the page and notes whether the loading line was ever in the document before the form. */
async function open(out: string): Promise<{ loadingLineSeen: boolean; problems: string[] }> {
  const server = await serveStatic(out);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.addInitScript(() => {
    const seen = (window as unknown as { __loadingLineSeen: boolean });
    seen.__loadingLineSeen = false;
    new MutationObserver(() => {
      if (document.querySelector(".ilm-form-loading")) seen.__loadingLineSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  try {
    await page.goto(`${server.url}/`);
    await page.getByLabel("Client Ref/ID").waitFor();
    const loadingLineSeen = await page.evaluate(() => (window as unknown as { __loadingLineSeen: boolean }).__loadingLineSeen);
    return { loadingLineSeen, problems };
  } finally {
    await page.close();
    await server.close();
  }
}

beforeAll(async () => {
  built = await buildPage([ilmFormsPreload({ templates: ["ilm-8588/session-record"] })]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (built) rmSync(built.out, { recursive: true, force: true });
});

describe("ilmFormsPreload in a Vite production build", () => {
  it("bundles the named template (its current version) into the page's script; the other templates and versions keep their own chunks", () => {
    const { files, js, html } = built!;
    expect(files.filter((file) => file.startsWith("session-record@3.0.0"))).toEqual([]);
    expect(files.some((file) => file.startsWith("session-record@2.0.0"))).toBe(true);
    expect(files.some((file) => file.startsWith("client-feedback@2.0.0"))).toBe(true);
    expect(js).toContain('"id":"ilm-8588/session-record","version":"3.0.0"');
    // Nothing left to preload for it: the page's script holds it.
    expect(html).not.toContain('rel="modulepreload"');
  });

  it("renders the form by id at once in Chromium: the loading line never shows, no CSP violation", async () => {
    const { loadingLineSeen, problems } = await open(built!.out);
    expect(loadingLineSeen).toBe(false);
    expect(problems).toEqual([]);
  });

  it("without the plugin the same page loads the template's chunk after its script, showing the loading line first", async () => {
    const plain = await buildPage([]);
    try {
      expect(plain.files.some((file) => file.startsWith("session-record@3.0.0"))).toBe(true);
      const { loadingLineSeen, problems } = await open(plain.out);
      expect(loadingLineSeen).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      rmSync(plain.out, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a template that does not exist", () => {
    expect(() => ilmFormsPreload({ templates: ["ilm-8588/nothing"] })).toThrow("ilmFormsPreload: there is no template ilm-8588/nothing.");
  });
});
