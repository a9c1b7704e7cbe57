import { registry, validate } from "@ilm-forms/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// One browser and one page for the whole browser suite, against the built gallery served with a
// strict Content-Security-Policy.
import { launchChromium } from "./browser.ts";
import { axeViolations, buildGallery, openTemplate } from "./gallery.ts";
import { serveStatic } from "./server.ts";

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const consoleErrors: string[] = [];

beforeAll(async () => {
  const dist = await buildGallery();
  server = await serveStatic(dist);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function submitted(): Promise<Record<string, unknown>> {
  return JSON.parse(await page.getByTestId("submitted").innerText()) as Record<string, unknown>;
}

describe("the forms in Chromium, served with a strict Content-Security-Policy", () => {
  it("fills and submits a session record, with no CSP violation or error in the console", async () => {
    consoleErrors.length = 0;
    await openTemplate(page, server.url, "ilm-8588/session-record");
    await page.getByLabel("Client Ref/ID").fill("Client 2");
    await page.getByLabel("Session No.").fill("3");
    await page.getByLabel("Date of Session").fill("2026-03-10");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Minutes").fill("50");
    await page.getByLabel("Goal", { exact: false }).first().fill("Hand over the monthly forecast.");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const data = await submitted();
    expect(data).toMatchObject({ clientRef: "Client 2", sessionNo: 3, sessionDate: "2026-03-10", duration: 110 });
    expect(await page.locator(".ilm-error-summary").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it("shows each error beside its field and in a focused summary that links to the fields", async () => {
    await openTemplate(page, server.url, "ilm-8588/session-record");
    await page.getByLabel("Session No.").fill("0");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert");
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole("heading").innerText()).toBe("There is a problem");
    const links = await summary.getByRole("link").allInnerTexts();
    expect(links).toEqual(expect.arrayContaining(["Client Ref/ID is required", "Date of Session is required", "Duration is required"]));
    expect(links.some((text) => text.startsWith("Session No. must be"))).toBe(true);

    const clientRef = page.getByLabel("Client Ref/ID");
    expect(await clientRef.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await clientRef.getAttribute("aria-describedby")) ?? "";
    const described = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(described.join(" ")).toContain("Client Ref/ID is required");

    await summary.getByRole("link", { name: "Date of Session is required" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("root_sessionDate");

    // Errors clear as the person corrects the field.
    await page.getByLabel("Client Ref/ID").fill("Client 1");
    await expect.poll(() => summary.getByRole("link", { name: "Client Ref/ID is required" }).count()).toBe(0);
    expect(await page.getByLabel("Client Ref/ID").getAttribute("aria-invalid")).toBeNull();
  });

  it("adds, moves and removes PDP rows with the keyboard, focus following the row", async () => {
    await openTemplate(page, server.url, "ilm-8588/pdp");
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    await page.getByRole("button", { name: "Add a row" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-ilm-row"))).toBe("1");
    await page.keyboard.type("Contracting");
    await page.getByRole("button", { name: "Move up row 2" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.first().locator("input").first().inputValue()).toBe("Contracting");
    // Focus stays with the moved row (now row 1), on a button that still works.
    expect(await page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-ilm-row"))).toBe("0");
    expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.disabled)).toBe(false);
    await page.getByRole("button", { name: "Remove row 2" }).focus();
    await page.keyboard.press(" ");
    await expect.poll(() => rows.count()).toBe(1);
    // The last row went, so focus moves to the row before it; when no row is left, to "Add a row".
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Remove row 1");
    expect(await page.locator('[aria-live="polite"]').first().innerText()).toBe("Row 2 removed");
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Add a row");
  });

  it("rates the 17 attributes of the client feedback with the arrow keys", async () => {
    await openTemplate(page, server.url, "ilm-8588/client-feedback");
    const groups = page.locator(".ilm-rating");
    expect(await groups.count()).toBe(17);
    for (let index = 0; index < 17; index += 1) {
      const first = groups.nth(index).locator("input").first();
      await first.focus();
      await page.keyboard.press("Space");
      for (let step = 0; step < index % 10; step += 1) await page.keyboard.press("ArrowRight");
    }
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summaryLinks = await page.getByRole("alert").getByRole("link").allInnerTexts();
    expect(summaryLinks.filter((text) => /rapport|judgemental|listening/i.test(text))).toEqual([]);
    const ratings = await page.locator(".ilm-rating input:checked").evaluateAll((inputs) => inputs.map((input) => Number((input as HTMLInputElement).value)));
    expect(ratings).toEqual(Array.from({ length: 17 }, (_, index) => (index % 10) + 1));
  });

  it("keeps a draft across a reload until the form is saved", async () => {
    await openTemplate(page, server.url, "ilm-8588/session-record", { drafts: "1" });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector("form.ilm-form");
    await page.getByLabel("Client Ref/ID").fill("Client 7");
    await page.getByLabel("Goal", { exact: false }).first().fill("Not lost");
    await page.reload();
    await page.waitForSelector("form.ilm-form");
    await expect.poll(() => page.getByLabel("Client Ref/ID").inputValue()).toBe("Client 7");
    expect(await page.getByRole("region", { name: "Unsaved changes restored" }).count()).toBe(1);
    await page.getByLabel("Session No.").fill("1");
    await page.getByLabel("Date of Session").fill("2026-03-10");
    await page.getByRole("group", { name: /^Duration/ }).getByLabel("Hours").fill("1");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByTestId("submitted").waitFor();
    await page.reload();
    await page.waitForSelector("form.ilm-form");
    expect(await page.getByLabel("Client Ref/ID").inputValue()).toBe("");
  });

  it("shows a completed document read-only, with nothing to press", async () => {
    await openTemplate(page, server.url, "ilm-8588/hours-log", { example: "valid", readonly: "1" });
    expect(await page.getByRole("button").filter({ hasText: /Save|Remove|Move|Add/ }).count()).toBe(0);
    expect(await page.getByLabel("Client ref/ID", { exact: false }).first().getAttribute("readonly")).not.toBeNull();
  });

  it("warns while typing when a field seems to name someone", async () => {
    await openTemplate(page, server.url, "ilm-8588/session-record");
    const goal = page.getByLabel("Goal", { exact: false }).first();
    await goal.fill("Talked with Sarah about delegation");
    await expect.poll(() => page.locator(".ilm-warning").count()).toBe(1);
    expect(await goal.getAttribute("aria-describedby")).toContain("__warning");
    expect(await page.locator(".ilm-warning").innerText()).toContain("looks like a person’s name");
  });
});

describe("axe-core, WCAG 2.2 A and AA", () => {
  for (const template of registry.list()) {
    it(`${template.id}: no violations empty, nor with its errors shown`, async () => {
      await openTemplate(page, server.url, template.id);
      expect(await axeViolations(page), "empty").toEqual([]);
      if (validate(template.id, {}).valid) {
        // Nothing is required when empty (result sheets, the extended diary): an over-long text answer,
        // or an added row with its required cells empty, breaks a rule instead.
        const text = page.locator("form.ilm-form input:not([type]), form.ilm-form input[type=text]");
        if ((await text.count()) > 0) await text.first().fill("x".repeat(600));
        else await page.locator('[data-ilm-action="add"]').first().click();
      }
      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.getByRole("alert").waitFor();
      expect(await page.locator("[aria-invalid=true]").count()).toBeGreaterThan(0);
      expect(await axeViolations(page), "with errors").toEqual([]);
    });
  }
});
