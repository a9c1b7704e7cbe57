import { connectDatabase, createDocument, listDocuments, signIn as signInDb, type OpenDatabase } from "@ilm-forms/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { row } from "../support/database.ts";
import { at, demoPerson, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 240_000 });

// Records the centre keeps about a learner, in Chromium (issue 15, sections 6 and 7):
// - a professional discussion: the assessor records it with time stamps against criteria, the learner
//   confirms the notes, and the marking page shows it as evidence under each criterion it names;
// - an exceptional-circumstances record for a learner's 4th client: the assessor records it, the rules
//   count it only once the IQA approves it, and the learner's findings change then.
// Axe on every page; no page may scroll sideways at 390 px.

const e2e = useServerAndBrowser();
const { as, check, expectClean } = e2e;
let database: OpenDatabase;

const LEARNER1 = "learner1@demo.ilm-forms.test";
const LEARNER2 = "learner2@demo.ilm-forms.test";
const ASSESSOR = "assessor1@demo.ilm-forms.test";
const IQA = "iqa@demo.ilm-forms.test";

/** A learner's name and learner id, read from the server's database. */
async function learnerOf(email: string): Promise<{ id: string; name: string }> {
  return (await row<{ id: string; name: string }>(database, "select l.id as id, u.name as name from learners l join users u on u.id = l.user_id where u.email = ?", email))!;
}

beforeAll(async () => {
  database = await connectDatabase(e2e.server.databasePath, { migrate: false });
});

afterAll(async () => {
  await database?.close();
});

