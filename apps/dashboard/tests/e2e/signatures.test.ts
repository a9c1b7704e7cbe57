import type { Browser, Page } from "playwright-core";
import { createDocument, openDatabase, type Role } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { axeViolations, demoPerson, launchChromium, signIn, watchedPage } from "../support/browser.ts";
import { startServer, type TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 180_000 });

// Signatures by the signers in Chromium (issue 20): the learner makes signing links for the client and
// the stakeholder of a contract; each signs in a fresh browser context, without an account; the learner
// changes a clause and both signatures show as no longer matching; the client signs again. axe-core on
// every page, no console error.

let server: TestServer;
let browser: Browser;
let contractId = "";
const consoleErrors: string[] = [];
const axeFindings: Record<string, string[]> = {};



async function makeLink(page: Page, title: string): Promise<string> {
  await page.goto(`${server.url}/learner/documents/${contractId}`);
  await page.getByLabel("Ask someone to sign").selectOption({ label: title });
  await page.getByRole("button", { name: "Make a signing link" }).click();
  await page.waitForURL(/\/signing-links$/);
  axeFindings["signing link made"] = await axeViolations(page);
  return page.getByLabel("Signing link").inputValue();
}

async function signAs(link: string, name: string): Promise<void> {
  const { context, page } = await watchedPage(browser, consoleErrors);
  await page.goto(link);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Sign: The Coaching/Mentoring Contract");
  axeFindings["signer page"] = await axeViolations(page);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel(/I have read this document and I sign it/).check();
  await page.getByRole("button", { name: "Sign" }).click();
  await page.waitForURL(/\/sign\/done$/);
  // Remix moves to the next page in the page itself: wait for its heading.
  await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText(), { timeout: 30_000 }).toBe("Thank you: you have signed");
  await context.close();
  // Opened again, the link is refused (410; fetched outside the browser, whose console would log the refusal).
  const again = await fetch(link);
  expect(again.status).toBe(410);
  expect(await again.text()).toContain("already been used");
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { db, sqlite, close } = openDatabase(server.databasePath);
  try {
    const user = sqlite.prepare("select u.id, l.id as learnerId, m.centre_id as centreId from users u join learners l on l.user_id = u.id join memberships m on m.user_id = u.id where u.email = ?").get("learner1@demo.ilm-forms.test") as { id: string; learnerId: string; centreId: string };
    const scope = { userId: user.id, centreId: user.centreId, role: "learner" as Role };
    const created = (await createDocument(db, scope, { learnerId: user.learnerId, templateId: "ilm-8588/contract", data: { clientRef: "Client 4", agreement: { honestAndCommitted: true, confidentiality: true } } }));
    if (!created.ok) throw new Error(created.reason);
    contractId = created.id;
  } finally {
    close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("signatures by the signers in a browser", () => {
  it("lets the client and the stakeholder sign, shows both as no longer matching after a clause changes, and the client sign again", async () => {
    const { context, page } = await watchedPage(browser, consoleErrors);
    await signIn(page, server.url, demoPerson(server, "learner1@demo.ilm-forms.test"));
    const clientLink = await makeLink(page, "Signature of Client");
    const stakeholderLink = await makeLink(page, "Signature of Stakeholder");
    expect(clientLink).not.toBe(stakeholderLink);
    await signAs(clientLink, "Client Four");
    await signAs(stakeholderLink, "Sam Sponsor");

    await page.goto(`${server.url}/learner/documents/${contractId}`);
    const signers = page.getByRole("region", { name: "Signatures by the signers" });
    await expect.poll(() => signers.getByText("matches the document", { exact: true }).count()).toBe(2);
    axeFindings["document with signatures"] = await axeViolations(page);

    await page.getByLabel("To be open to receiving and giving feedback").check();
    await page.getByRole("button", { name: /save/i }).first().click();
    await expect.poll(async () => (await page.locator("main").innerText()).includes("Saved"), { timeout: 30_000 }).toBe(true);
    await page.goto(`${server.url}/learner/documents/${contractId}`);
    await expect.poll(() => signers.getByText(/no longer matches/).count()).toBe(2);

    await signAs(await makeLink(page, "Signature of Client"), "Client Four");
    await page.goto(`${server.url}/learner/documents/${contractId}`);
    await expect.poll(() => signers.getByText("matches the document", { exact: true }).count()).toBe(1);
    expect(await signers.getByText(/no longer matches/).count()).toBe(2);
    await context.close();
    expect(consoleErrors).toEqual([]);
    expect(Object.entries(axeFindings).filter(([, v]) => v.length)).toEqual([]);
  });
});
