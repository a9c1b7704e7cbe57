import type { Browser } from "playwright-core";
import { createDocument, openDatabase, type Role } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { axeViolations, launchChromium, signIn, watchedPage } from "../support/browser.ts";
import { startServer, type TestServer } from "../support/server.ts";

vi.setConfig({ testTimeout: 180_000 });

// The witness testimony is "signed by the witness" (issue 21): the learner makes a signing link for the
// testimony's witness signature through the same pages as any template that declares a signature
// (issue 20); the witness signs without an account; the learner's page shows the witness's signature.

let server: TestServer;
let browser: Browser;
let testimonyId = "";
const consoleErrors: string[] = [];


beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { db, sqlite, close } = openDatabase(server.databasePath);
  try {
    const user = sqlite.prepare("select u.id, l.id as learnerId, m.centre_id as centreId from users u join learners l on l.user_id = u.id join memberships m on m.user_id = u.id where u.email = ?").get("learner1@demo.ilm-forms.test") as { id: string; learnerId: string; centreId: string };
    const scope = { userId: user.id, centreId: user.centreId, role: "learner" as Role };
    const created = (await createDocument(db, scope, {
      learnerId: user.learnerId,
      templateId: "ilm-8588/witness-testimony",
      data: { learnerName: "Learner One", unit: "501", witnessName: "Dana Witness", witnessRole: "Stakeholder", criteria: ["501:1.3"], testimony: "I attended the three-way contracting meeting for Client 4." },
    }));
    if (!created.ok) throw new Error(created.reason);
    testimonyId = created.id;
  } finally {
    close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the witness signs a witness testimony", () => {
  it("through a signing link the learner makes, and the learner sees the witness's signature", async () => {
    const person = server.signIns.get("learner1@demo.ilm-forms.test");
    if (!person) throw new Error(server.output());
    const { context, page } = await watchedPage(browser, consoleErrors);
    await signIn(page, server.url, person);
    await page.goto(`${server.url}/learner/documents/${testimonyId}`);
    await page.getByLabel("Ask someone to sign").selectOption({ label: "Signature of witness" });
    await page.getByRole("button", { name: "Make a signing link" }).click();
    await page.waitForURL(/\/signing-links$/);
    const link = await page.getByLabel("Signing link").inputValue();

    const witness = await watchedPage(browser, consoleErrors);
    await witness.page.goto(link);
    expect(await witness.page.getByRole("heading", { level: 1 }).innerText()).toContain("Sign: Authentic statements/witness testimony");
    expect(await axeViolations(witness.page)).toEqual([]);
    await witness.page.getByLabel("Your name").fill("Dana Witness");
    await witness.page.getByLabel(/I have read this document and I sign it/).check();
    await witness.page.getByRole("button", { name: "Sign" }).click();
    await witness.page.waitForURL(/\/sign\/done$/);
    await expect.poll(() => witness.page.getByRole("heading", { level: 1 }).innerText(), { timeout: 30_000 }).toBe("Thank you: you have signed");
    await witness.context.close();

    await page.goto(`${server.url}/learner/documents/${testimonyId}`);
    const signers = page.getByRole("region", { name: "Signatures by the signers" });
    await expect.poll(() => signers.getByText("matches the document", { exact: true }).count()).toBe(1);
    expect(await signers.innerText()).toContain("Dana Witness");
    await context.close();
    expect(consoleErrors).toEqual([]);
  });
});
