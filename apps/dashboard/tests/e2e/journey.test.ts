import { describe, expect, it, vi } from "vitest";
import { at, demoPerson, signIn, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 120_000 });

// One person after another, as at a centre: a learner records a session and submits Unit 501, the
// assessor marks it, the IQA ratifies it, and the result sheet downloads as a PDF. Every page is
// checked with axe-core (and must fit a phone), and no page may log an error (a CSP violation logs one).

const e2e = useServerAndBrowser();
const { check: checkAccessibility } = e2e;

describe("a unit from the learner's session record to the IQA's ratification", () => {
  it("lets a learner sign in, record a session, see an error, fix it and submit the unit", async () => {
    const { context, page } = await e2e.page();
    await page.goto(`${e2e.server.url}/sign-in`);
    await checkAccessibility(page, "sign-in");
    await signIn(page, e2e.server.url, demoPerson(e2e.server, "learner1@demo.ilm-forms.test"));
    expect(new URL(page.url()).pathname).toBe("/learner");
    await checkAccessibility(page, "learner home");

    await page.getByRole("link", { name: "Unit 501" }).click();
    await at(page, /\/learner\/units\/501$/);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Unit 501");
    expect(await page.locator(".summary-list").innerText()).toMatch(/Coaching hours[\s\S]*of at least 18/);
    await checkAccessibility(page, "learner unit");

    await page.getByRole("list", { name: "Add a document" }).getByRole("link", { name: "Coaching/ Mentoring Record" }).click();
    await at(page, /\/learner\/documents\/new/);
    await page.getByLabel("Client Ref/ID").fill("Client 1");
    await page.getByLabel("Session No.").fill("7");
    await page.getByLabel("Date of Session").fill("2026-04-14");
    await page.getByLabel("Goal", { exact: false }).first().fill("Plan the handover of the weekly rota to the two team leads.");
    await page.getByRole("button", { name: /save/i }).first().click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.innerText()).toContain("Duration is required");
    await checkAccessibility(page, "document with errors");

    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Minutes").fill("30");
    await page.getByRole("button", { name: /save/i }).first().click();
    await at(page, /\/learner\/documents\/[\w-]+\?saved=1&unit=501$/);
    expect(await page.getByRole("status").first().innerText()).toContain("Saved");

    await page.goto(`${e2e.server.url}/learner/units/501`);
    // The unit's documents are grouped by client, one table a client.
    expect((await page.locator("section[aria-labelledby^=client-]").allInnerTexts()).join("\n")).toContain("Session 7");
    await page.getByRole("link", { name: "Submit this unit for assessment" }).click();
    await at(page, /\/submit$/);
    await checkAccessibility(page, "submit");
    await page.getByRole("button", { name: "Submit for assessment" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("Confirm that the work is your own");
    await page.getByLabel(/my own work/).check();
    await page.getByLabel("Type your full name to sign").fill(await page.locator(".site-header__who").innerText().then((t) => t.split(",")[0]!));
    await page.getByRole("button", { name: "Submit for assessment" }).click();
    await at(page, /\/learner\/units\/501\?submitted=1$/);
    await context.close();
  });

  it("locks the submitted session record, and tells the second of two tabs saving another document that it changed, keeping that tab's changes as a draft", async () => {
    const { context, page } = await e2e.page();
    await signIn(page, e2e.server.url, demoPerson(e2e.server, "learner1@demo.ilm-forms.test"));
    await page.goto(`${e2e.server.url}/learner/units/501`);
    // Session 7 went with Unit 501 to the assessor: it reads, but cannot be saved.
    await page.getByRole("link", { name: /Session 7/ }).first().click();
    await at(page, /\/learner\/documents\/[\w-]+/);
    expect(await page.getByRole("status").filter({ hasText: "submitted for assessment" }).innerText()).toContain("It cannot be changed while it is being assessed");
    expect(await page.getByRole("button", { name: /save/i }).count()).toBe(0);

    // A new session record is in no submission: two tabs edit it.
    await page.goto(`${e2e.server.url}/learner/units/501`);
    await page.getByRole("list", { name: "Add a document" }).getByRole("link", { name: "Coaching/ Mentoring Record" }).click();
    await at(page, /\/learner\/documents\/new/);
    await page.getByLabel("Client Ref/ID").fill("Client 1");
    await page.getByLabel("Session No.").fill("8");
    await page.getByLabel("Date of Session").fill("2026-04-21");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
    await page.getByRole("button", { name: /save/i }).first().click();
    await at(page, /\/learner\/documents\/[\w-]+\?saved=1&unit=501$/);
    const href = new URL(page.url()).pathname;
    const first = page;
    const second = await context.newPage();
    await first.goto(`${e2e.server.url}${href}`);
    await second.goto(`${e2e.server.url}${href}`);
    await first.getByLabel("Reality/current situation").fill("Written in the first tab.");
    await first.getByRole("button", { name: /save/i }).first().click();
    await expect.poll(() => first.getByRole("status").first().innerText()).toContain("Saved");
    await second.getByLabel("Reality/current situation").fill("Written in the second tab.");
    await second.getByRole("button", { name: /save/i }).first().click();
    await expect.poll(() => second.getByRole("alert").first().innerText()).toContain("Someone else changed this document after you opened it");
    await second.reload();
    await second.waitForLoadState("networkidle");
    expect(await second.getByRole("region", { name: "Unsaved changes restored" }).count()).toBe(1);
    expect(await second.getByLabel("Reality/current situation").inputValue()).toBe("Written in the second tab.");
    // Drafts belong to the browser (both tabs share them); what the server stored is the first tab's text.
    await first.goto(`${e2e.server.url}/documents/${href!.split("/").pop()!.split("?")[0]}`);
    expect(await first.getByLabel("Reality/current situation").inputValue()).toBe("Written in the first tab.");
    await context.close();
  });

  it("lets the assessor mark every criterion and record the decision as provisional", async () => {
    const { context, page } = await e2e.page();
    await signIn(page, e2e.server.url, demoPerson(e2e.server, "assessor1@demo.ilm-forms.test"));
    expect(new URL(page.url()).pathname).toBe("/assessor");
    await checkAccessibility(page, "assessor queue");
    await page.getByRole("link", { name: /^Mark Unit 501/ }).first().click();
    await at(page, /\/assessor\/submissions\//);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Unit 501 Result Sheet");
    expect(await page.locator(".descriptors").first().innerText()).toMatch(/Referral[\s\S]*Pass/);
    await checkAccessibility(page, "marking");

    const criteria = await page.locator("fieldset[id^=decision-]").count();
    expect(criteria).toBe(11);
    await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("choose Pass or Referral");
    for (let i = 0; i < criteria; i++) await page.locator("fieldset[id^=decision-]").nth(i).getByLabel("Pass").check();
    await page.getByRole("button", { name: "Record the assessor’s decision" }).click();
    await at(page, /\?recorded=1$/);
    await expect.poll(() => page.locator(".summary-list").innerText()).toMatch(/Unit outcome\s*Pass \(provisional/);
    await context.close();
  });

  it("lets the IQA ratify the decision, and the result sheet download as a PDF", async () => {
    const { context, page } = await e2e.page();
    await signIn(page, e2e.server.url, demoPerson(e2e.server, "iqa@demo.ilm-forms.test"));
    expect(new URL(page.url()).pathname).toBe("/iqa");
    await checkAccessibility(page, "iqa sample");
    await page.getByRole("link", { name: /^Review Unit 501/ }).first().click();
    await at(page, /\/iqa\/submissions\//);
    await checkAccessibility(page, "iqa review");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the result sheet (PDF)" }).click();
    const file = await download;
    const path = await file.path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    expect(file.suggestedFilename()).toMatch(/_501_result-sheet-501\.pdf$/);

    await page.getByLabel("Ratify", { exact: true }).check();
    await page.getByRole("button", { name: "Record the review" }).click();
    await at(page, /\/iqa\?ratified=1$/);
    // The address changes before React has drawn the new page: under load the old sample can still be there.
    await expect.poll(() => page.getByRole("table", { name: "Units in the sample" }).count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByRole("table", { name: "Ratified units" }).getByRole("row").filter({ hasText: "501" }).count()).toBe(1);
    await context.close();
  });

  it("shows the admin page, and no page logged an error or an accessibility violation", async () => {
    const { context, page } = await e2e.page();
    await signIn(page, e2e.server.url, demoPerson(e2e.server, "admin@demo.ilm-forms.test"));
    expect(new URL(page.url()).pathname).toBe("/admin");
    await checkAccessibility(page, "admin");
    await context.close();
    e2e.expectClean();
    expect(Object.keys(e2e.found.axe).sort()).toEqual(["admin", "assessor queue", "document with errors", "iqa review", "iqa sample", "learner home", "learner unit", "marking", "sign-in", "submit"]);
  });
});
