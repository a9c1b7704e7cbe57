import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../test/serveStatic.ts";

// The prebuilt lean entry in Chromium: a portal page that imports `@ilm-forms/react/form` (resolved
// through the export map, so the bundle in dist/bundle), built by Vite for production and served
// with a strict Content-Security-Policy. The gallery's suite covers the main entry the same way.
const require = createRequire(import.meta.url);
const pageDir = join(import.meta.dirname, "../test/lean-page");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let out: string;
let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const consoleErrors: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "ilm-lean-page-"));
  const alias = ["@ilm-forms/react/form", "@ilm-forms/react/styles.css"].map((name) => ({ find: name, replacement: require.resolve(name) }));
  await build({ root: pageDir, configFile: false, logLevel: "error", base: "./", plugins: [react()], resolve: { alias }, build: { outDir: out, emptyOutDir: true } });
  // The page must hold the prebuilt bundle, not the sources: only the bundle has the stand-in of
  // the RJSF fields no ILM template uses (decision 043), with its message.
  const assets = join(out, "assets");
  const built = readdirSync(assets).filter((file) => file.endsWith(".js")).map((file) => readFileSync(join(assets, file), "utf8")).join("\n");
  if (!built.includes("not in the prebuilt @ilm-forms/react")) throw new Error("the page was not built from dist/bundle/form.js");
  server = await serveStatic(out);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function open(params: Record<string, string> = {}): Promise<void> {
  await page.goto(`${server.url}/?${new URLSearchParams(params).toString()}`);
  await page.waitForSelector("form.ilm-form");
}

async function axeViolations(): Promise<{ id: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
  }, WCAG_TAGS);
}