describe("records the centre keeps, in Chromium", () => {
  it("a professional discussion: recorded by the assessor with time stamps, confirmed by the learner, shown on the marking page under its criteria", async () => {
    const learner = await learnerOf(LEARNER1);
    let recordId = "";
    await as(ASSESSOR, async (page) => {
      await page.goto(`${e2e.server.url}/assessor/learners`);
      await check(page, "assessor learners");
      await page.getByRole("link", { name: `Add: Professional discussion record for ${learner.name}` }).click();
      await at(page, /\/records\/new\?template=ilm-8588%2Fprofessional-discussion$/);
      await check(page, "professional discussion, new");
      await page.getByLabel("Learner Name").fill(learner.name);
      await page.getByLabel("Name of assessor").fill("Sam Assessor");
      await page.locator("#root_date").fill("2026-12-01");
      await page.locator("#root_unit").selectOption("501");
      await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
      await page.getByRole("button", { name: "Add a row" }).click();
      await page.locator("#root_entries_0_time").fill("1:55");
      await page.locator("#root_entries_0_criteria_0").fill("501:2.1");
      await page.locator("#root_entries_0_summary").fill("The learner explained why a fourth client was not needed and how the 18 hours were planned.");
      await page.getByRole("button", { name: "Add a row" }).click();
      await page.locator("#root_entries_1_time").fill("12:40");
      await page.locator("#root_entries_1_criteria_0").fill("501:2.1");
      await page.locator("[data-ilm-action=add]").filter({ hasText: "Add another assessment criterion" }).nth(1).click();
      await page.locator("#root_entries_1_criteria_1").fill("501:3.1");
      await page.getByLabel("Type your full name to sign").fill("Sam Assessor");
      await page.locator("#root_assessorSignature_role").selectOption("Assessor");
      await page.locator("#root_assessorSignature_date").fill("2026-12-01");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await at(page, /\/assessor\/records\/[^/?]+\?saved=1$/);
      recordId = new URL(page.url()).pathname.split("/").at(-1)!;
      expect(await page.getByRole("status").innerText()).toContain("Saved.");
    });

    // The learner reads it, cannot change it, and confirms the notes.
    await as(LEARNER1, async (page) => {
      await page.goto(`${e2e.server.url}/learner/documents/${recordId}`);
      await check(page, "professional discussion, learner");
      expect(await page.locator("#confirm-notes").locator("..").innerText()).toContain("Your confirmation of the notes");
      await page.getByRole("button", { name: "I confirm these notes" }).click();
      await at(page, /\?confirmed=1$/);
      await expect.poll(() => page.getByRole("status").filter({ hasText: "You confirmed these notes on" }).count()).toBe(1);
      // Then the learner submits Unit 501, the discussion with it.
      await page.goto(`${e2e.server.url}/learner/units/501/submit`);
      await page.locator("#confirm").check();
      await page.getByLabel("Type your full name to sign").fill(learner.name);
      await page.getByRole("button", { name: "Submit for assessment" }).click();
      await at(page, /\/learner\/units\/501\?submitted=1$/);
    });

    // The marking page shows it under AC 2.1 (both time stamps) and AC 3.1 (one), confirmed; not under AC 1.1.
    await as(ASSESSOR, async (page) => {
      await page.goto(`${e2e.server.url}/assessor`);
      await check(page, "assessor queue");
      await page.getByRole("link", { name: `Mark Unit 501 of ${learner.name}` }).click();
      await at(page, /\/assessor\/submissions\//);
      await check(page, "marking with a professional discussion");
      const criterion = (id: string) => page.locator(".criterion").filter({ has: page.getByText(`AC ${id}`, { exact: false }) }).first();
      const ac21 = await criterion("2.1").locator(".discussion-evidence").innerText();
      expect(ac21).toMatch(/Professional discussion record.*: discussed at 1:55, 12:40/);
      expect(ac21).toContain("notes confirmed by the learner");
      expect(await criterion("3.1").locator(".discussion-evidence").innerText()).toMatch(/discussed at 12:40\s+notes confirmed by the learner/);
      expect(await criterion("1.1").locator(".discussion-evidence").count()).toBe(0);
    });
    expectClean();
  });

  it("an exceptional-circumstances record for a 4th client counts only once the IQA approves it, and the learner's findings change", async () => {
    const learner = await learnerOf(LEARNER2);
    // Setup: the learner records sessions with a fourth client (as the portal or the learner's own pages would).
    const person = demoPerson(e2e.server, LEARNER2);
    const signedIn = await signInDb(database.db, { email: person.email, password: person.password, ip: "10.9.9.9" });
    if (!signedIn.ok) throw new Error("learner2 cannot sign in");
    const session = (await listDocuments(database.db, signedIn.scope, learner.id)).find((d) => d.templateId === "ilm-8588/session-record" && d.status === "submitted")!;
    const fourth = await createDocument(database.db, signedIn.scope, { learnerId: learner.id, templateId: session.templateId, templateVersion: session.templateVersion, data: { ...session.data, clientRef: "Client 4", sessionNo: 1 }, status: "submitted" });
    if (!fourth.ok) throw new Error(fourth.reason);

    const finding21 = async (page: Page) => {
      await page.goto(`${e2e.server.url}/learner/units/501`);
      return page.getByRole("row").filter({ hasText: /^\s*AC 2\.1/ }).first().innerText();
    };
    await as(LEARNER2, async (page) => {
      expect(await finding21(page)).toContain("and there is no such record for any of these clients");
    });

    // The assessor records the centre's record of the exceptional circumstances.
    let recordId = "";
    await as(ASSESSOR, async (page) => {
      await page.goto(`${e2e.server.url}/assessor/learners`);
      await page.getByRole("link", { name: `Add: Exceptional circumstances for ${learner.name}` }).click();
      await at(page, /\/records\/new\?template=ilm-8588%2Fexceptional-circumstances$/);
      await check(page, "exceptional circumstances, new");
      await page.getByLabel("Name of learner").fill(learner.name);
      await page.getByLabel("Client Ref/ID of the fourth individual").fill("Client 4");
      await page.getByLabel("Client leaves the organisation.").check();
      await page.getByLabel("Details", { exact: true }).fill("Client 3 left the organisation after two sessions.");
      await page.getByLabel("Using another existing client as the 3rd.").check();
      await page.getByLabel("Options discussed with the EQA prior to making a decision").check();
      await page.getByLabel("Type your full name to sign").fill("Sam Assessor");
      await page.locator("#root_recordedBy_role").selectOption("Assessor");
      await page.locator("#root_recordedBy_date").fill("2026-12-02");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await at(page, /\/assessor\/records\/[^/?]+\?saved=1$/);
      recordId = new URL(page.url()).pathname.split("/").at(-1)!;
    });

    // Recorded, not yet approved: the rules say so, and the learner cannot approve it.
    await as(LEARNER2, async (page) => {
      expect(await finding21(page)).toContain("the record for Client 4 is not yet approved by the centre");
      await page.goto(`${e2e.server.url}/documents/${recordId}`);
      expect(await page.locator("#approval").innerText()).toContain("Not approved yet.");
      expect(await page.getByRole("button", { name: "Approve this record" }).count()).toBe(0);
    });

    // The IQA finds it waiting and approves it.
    await as(IQA, async (page) => {
      await page.goto(`${e2e.server.url}/iqa`);
      await check(page, "iqa home, a record awaiting approval");
      const waiting = page.locator("section[aria-labelledby=awaiting-approval]");
      await waiting.getByRole("link").filter({ hasText: /Exceptional circumstances/ }).first().click();
      await at(page, new RegExp(`/documents/${recordId}$`));
      await check(page, "exceptional circumstances, approval");
      await page.getByRole("button", { name: "Approve this record" }).click();
      await at(page, /\?approved=1$/);
      expect(await page.getByRole("status").innerText()).toMatch(/^Approved by Indira Quality \(IQA\) on \d{4}-\d\d-\d\d\. The rules count this record\.$/);
    });

    // The learner's finding for AC 2.1 changes.
    await as(LEARNER2, async (page) => {
      const after = await finding21(page);
      expect(after).toContain("the centre's exceptional-circumstances record covers Client 4");
      expect(after).not.toContain("not yet approved");
      await check(page, "learner unit after approval");
    });

    expectClean();
  });
});
