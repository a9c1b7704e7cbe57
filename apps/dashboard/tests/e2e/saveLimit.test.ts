import { describe, expect, it, vi } from "vitest";
import { at, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// The document-save limit in a browser (decision 072): a save past the person's limit shows why in the
// page's error summary, and what they typed stays in the browser as a draft. The limit is 1 here.

const e2e = useServerAndBrowser({ DOCUMENT_SAVES_PER_10_MINUTES: "1" });

describe("the document-save limit in the browser", () => {
  it("says a save past the limit was not saved and why, and keeps what was typed as a draft", async () => {
    await e2e.as("learner1@demo.ilm-forms.test", async (page) => {
      const { server } = e2e;
      await page.goto(`${server.url}/learner/units/501`);
      await page.getByRole("list", { name: "Add a document" }).getByRole("link", { name: "Coaching/ Mentoring Record" }).click();
      await at(page, /\/learner\/documents\/new/);
      await page.getByLabel("Client Ref/ID").fill("Client 1");
      await page.getByLabel("Session No.").fill("8");
      await page.getByLabel("Date of Session").fill("2026-04-21");
      await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
      await page.getByRole("button", { name: /save/i }).first().click();
      await at(page, /\/learner\/documents\/[\w-]+\?saved=1&unit=501$/);

      // The second save in ten minutes is one too many.
      await page.getByLabel("Reality/current situation").fill("Typed after the limit.");
      await page.getByRole("button", { name: /save/i }).first().click();
      const summary = page.locator(".error-summary");
      await expect.poll(() => summary.count(), { timeout: 10_000 }).toBe(1);
      expect(await summary.innerText()).toContain("The document was not saved");
      expect(await summary.innerText()).toContain("You have saved documents once in the last ten minutes");
      expect(await page.getByLabel("Reality/current situation").inputValue()).toBe("Typed after the limit.");

      // A reload brings the typed text back from the browser's draft; the server kept the first save.
      await page.reload();
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("region", { name: "Unsaved changes restored" }).count()).toBe(1);
      expect(await page.getByLabel("Reality/current situation").inputValue()).toBe("Typed after the limit.");
      await e2e.check(page, "a save past the limit refused, the draft restored");
    });
    // The one console error is the refused save's own answer, the 429 the page was sent on purpose.
    expect(e2e.errors).toEqual([expect.stringContaining("status of 429 (Too Many Requests)")]);
    e2e.errors.length = 0;
    e2e.expectClean();
  });
});
