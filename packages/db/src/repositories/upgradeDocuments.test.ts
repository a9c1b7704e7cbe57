import { describe, expect, it } from "vitest";
import { validate } from "@ilm-forms/core";
import { signIn } from "../auth/signIn.ts";
import { seedDemoCentre } from "../seed/seedDemoCentre.ts";
import { storeBeforeMinutes } from "../test/storedBeforeMinutes.ts";
import { listAuditEntries } from "./audit.ts";
import { listDocuments } from "./documents.ts";
import { listLearners } from "./learners.ts";
import { upgradeStoredDocuments } from "./upgradeDocuments.ts";
import { inSequence, openTestDatabase } from "../test/database.ts";

// On both engines: the old versions are written back through the engine's own queries.
describe("(await upgradeStoredDocuments()) on the demo centre's database", () => {
  it("brings documents stored under the old versions (decimal hours) to the current ones, valid, audited, and leaves current ones alone", async () => {
    const { database, cleanup } = await openTestDatabase();
    try {
      const seeded = await seedDemoCentre(database.db, { seed: 42 });
      const admin = await signIn(database.db, { email: seeded.signIns[0]!.email, password: seeded.signIns[0]!.password, ip: "::1" });
      if (!admin.ok) throw new Error("admin cannot sign in");
      const learners = (await listLearners(database.db, admin.scope));
      const all = async () => (await inSequence(learners, (l) => listDocuments(database.db, admin.scope, l.id))).flat();
      const seededDocs = await all();
      // Write the demo centre back as it was stored before minutes.
      const downgraded = await storeBeforeMinutes(database.db, seededDocs);
      expect(downgraded).toBeGreaterThan(20);
      const stored = await all();

      // A dry run says what would be done and writes nothing.
      const dry = await upgradeStoredDocuments(database.db, admin.scope, { apply: false });
      expect(dry.applied).toBe(false);
      expect(dry.upgraded.length + dry.held.length).toBe(downgraded);
      expect(await all()).toEqual(stored);

      const report = (await upgradeStoredDocuments(database.db, admin.scope));
      expect(report.applied).toBe(true);
      expect(report.upgraded).toEqual(dry.upgraded);
      expect(report.failed).toEqual([]);
      expect(report.upgraded.length + report.held.length).toBe(downgraded);
      expect(report.upgraded.length).toBeGreaterThan(20);
      const after = new Map((await all()).map((d) => [d.id, d]));
      for (const { id, to } of report.upgraded) {
        const doc = after.get(id)!;
        const original = seededDocs.find((d) => d.id === id)!;
        expect(doc.templateVersion).toBe(to);
        expect(doc.data, id).toEqual(original.data);
        expect(doc.version).toBe(original.version + 1);
        expect(validate(doc.templateId, doc.data, { draft: doc.status === "draft" }).valid).toBe(true);
      }
      const audit = (await listAuditEntries(database.db, admin.scope, { entityType: "document", limit: 10000 })).filter((e) => e.action === "document.upgrade");
      expect(audit).toHaveLength(report.upgraded.length);

      // A second run finds nothing left to do.
      expect((await upgradeStoredDocuments(database.db, admin.scope)).upgraded).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
