import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { at, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// The whole assessment cycle, one person after another in Chromium: the learner submits Unit 501; the
// assessor refers two criteria with feedback; quality assurance returns the decision with a comment; the
// assessor sees it and records again; quality assurance ratifies; the learner sees the ratified Referral
// with the feedback and the two criteria, changes a document and submits attempt 2; the assessor sees
// attempt 2 with the previous decisions and what changed, passes it; quality assurance ratifies; the
// learner sees the Pass, provisional because the centre requires external verification; the external
// quality assurer reads the sample (and why the unit is in it), comments and verifies; the learner then
// sees the Pass as final. Axe on every page; no page may scroll sideways at 390 px.

const e2e = useServerAndBrowser();
const { as, check } = e2e;

const LEARNER = "learner1@demo.ilm-forms.test";
const ASSESSOR = "assessor1@demo.ilm-forms.test";
const IQA = "iqa@demo.ilm-forms.test";
const EQA = "eqa@demo.ilm-forms.test";
const ADMIN = "admin@demo.ilm-forms.test";

async function submitUnit(page: Page): Promise<void> {
  await page.goto(`${e2e.server.url}/learner`);
  const learnerName = (await page.locator(".lead").first().innerText()).split(",")[0]!.trim();
  await page.goto(`${e2e.server.url}/learner/units/501/submit`);
  await check(page, "learner submit");
  await page.locator("#confirm").check();
  await page.getByLabel("Type your full name to sign").fill(learnerName);
  await page.getByRole("button", { name: "Submit for assessment" }).click();
  await at(page, /\/learner\/units\/501\?submitted=1$/);
}

async function openMarking(page: Page): Promise<void> {
  await page.goto(`${e2e.server.url}/assessor`);
  await page.getByRole("link", { name: /^Mark Unit 501/ }).first().click();
  await at(page, /\/assessor\/submissions\//);
}

async function review(page: Page, decision: "Ratify" | "Return to the assessor with comments", comments = ""): Promise<void> {
  await page.goto(`${e2e.server.url}/iqa`);
  await page.getByRole("link", { name: /^Review Unit 501/ }).first().click();
  await at(page, /\/iqa\/submissions\//);
  await check(page, `iqa review (${decision})`);
  await page.getByLabel(decision, { exact: true }).check();
  if (comments) await page.getByLabel("Comments to the assessor").fill(comments);
  await page.getByRole("button", { name: "Record the review" }).click();
  await at(page, /\/iqa\?(ratified|returned)=1$/);
}

describe("the assessment cycle, referral to a ratified Pass at the second attempt", () => {
  it("runs every step for every role, with the decision reaching the learner", async () => {
    // 1. The learner submits.
    await as(LEARNER, async (page) => {
      await submitUnit(page);
      expect(await page.locator("#assessment").locator("..").innerText()).toMatch(/Submitted on .* \(attempt 1\): waiting for your assessor/);
    });

    // 2. The assessor: Record with nothing marked is refused and stores nothing; two Referrals with feedback; draft; record.
    await as(ASSESSOR, async (page) => {
      await openMarking(page);
      await check(page, "marking, attempt 1");
      await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
      expect(await page.getByRole("alert").innerText()).toContain("choose Pass or Referral");
      const criteria = page.locator("fieldset[id^=decision-]");
      const count = await criteria.count();
      for (let i = 0; i < count; i++) await criteria.nth(i).getByLabel(i < 2 ? "Referral" : "Pass").check();
      await page.locator("textarea[id^=feedback-]").nth(0).fill("Show how the programme plan was agreed with the sponsor.");
      await page.locator("textarea[id^=feedback-]").nth(1).fill("The contract needs the stakeholder's signature and date.");
      await page.getByLabel(/^Learning Outcome 1 comments/).fill("Planning is thorough; the referrals are about records.");
      await page.getByRole("button", { name: "Save marks as draft" }).click();
      await expect.poll(() => page.getByRole("status").filter({ hasText: "saved as a draft" }).count()).toBe(1);
      await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
      await at(page, /\?recorded=1$/);
      await expect.poll(() => page.getByRole("status").filter({ hasText: "recorded as provisional" }).count()).toBe(1);
    });

    // The learner sees the provisional Referral, said as provisional.
    await as(LEARNER, async (page) => {
      await page.goto(`${e2e.server.url}/learner/units/501`);
      const panel = await page.locator("section[aria-labelledby=assessment]").innerText();
      expect(panel).toMatch(/Provisional Referral \(attempt 1\)/);
      expect(panel).toContain("quality assurance may still change it");
      expect(panel).toContain("The contract needs the stakeholder's signature and date.");
    });

    // 3. Quality assurance returns it with a comment; the assessor sees the comment and records again.
    await as(IQA, (page) => review(page, "Return to the assessor with comments", "Please say which document AC 1.2 refers to."));
    await as(ASSESSOR, async (page) => {
      await page.goto(`${e2e.server.url}/assessor`);
      expect(await page.locator("table").first().innerText()).toContain("Returned by quality assurance");
      await check(page, "assessor queue, returned");
      await openMarking(page);
      expect(await page.locator("#qa-return").innerText()).toContain("Please say which document AC 1.2 refers to.");
      await page.locator("textarea[id^=feedback-]").nth(1).fill("The contract (Client 1) needs the stakeholder's signature and date.");
      await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
      await at(page, /\?recorded=1$/);
    });

    // 4. Quality assurance ratifies; the page then says ratified and offers no second form.
    await as(IQA, async (page) => {
      await review(page, "Ratify");
      await page.goto(`${e2e.server.url}/iqa`);
      await check(page, "iqa home");
      await page.getByRole("link", { name: /Unit 501/ }).last().click();
      await at(page, /\/iqa\/submissions\//);
      expect(await page.getByRole("status").innerText()).toContain("Ratified Referral (attempt 1)");
      expect(await page.getByRole("button", { name: "Record the review" }).count()).toBe(0);
    });

    // 5. The learner sees the ratified Referral, the two criteria, changes a document and submits attempt 2.
    await as(LEARNER, async (page) => {
      await check(page, "learner home after referral");
      expect(await page.locator("#news").locator("..").innerText()).toContain("Unit 501 is ratified as a Referral: attempt 2 is open.");
      await page.goto(`${e2e.server.url}/learner/units/501`);
      await check(page, "learner unit after referral");
      const panel = await page.locator("section[aria-labelledby=assessment]").innerText();
      expect(panel).toMatch(/Ratified Referral \(attempt 1\)/);
      expect(panel).toContain("Work on these criteria for your next attempt");
      expect(panel).toContain("The contract (Client 1) needs the stakeholder's signature and date.");
      await page.getByRole("table").filter({ hasText: "Last saved" }).getByRole("link", { name: /Coaching\/ Mentoring Record/ }).first().click();
      await at(page, /\/learner\/documents\//);
      await check(page, "learner document");
      const goal = page.getByLabel("Goal", { exact: false }).first();
      await goal.fill("Agree the handover of the weekly rota, signed off by the sponsor.");
      await page.getByRole("button", { name: /save/i }).first().click();
      await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved." }).count()).toBeGreaterThan(0);
      await submitUnit(page);
    });

    // 6. The assessor sees attempt 2 with the previous decisions and what changed, and passes it.
    await as(ASSESSOR, async (page) => {
      await openMarking(page);
      await check(page, "marking, attempt 2");
      const attempt = await page.locator("section[aria-labelledby=attempt]").innerText();
      expect(attempt).toContain("Attempt 2");
      expect(attempt).toMatch(/What changed since attempt 1 \(1 of \d+ documents\)/);
      expect(await page.locator(".criterion").nth(1).innerText()).toContain("Attempt 1: Referral — The contract (Client 1)");
      const criteria = page.locator("fieldset[id^=decision-]");
      const count = await criteria.count();
      for (let i = 0; i < count; i++) await criteria.nth(i).getByLabel("Pass").check();
      await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
      await at(page, /\?recorded=1$/);
    });
    // The centre decides that decisions are final only after external verification.
    await as(ADMIN, async (page) => {
      await page.goto(`${e2e.server.url}/admin`);
      await check(page, "admin");
      await page.getByLabel("Decisions are final only after external verification").check();
      await page.getByRole("button", { name: "Save the settings" }).click();
      await expect.poll(() => page.getByRole("status").filter({ hasText: "settings are saved" }).count()).toBe(1);
      expect(await page.getByLabel("Decisions are final only after external verification").isChecked()).toBe(true);
    });
    await as(IQA, (page) => review(page, "Ratify"));

    // 7. The learner sees the ratified Pass, still provisional until the EQA verifies it, and cannot submit again.
    await as(LEARNER, async (page) => {
      await page.goto(`${e2e.server.url}/learner/units/501`);
      const panel = await page.locator("section[aria-labelledby=assessment]").innerText();
      expect(panel).toMatch(/Provisional Pass \(attempt 2\): internal quality assurance ratified it on .*; it is final once the external quality assurer verifies it\./);
      expect(panel).toContain("provisional until the external quality assurer verifies it");
      expect(await page.getByRole("link", { name: /Submit/ }).count()).toBe(0);
      await check(page, "learner unit after pass, provisional");
    });

    // 8. The EQA reads the sample with why the unit is in it, opens the unit, comments and verifies.
    await as(EQA, async (page) => {
      expect(new URL(page.url()).pathname).toBe("/eqa");
      await check(page, "eqa sample");
      // Attempt 1 (the ratified Referral) and attempt 2 are both in the sample; attempt 2 is the newest.
      expect(await page.locator("table.queue tbody tr").filter({ hasText: /501\s*Sam Assessor\s*1\s*Referral/ }).count()).toBe(1);
      const row = page.locator("table.queue tbody tr").filter({ hasText: /501\s*Sam Assessor\s*2\s*Pass/ });
      const text = await row.innerText();
      expect(text).toContain("Sam Assessor");
      expect(text).toMatch(/Pass, \d{4}-\d\d-\d\d \(Indira Quality\)/);
      // The IQA returned attempt 1 before ratifying it: the plan samples every unit of the assessor since.
      expect(text).toContain("Every unit of this assessor is sampled since a return, until 3 in a row are ratified unchanged (1 so far).");
      expect(text).toContain("Not yet");
      await row.getByRole("link", { name: /^Review Unit 501/ }).click();
      await at(page, /\/eqa\/submissions\//);
      await check(page, "eqa unit");
      expect(await page.getByRole("table").first().innerText()).toContain("Pass");
      expect(await page.locator("main").innerText()).toContain("ratified by Indira Quality");
      // The EQA reads the documents and the result sheet, but the page offers no decision to change.
      expect(await page.getByRole("radio").count()).toBe(0);
      const sheet = await page.request.get(`${e2e.server.url}${await page.getByRole("link", { name: "result sheet (PDF)" }).getAttribute("href")}`.replace(/\.pdf$/, ".html"));
      expect(sheet.status()).toBe(200);
      expect(await sheet.text()).toContain("Provisional: ratified by internal quality assurance");
      await page.getByRole("button", { name: "Add the comment" }).click();
      expect(await page.getByRole("alert").innerText()).toContain("Write your comment before you add it");
      await page.getByLabel("Your comment on this unit").fill("Feedback at attempt 2 is specific to each criterion; the IQA's return was well founded.");
      await page.getByRole("button", { name: "Add the comment" }).click();
      await at(page, /\?done=comment$/);
      expect(await page.getByRole("status").innerText()).toContain("Your comment is recorded.");
      expect(await page.getByLabel("Your comment on this unit").inputValue()).toBe("");
      await page.getByRole("button", { name: "Mark as externally verified" }).click();
      await at(page, /\?done=verified$/);
      expect(await page.getByRole("status").innerText()).toContain("Verified.");
      expect(await page.locator("main").innerText()).toMatch(/Externally verified\s+on \d{4}-\d\d-\d\d by Esther External/);
      expect(await page.getByRole("button", { name: "Mark as externally verified" }).count()).toBe(0);
      await check(page, "eqa unit verified");
      await page.goto(`${e2e.server.url}/eqa`);
      expect(await page.locator("main").innerText()).toMatch(/Verified \d{4}-\d\d-\d\d/);
    });

    // 9. The learner now reads the Pass as final.
    await as(LEARNER, async (page) => {
      expect(await page.locator("#news").locator("..").innerText()).toContain("Unit 501 is verified by the external quality assurer: Pass is final.");
      await page.goto(`${e2e.server.url}/learner/units/501`);
      const panel = await page.locator("section[aria-labelledby=assessment]").innerText();
      expect(panel).toMatch(/Ratified Pass \(attempt 2\): quality assurance agreed the assessor's decision on .* and the external quality assurer verified it on/);
      expect(panel).not.toContain("provisional");
      await check(page, "learner unit after pass, final");
    });

    e2e.expectClean();
  });
});
