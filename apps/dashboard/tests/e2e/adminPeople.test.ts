import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { axeViolations, KEEP_SCREENSHOTS, screenshotPath, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// The admin's people table (issue 15, layout): a table at 1280 px; at 390 px each person is a card with
// their details and actions, every action inside the screen, nothing scrolling sideways, not even inside
// the table. The table's screenshots go with the others (screenshotPath).

const e2e = useServerAndBrowser();

async function shoot(page: Page, name: string): Promise<void> {
  if (KEEP_SCREENSHOTS) await page.locator("table.table--stack").first().screenshot({ path: screenshotPath(page, name) });
}

/** Where each person's row and its buttons sit, and whether the table scrolls inside itself. */
function layout(page: Page) {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>("table.table--stack")!;
    const rows = [...table.querySelectorAll<HTMLElement>("tbody tr")];
    const controls = rows.flatMap((row) => [...row.querySelectorAll<HTMLElement>("summary, button:not(details:not([open]) button)")]);
    return {
      page: document.documentElement.scrollWidth,
      tableScrolls: table.scrollWidth > table.clientWidth + 1,
      rows: rows.length,
      rowWidths: rows.map((row) => Math.round(row.getBoundingClientRect().width)),
      rightmostControl: Math.max(...controls.map((c) => c.getBoundingClientRect().right)),
      headingsShown: getComputedStyle(table.querySelector("thead")!).position !== "absolute",
      emailLabel: getComputedStyle(table.querySelector("td[data-label=Email]")!, "::before").content,
    };
  });
}

describe("the admin's people table", () => {
  it("is a table at 1280 px and a card per person at 390 px, each person's actions on screen", async () => {
    const admin = [...e2e.server.signIns.values()].find((p) => p.role === "centre_admin")!;
    await e2e.as(admin.email, async (page) => {
      await page.goto(`${e2e.server.url}/admin`);
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page)).toEqual([]);
      const wide = await layout(page);
      expect(wide.headingsShown).toBe(true);
      expect(wide.emailLabel).toBe("none");
      expect(wide.rows).toBeGreaterThan(3);
      // One row a line: every row as wide as the table.
      expect(new Set(wide.rowWidths).size).toBe(1);
      await shoot(page, "admin-people-1280");

      await page.setViewportSize({ width: 390, height: 844 });
      const narrow = await layout(page);
      expect(narrow.page).toBeLessThanOrEqual(390);
      expect(narrow.tableScrolls, "the table scrolls sideways inside itself").toBe(false);
      expect(narrow.headingsShown).toBe(false);
      expect(narrow.emailLabel).toBe('"Email: "');
      expect(narrow.rightmostControl).toBeLessThanOrEqual(390);
      for (const width of narrow.rowWidths) expect(width).toBeLessThanOrEqual(390);
      expect(await axeViolations(page)).toEqual([]);
      await shoot(page, "admin-people-390");

      // The actions still work from the card: open a person's edit form and it stays on screen.
      const card = page.locator("tr").filter({ hasText: "learner2@demo.ilm-forms.test" });
      await card.locator("summary").click();
      const save = card.getByRole("button", { name: /^Save/ });
      const box = await save.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shoot(page, "admin-people-390-edit");
    });
    expect(e2e.errors).toEqual([]);
  });
});
