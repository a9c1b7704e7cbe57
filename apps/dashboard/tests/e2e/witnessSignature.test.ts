import { createDocument, openDatabase, type Role } from "@ilm-forms/db";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// The witness testimony is "signed by the witness" (issue 21): the learner makes a signing link for the
// testimony's witness signature through the same pages as any template that declares a signature
// (issue 20); the witness signs without an account; the learner's page shows the witness's signature.
// Axe on every page checked; none scrolls sideways at 390 px.

const e2e = useServerAndBrowser();
let testimonyId = "";

beforeAll(async () => {
  const { db, sqlite, close } = openDatabase(e2e.server.databasePath);
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
});

describe("the witness signs a witness testimony", () => {
  it("through a signing link the learner makes, and the learner sees the witness's signature", async () => {
    await e2e.as("learner1@demo.ilm-forms.test", async (page) => {
      await page.goto(`${e2e.server.url}/learner/documents/${testimonyId}`);
      await page.getByLabel("Ask someone to sign").selectOption({ label: "Signature of witness" });
      await page.getByRole("button", { name: "Make a signing link" }).click();
      await page.waitForURL(/\/signing-links$/);
      await e2e.check(page, "signing link made");
      const link = await page.getByLabel("Signing link").inputValue();

      const witness = await e2e.page();
      await witness.page.goto(link);
      expect(await witness.page.getByRole("heading", { level: 1 }).innerText()).toContain("Sign: Authentic statements/witness testimony");
      await e2e.check(witness.page, "signer page");
      await witness.page.getByLabel("Your name").fill("Dana Witness");
      await witness.page.getByLabel(/I have read this document and I sign it/).check();
      await witness.page.getByRole("button", { name: "Sign" }).click();
      await witness.page.waitForURL(/\/sign\/done$/);
      await expect.poll(() => witness.page.getByRole("heading", { level: 1 }).innerText(), { timeout: 30_000 }).toBe("Thank you: you have signed");
      await witness.context.close();

      await page.goto(`${e2e.server.url}/learner/documents/${testimonyId}`);
      const signers = page.getByRole("region", { name: "Signatures by the signers" });
      await expect.poll(() => signers.getByText("matches the document", { exact: true }).count()).toBe(1);
      expect(await signers.innerText()).toContain("Dana Witness");
      await e2e.check(page, "testimony with the witness's signature");
    });
    e2e.expectClean();
  });
});
