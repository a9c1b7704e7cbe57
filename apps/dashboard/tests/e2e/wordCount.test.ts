import { openDatabase } from "@ilm-forms/db";
import { describe, expect, it, vi } from "vitest";
import { useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// Unit 500's word count in the dashboard's form (issue 21): the form of @ilm-forms/react counts the
// report's words as the learner types and shows them against the handbook's suggestion as guidance;
// the report saves whatever the count, and the server stores the count it makes itself.

const e2e = useServerAndBrowser();

describe("Unit 500's word count in the dashboard", () => {
  it("counts as the learner types, says where the count stands as guidance, and saves a report far from the suggestion", async () => {
    const { server } = e2e;
    await e2e.as("learner1@demo.ilm-forms.test", async (page) => {
      await page.goto(`${server.url}/learner/documents/new?template=${encodeURIComponent("ilm-8588/assignment-500")}`);
      const count = page.getByLabel("Word count");
      await count.waitFor();
      const guidance = page.locator(".ilm-word-count__guidance");
      const status = page.locator(".ilm-word-count").getByRole("status");
      expect(await count.inputValue()).toBe("0");
      expect(await guidance.innerText()).toBe("Below the suggested word count (4,000 to 5,500 words) by 4,000 words. This is guidance, not a requirement.");
      expect(await page.locator("#root_wordCount__description").innerText()).toBe("The suggested word count for this unit is 4,000 to 5,500 words, not including appendices.");

      await page.getByLabel("Learner Name").fill("Priya Shah");
      await page.getByLabel("Learner Registration No.").fill("ILM-500");
      await page.getByLabel(/^As an introduction to the report/).fill("to ".repeat(4010).trim());
      await expect.poll(() => count.inputValue()).toBe("4,010");
      await expect.poll(() => status.innerText()).toBe("Within the suggested word count (4,000 to 5,500 words).");
      await page.getByLabel(/^1\.1 Starting with definitions/).fill("Three more words");
      await expect.poll(() => count.inputValue()).toBe("4,013");
      expect(await status.innerText()).toBe("Within the suggested word count (4,000 to 5,500 words).");
      await e2e.check(page, "assignment 500, within the suggested count");

      // Cut back below the suggestion: guidance, not a refusal; the report saves.
      await page.getByLabel(/^As an introduction to the report/).fill("A short introduction.");
      await expect.poll(() => count.inputValue()).toBe("6");
      await expect.poll(() => status.innerText()).toBe("Below the suggested word count (4,000 to 5,500 words). This is guidance, not a requirement.");
      await page.getByRole("button", { name: /save/i }).first().click();
      await page.waitForURL(/\/learner\/documents\/(?!new)[\w-]+\?saved=1/, { timeout: 30_000 });
      const id = new URL(page.url()).pathname.split("/").pop()!;
      const { sqlite, close } = openDatabase(server.databasePath);
      try {
        const row = sqlite.prepare("select data from documents where id = ?").get(id) as { data: string } | undefined;
        expect(JSON.parse(row!.data)).toMatchObject({ learnerName: "Priya Shah", wordCount: 6 });
      } finally {
        close();
      }
      await expect.poll(() => page.getByLabel("Word count").inputValue()).toBe("6");
    });
    e2e.expectClean();
  });
});
