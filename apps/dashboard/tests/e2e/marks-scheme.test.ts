import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registry, unitCriteria } from "@ilm-forms/core";
import { describe, expect, it, vi } from "vitest";
import { at, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// The second scheme end to end in Chromium, with nothing about it in the dashboard's code: the centre
// admin registers a learner on the qualification whose data says "marks"; the learner fills in its
// document (a draft restored into the real form, then saved) and submits; the assessor gives a mark per
// criterion, is refused a mark above a criterion's maximum (named), records marks totalling out of 100;
// quality assurance ratifies; the result sheet carries the marks and the total. Axe on every page
// checked; none may scroll sideways at 390 px.

const e2e = useServerAndBrowser();
const { as, check } = e2e;
const QUALIFICATION = registry.qualifications().find((q) => q.scheme === "marks")!;
const UNIT = QUALIFICATION.units.find((u) => u.current)!;
const TEMPLATE = registry.list().find((t) => t.id.startsWith(`${QUALIFICATION.id}/`) && !t.annotations.generatedFrom)!;
const LEARNER = "learner1@demo.ilm-forms.test";
const ADMIN = "admin@demo.ilm-forms.test";
const ASSESSOR = "assessor1@demo.ilm-forms.test";
const IQA = "iqa@demo.ilm-forms.test";

describe("a marks scheme, registered, submitted, marked out of 100, ratified and printed", () => {
  it("runs every step in Chromium", async () => {
    let learnerName = "";
    let ASSESSOR_NAME = "";
    await as(ASSESSOR, async (page) => {
      await page.goto(`${e2e.server.url}/assessor`);
      ASSESSOR_NAME = (await page.locator("header").innerText()).match(/([A-Z][a-z]+ [A-Z][a-z]+), ilm-forms/)?.[1] ?? "";
    });
    await as(LEARNER, async (page) => {
      await page.goto(`${e2e.server.url}/learner`);
      learnerName = (await page.locator(".lead").first().innerText()).split(",")[0]!.trim();
    });

    // 1. The centre admin registers the learner on the marks-scheme unit the registry lists.
    await as(ADMIN, async (page) => {
      await page.goto(`${e2e.server.url}/admin`);
      // Demo names can repeat: the learner chosen here must be the only one of that name.
      expect(await page.locator("#register-learner option").filter({ hasText: learnerName }).count()).toBe(1);
      await page.locator("#assign-assessor").selectOption({ label: ASSESSOR_NAME });
      await page.locator("#assign-learner").selectOption({ label: learnerName });
      await page.getByRole("button", { name: "Assign", exact: true }).click();
      await page.waitForLoadState("networkidle");
      await page.locator("#register-learner").selectOption({ label: learnerName });
      const value = await page.locator("#register-unit option").filter({ hasText: QUALIFICATION.title }).first().getAttribute("value");
      await page.locator("#register-unit").selectOption(value!);
      await page.getByRole("button", { name: "Register", exact: true }).click();
      await expect.poll(() => page.getByText("The learner was registered.").count()).toBe(1);
    });

    // 2. The learner fills in the document (a draft restored into the form) and saves it, then submits.
    await as(LEARNER, async (page) => {
      const [scheme, name] = TEMPLATE.id.split("/") as [string, string];
      const example = (JSON.parse(readFileSync(join(import.meta.dirname, "../../../../schemas", scheme, "examples", `${name}.json`), "utf8")) as { valid: Array<Record<string, unknown>> }).valid[0]!;
      await page.goto(`${e2e.server.url}/learner/documents/new?template=${encodeURIComponent(TEMPLATE.id)}`);
      await page.evaluate(
        ([key, data]) => localStorage.setItem(key, JSON.stringify({ data, savedAt: new Date().toISOString() })),
        [`ilm-forms:draft:${TEMPLATE.id}@${TEMPLATE.version}:new-${TEMPLATE.id}`, example] as const,
      );
      await page.reload();
      await expect.poll(() => page.getByText("Unsaved changes restored").count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await check(page, "marks document, draft restored");
      await page.getByRole("button", { name: /save/i }).first().click();
      await at(page, /\/learner\/documents\/[^/?]+\?saved=1/);
      await page.goto(`${e2e.server.url}/learner/units/${UNIT.id}/submit`);
      await page.locator("#confirm").check();
      await page.getByLabel("Type your full name to sign").fill(learnerName);
      await page.getByRole("button", { name: "Submit for assessment" }).click();
      await at(page, new RegExp(`/learner/units/${UNIT.id}\\?submitted=1$`));
    });

    // 3. The assessor: a mark above a criterion's maximum is refused, naming it; then marks for all.
    const criteria = unitCriteria(UNIT);
    const marks = criteria.map((c) => Math.max(0, c.maxMarks! - 1));
    let submissionId = "";
    await as(ASSESSOR, async (page) => {
      await page.goto(`${e2e.server.url}/assessor`);
      await page.getByRole("link", { name: new RegExp(`^Mark Unit ${UNIT.id} `) }).first().click();
      await at(page, /\/assessor\/submissions\//);
      submissionId = new URL(page.url()).pathname.split("/").pop()!;
      await check(page, "marking by marks");
      expect(await page.getByRole("radio").count()).toBe(0);
      const first = criteria[0]!;
      await page.getByLabel(`Marks for AC ${first.id} (out of ${first.maxMarks})`).fill(String(first.maxMarks! + 1));
      await page.getByRole("button", { name: "Save marks as draft" }).click();
      await expect.poll(() => page.getByRole("alert").innerText()).toContain(`AC ${first.id}: ${first.maxMarks! + 1} marks is more than its maximum of ${first.maxMarks}`);
      for (const [i, c] of criteria.entries()) await page.getByLabel(`Marks for AC ${c.id} (out of ${c.maxMarks})`).fill(String(marks[i]));
      await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
      await at(page, /\?recorded=1$/);
      expect(await page.locator("#total-marks").innerText()).toBe(`Total: ${marks.reduce((a, b) => a + b, 0)} out of ${UNIT.totalMarks}`);
    });

    // 4. Quality assurance ratifies.
    await as(IQA, async (page) => {
      await page.goto(`${e2e.server.url}/iqa`);
      // The queue shows the provisional total as the outcome, not Pass.
      const row = page.locator("tr", { has: page.getByRole("link", { name: new RegExp(`^Review Unit ${UNIT.id} `) }) }).first();
      expect(await row.innerText()).toContain(`${marks.reduce((a, b) => a + b, 0)} out of ${UNIT.totalMarks}`);
      expect(await row.innerText()).not.toMatch(/\bPass\b/);
      await check(page, "iqa home, marks");
      await page.getByRole("link", { name: new RegExp(`^Review Unit ${UNIT.id} `) }).first().click();
      await at(page, /\/iqa\/submissions\//);
      await page.getByLabel("Ratify", { exact: true }).check();
      await page.getByRole("button", { name: "Record the review" }).click();
      await at(page, /\/iqa\?(ratified|returned)=1$/);
      await page.goto(`${e2e.server.url}/iqa/submissions/${submissionId}`);
      expect(await page.getByRole("status").filter({ hasText: "Ratified" }).innerText()).toContain(`Ratified ${marks.reduce((a, b) => a + b, 0)} out of ${UNIT.totalMarks} (attempt 1)`);
    });

    // 5. The result sheet (HTML) carries each mark and the total out of 100; its outcome is that total,
    // never Pass or Referral (the data declares no pass mark; decision 052).
    const total = marks.reduce((a, b) => a + b, 0);
    const words = `${total} out of ${UNIT.totalMarks}`;
    expect(UNIT.passMark).toBeUndefined();
    // Quality assurance downloads it: the sheet then carries the QA signature and the unit's outcome.
    await as(IQA, async (page) => {
      const response = await page.request.get(`${e2e.server.url}/downloads/result-sheet/${submissionId}.html`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain(`Total marks (out of ${UNIT.totalMarks})`);
      for (const c of criteria) expect(html).toContain(`Marks (out of ${c.maxMarks})`);
      expect(html).toContain(String(total));
      expect(html).toMatch(new RegExp(`Assessor’s Decision:</th><td>\\s*${words}`));
      expect(html).toMatch(new RegExp(`Unit Outcome:</th><td>\\s*${words}`));
      // No "PASS / REFERRAL" to delete as applicable, nothing chosen or struck.
      expect(html).not.toMatch(/<(strong|s)>\s*(PASS|REFERRAL|Pass|Referral)\s*<\/(strong|s)>/);
    });

    // 6. The learner sees the total as the unit's outcome, and no Pass or Referral.
    await as(LEARNER, async (page) => {
      await page.goto(`${e2e.server.url}/learner/units/${UNIT.id}`);
      const panel = await page.locator("#assessment").locator("xpath=..").innerText();
      expect(panel).toContain(`Ratified (attempt 1): ${words}.`);
      expect(panel).not.toMatch(/\b(Pass|Referral)\b/);
      await check(page, "learner unit, marks ratified");
    });

    e2e.expectClean();
  });
});