describe("@ilm-forms/react/form (the prebuilt bundle) in Chromium, under a strict Content-Security-Policy", () => {
  it("fills and submits a session record with no CSP violation or error in the console", async () => {
    consoleErrors.length = 0;
    await open();
    await page.getByLabel("Client Ref/ID").fill("Client 2");
    await page.getByLabel("Session No.").fill("3");
    await page.getByLabel("Date of Session").fill("2026-03-10");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Minutes").fill("50");
    await page.getByLabel("Goal", { exact: false }).first().fill("Hand over the monthly forecast.");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const data = JSON.parse(await page.getByTestId("submitted").innerText()) as Record<string, unknown>;
    expect(data).toMatchObject({ clientRef: "Client 2", sessionNo: 3, sessionDate: "2026-03-10", duration: 1.83 });
    expect(consoleErrors).toEqual([]);
  });

  it("shows core's messages beside the fields and in a focused error summary, with no axe violation", async () => {
    await open();
    expect(await axeViolations(), "empty").toEqual([]);
    await page.getByLabel("Session No.").fill("0");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole("link").allInnerTexts()).toEqual(expect.arrayContaining(["Client Ref/ID is required", "Date of Session is required", "Duration is required"]));
    expect(await page.getByLabel("Client Ref/ID").getAttribute("aria-invalid")).toBe("true");
    await summary.getByRole("link", { name: "Date of Session is required" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("root_sessionDate");
    expect(await axeViolations(), "with errors").toEqual([]);
  });

  it("gives two forms of one template on one page their own ids, error summaries and headings", async () => {
    await open({ two: "1" });
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((element) => element.id));
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const second = page.getByRole("region", { name: "Second record" });
    await second.getByRole("button", { name: "Save and continue" }).click();
    await page.getByRole("region", { name: "First record" }).getByRole("button", { name: "Save and continue" }).click();
    const summaries = page.getByRole("alert");
    await expect.poll(() => summaries.count()).toBe(2);
    const titles = await page.locator(".ilm-error-summary__title").evaluateAll((headings) => headings.map((heading) => heading.id));
    expect(new Set(titles).size).toBe(2);
    await second.getByRole("alert").getByRole("link", { name: "Date of Session is required" }).click();
    const focused = await page.evaluate(() => ({ id: document.activeElement?.id, inSecond: document.activeElement?.closest("section")?.getAttribute("aria-label") }));
    expect(focused.inSecond).toBe("Second record");
    expect(focused.id).toMatch(/^ilm-form-\d+_sessionDate$/);
    expect(await axeViolations()).toEqual([]);
  });

  it("warns while the person types a name into free text, with no registry in the bundle", async () => {
    await open();
    const goal = page.getByLabel("Goal", { exact: false }).first();
    await goal.fill("Help Priya hand over the monthly forecast.");
    await expect.poll(() => page.locator(".ilm-warning").count()).toBe(1);
    expect(await page.locator(".ilm-warning").innerText()).toContain("“Priya”");
    expect(await goal.getAttribute("aria-describedby")).toContain("__warning");
    await goal.fill("Help Client 2 hand over the monthly forecast.");
    await expect.poll(() => page.locator(".ilm-warning").count()).toBe(0);
    // A name the host knows from elsewhere (not a common first name) is warned about too.
    await goal.fill("Asked Kettering about the forecast.");
    await page.waitForTimeout(400);
    expect(await page.locator(".ilm-warning").count()).toBe(0);
    await open({ known: "Dana Kettering" });
    await page.getByLabel("Goal", { exact: false }).first().fill("Asked Kettering about the forecast.");
    await expect.poll(() => page.locator(".ilm-warning").count()).toBe(1);
    expect(await page.locator(".ilm-warning").innerText()).toContain("“Kettering”");
  });

  it("keeps a draft across a reload", async () => {
    await open({ drafts: "1" });
    await page.evaluate(() => localStorage.clear());
    await open({ drafts: "1" });
    await page.getByLabel("Client Ref/ID").fill("Client 7");
    await page.reload();
    await page.waitForSelector("form.ilm-form");
    // What the page hid left in storage, read before the form restores it: if the field stays empty,
    // the message says whether the draft was lost on hiding or never restored.
    const stored = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)));
    await expect.poll(() => page.getByLabel("Client Ref/ID").inputValue(), { message: `the field after the reload (stored: ${JSON.stringify(stored)})` }).toBe("Client 7");
    expect(stored).toHaveLength(1);
    expect(await page.getByRole("region", { name: "Unsaved changes restored" }).count()).toBe(1);
  });

  it("keeps the last keystroke in the draft when the page is hidden before the form has caught up", async () => {
    await open({ drafts: "1" });
    await page.evaluate(() => localStorage.clear());
    await open({ drafts: "1" });
    // In one task: type into the box, then hide the page. The form receives typed text as a React
    // transition, which cannot have run yet, so only the hand-over on hide can put the text in the draft.
    const stored = await page.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>("#root_clientRef")!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(box, "Client 9");
      box.dispatchEvent(new Event("input", { bubbles: true }));
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
      return Object.keys(localStorage).map((key) => localStorage.getItem(key));
    });
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!).data).toMatchObject({ clientRef: "Client 9" });
  });

  it("counts the report's words as the learner types and shows them against the suggestion as guidance, announcing only a change of band", async () => {
    consoleErrors.length = 0;
    await open({ template: "assignment-500" });
    const count = page.getByLabel("Word count");
    const guidance = page.locator(".ilm-word-count__guidance");
    const status = page.locator(".ilm-word-count").getByRole("status");
    expect(await count.inputValue()).toBe("0");
    expect(await count.getAttribute("readonly")).not.toBeNull();
    expect(await guidance.innerText()).toBe("Below the suggested word count (4,000 to 5,500 words) by 4,000 words. This is guidance, not a requirement.");
    expect(await count.getAttribute("aria-describedby")).toContain(await guidance.getAttribute("id"));
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await status.innerText()).toBe("");
    // The suggestion (from the field's x-ilm annotation) is printed as the field's hint.
    expect(await page.locator("#root_wordCount__description").innerText()).toBe("The suggested word count for this unit is 4,000 to 5,500 words, not including appendices.");

    await page.getByLabel(/^As an introduction to the report/).fill("word ".repeat(3998).trim());
    await expect.poll(() => count.inputValue()).toBe("3,998");
    expect(await status.innerText()).toBe("");
    await page.getByLabel(/^1\.1 Starting with definitions/).fill("two more");
    await expect.poll(() => count.inputValue()).toBe("4,000");
    await expect.poll(() => status.innerText()).toBe("Within the suggested word count (4,000 to 5,500 words).");
    // More words within the band: the count moves, the announcement does not.
    await page.getByLabel(/^1\.1 Starting with definitions/).fill("now five words in all");
    await expect.poll(() => count.inputValue()).toBe("4,003");
    expect(await status.innerText()).toBe("Within the suggested word count (4,000 to 5,500 words).");
    // References are not counted (the annotation's "of" leaves them out).
    await page.getByLabel("References").fill("Whitmore J (2017) Coaching for Performance");
    await page.waitForTimeout(300);
    expect(await count.inputValue()).toBe("4,003");
    await page.getByLabel(/^1\.2 Provide an evaluation/).fill("more ".repeat(1600).trim());
    await expect.poll(() => count.inputValue()).toBe("5,603");
    await expect.poll(() => status.innerText()).toBe("Above the suggested word count (4,000 to 5,500 words). This is guidance, not a requirement.");
    expect(await guidance.innerText()).toBe("Above the suggested word count (4,000 to 5,500 words) by 103 words. This is guidance, not a requirement.");
    expect(await axeViolations()).toEqual([]);

    // Guidance, never a refusal: the report goes out with the counted number, whatever was typed.
    await page.getByLabel("Learner Name").fill("Priya Shah");
    await page.getByLabel("Learner Registration No.").fill("ILM-1");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const data = JSON.parse(await page.getByTestId("submitted").innerText()) as Record<string, unknown>;
    expect(data).toMatchObject({ learnerName: "Priya Shah", wordCount: 5603 });
    expect(consoleErrors).toEqual([]);
  });

  it("shows a stored report's count read-only, counted from its text", async () => {
    await open({ template: "assignment-500", readonly: "1", value: JSON.stringify({ learnerName: "Priya Shah", registrationNo: "ILM-1", wordCount: 9, introduction: "Three words here" }) });
    expect(await page.getByLabel("Word count").inputValue()).toBe("3");
    expect(await page.locator(".ilm-word-count__guidance").innerText()).toContain("by 3,997 words");
  });

  it("shows a completed document read-only, table rows included", async () => {
    const value = { clientRef: "Client 1", sessions: [{ sessionNo: 1, sessionDate: "2026-02-24", duration: 1.5 }, { sessionNo: 2, sessionDate: "2026-03-10", duration: 1.25 }] };
    await open({ template: "hours-log", readonly: "1", value: JSON.stringify(value) });
    expect(await page.getByRole("button").count()).toBe(0);
    const clientRef = page.getByLabel("Client ref/ID", { exact: false }).first();
    expect(await clientRef.inputValue()).toBe("Client 1");
    expect(await clientRef.getAttribute("readonly")).not.toBeNull();
    expect(await page.locator("tbody tr").count()).toBe(2);
    expect(await page.locator('tbody input[value="2026-03-10"]').count()).toBe(1);
  });
});
