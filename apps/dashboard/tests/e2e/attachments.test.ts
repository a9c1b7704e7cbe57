import { listDocuments, openDatabase, submitUnit, type Role } from "@ilm-forms/db";
import { describe, expect, it, vi } from "vitest";
import { useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 120_000 });

// Evidence files in Chromium (issue 20): the learner attaches a recording's notes to the unit, mapped
// to a criterion, and a scanned contract to a document, downloads one back; after the unit is
// submitted the assessor sees the files beside the criterion. axe-core on every page, no console error.

const e2e = useServerAndBrowser();

const scan = Buffer.concat([Buffer.from("%PDF-1.4\n% a scanned contract\n"), Buffer.alloc(40_000, 0x20)]);
const notes = Buffer.from("Supervision notes, 14 April: discussed Client 2's goals and my questioning.\n");

describe("evidence files in a browser", () => {
  it("lets a learner attach general evidence to a unit, mapped to a criterion, and a scanned contract to a document", async () => {
    const { server } = e2e;
    await e2e.as("learner1@demo.ilm-forms.test", async (page) => {
      await page.goto(`${server.url}/learner/units/503`);
      const general = page.getByRole("region", { name: "General evidence for this unit" });
      await general.getByRole("checkbox", { name: /^503:1\.1/ }).check();
      await general.getByLabel("Attach a file").setInputFiles({ name: "supervision-notes.txt", mimeType: "text/plain", buffer: notes });
      await general.getByRole("button", { name: "Attach file" }).click();
      await page.waitForURL(/\/learner\/units\/503$/);
      expect(await general.getByRole("listitem").first().innerText()).toMatch(new RegExp(`supervision-notes\\.txt \\(text/plain, ${notes.length} bytes; for 503:1\\.1\\)`));
      await e2e.check(page, "unit with a file");

      // The first of the unit's documents, from the table of "Your documents".
      await page.locator('td a[href^="/learner/documents/"]').first().click();
      await page.waitForURL(/\/learner\/documents\//);
      const files = page.getByRole("region", { name: "Files attached to this document" });
      await files.getByLabel("Attach a file").setInputFiles({ name: "signed contract.pdf", mimeType: "application/pdf", buffer: scan });
      await files.getByRole("button", { name: "Attach file" }).click();
      await page.waitForLoadState("networkidle");
      await expect.poll(() => files.getByRole("link", { name: "signed contract.pdf" }).count()).toBe(1);
      await e2e.check(page, "document with a file");
      const [download] = await Promise.all([page.waitForEvent("download"), files.getByRole("link", { name: "signed contract.pdf" }).click()]);
      expect(download.suggestedFilename()).toBe("signed contract.pdf");
    });
  });

  it("shows the assessor the files beside the criterion once the unit is submitted", async () => {
    const { server } = e2e;
    const { db, sqlite, close } = openDatabase(server.databasePath);
    let submissionId = "";
    try {
      const user = sqlite.prepare("select u.id, l.id as learnerId, m.centre_id as centreId from users u join learners l on l.user_id = u.id join memberships m on m.user_id = u.id where u.email = ?").get("learner1@demo.ilm-forms.test") as { id: string; learnerId: string; centreId: string };
      const scope = { userId: user.id, centreId: user.centreId, role: "learner" as Role };
      const documentIds = (await listDocuments(db, scope, user.learnerId)).map((d) => d.id);
      const submitted = (await submitUnit(db, scope, { qualification: "ilm-8588", unit: "503", documentIds, declaration: { name: "Learner One", date: "2026-05-01" } }));
      if (!submitted.ok) throw new Error(`could not submit: ${submitted.reason}`);
      submissionId = submitted.id;
    } finally {
      close();
    }
    await e2e.as("assessor1@demo.ilm-forms.test", async (page) => {
      await page.goto(`${server.url}/assessor/submissions/${submissionId}`);
      const criterion = page.locator(".criterion").filter({ has: page.getByRole("heading", { name: /^AC 1\.1/ }) });
      expect(await criterion.locator(".attachment-links").innerText()).toContain("supervision-notes.txt");
      await e2e.check(page, "marking with files");
    });
    e2e.expectClean();
  });
});
