import type { Page } from "playwright-core";
import { createDocument, openDatabase, type Role } from "@ilm-forms/db";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// Signatures by the signers in Chromium (issue 20): the learner makes signing links for the client and
// the stakeholder of a contract; each signs in a fresh browser context, without an account; the learner
// changes a clause and both signatures show as no longer matching; the client signs again. axe-core on
// every page, none scrolls sideways at 390 px, no console error.

const e2e = useServerAndBrowser();
let contractId = "";

async function makeLink(page: Page, title: string): Promise<string> {
  await page.goto(`${e2e.server.url}/learner/documents/${contractId}`);
  await page.getByLabel("Ask someone to sign").selectOption({ label: title });
  await page.getByRole("button", { name: "Make a signing link" }).click();
  await page.waitForURL(/\/signing-links$/);
  await e2e.check(page, "signing link made");
  return page.getByLabel("Signing link").inputValue();
}

async function signAs(link: string, name: string): Promise<void> {
  const { context, page } = await e2e.page();
  await page.goto(link);
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain("Sign: The Coaching/Mentoring Contract");
  await e2e.check(page, "signer page");
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
  const { db, sqlite, close } = openDatabase(e2e.server.databasePath);
  try {
    const user = sqlite.prepare("select u.id, l.id as learnerId, m.centre_id as centreId from users u join learners l on l.user_id = u.id join memberships m on m.user_id = u.id where u.email = ?").get("learner1@demo.ilm-forms.test") as { id: string; learnerId: string; centreId: string };
    const scope = { userId: user.id, centreId: user.centreId, role: "learner" as Role };
    const created = (await createDocument(db, scope, { learnerId: user.learnerId, templateId: "ilm-8588/contract", data: { clientRef: "Client 4", agreement: { honestAndCommitted: true, confidentiality: true } } }));
    if (!created.ok) throw new Error(created.reason);
    contractId = created.id;
  } finally {
    close();
  }
});

describe("signatures by the signers in a browser", () => {
  it("lets the client and the stakeholder sign, shows both as no longer matching after a clause changes, and the client sign again", async () => {
    await e2e.as("learner1@demo.ilm-forms.test", async (page) => {
      const clientLink = await makeLink(page, "Signature of Client");
      const stakeholderLink = await makeLink(page, "Signature of Stakeholder");
      expect(clientLink).not.toBe(stakeholderLink);
      await signAs(clientLink, "Client Four");
      await signAs(stakeholderLink, "Sam Sponsor");

      await page.goto(`${e2e.server.url}/learner/documents/${contractId}`);
      const signers = page.getByRole("region", { name: "Signatures by the signers" });
      await expect.poll(() => signers.getByText("matches the document", { exact: true }).count()).toBe(2);
      await e2e.check(page, "document with signatures");

      await page.getByLabel("To be open to receiving and giving feedback").check();
      await page.getByRole("button", { name: /save/i }).first().click();
      await expect.poll(async () => (await page.locator("main").innerText()).includes("Saved"), { timeout: 30_000 }).toBe(true);
      await page.goto(`${e2e.server.url}/learner/documents/${contractId}`);
      await expect.poll(() => signers.getByText(/no longer matches/).count()).toBe(2);

      await signAs(await makeLink(page, "Signature of Client"), "Client Four");
      await page.goto(`${e2e.server.url}/learner/documents/${contractId}`);
      await expect.poll(() => signers.getByText("matches the document", { exact: true }).count()).toBe(1);
      expect(await signers.getByText(/no longer matches/).count()).toBe(2);
    });
    e2e.expectClean();
  });
});
