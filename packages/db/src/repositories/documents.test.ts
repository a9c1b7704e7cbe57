import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../client.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { seedDemoCentre } from "../seed/seedDemoCentre.ts";
import { createDocument, documentsFingerprint, getDocument, listDocuments, saveDocument } from "./documents.ts";
import { getLearner, listLearners } from "./learners.ts";
import { openTestDatabase, scalar } from "../test/database.ts";

describe("documents", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  describe("scoping", () => {
    it("does not find another centre's document, whoever asks", async () => {
      const theirs = (await listDocuments(db(), world.otherScopes.learner1!, world.otherScopes.learner1!.learnerId!))[0]!;
      expect(theirs).toBeDefined();
      for (const who of ["admin", "iqa", "assessor1", "learner1"]) {
        expect((await getDocument(db(), world.scopes[who]!, theirs.id))).toBeUndefined();
      }
      expect((await listDocuments(db(), world.scopes.admin!, world.otherScopes.learner1!.learnerId!))).toEqual([]);
      expect((await saveDocument(db(), world.scopes.admin!, { id: theirs.id, expectedVersion: theirs.version, data: theirs.data }))).toEqual({
        ok: false,
        reason: "not-found",
      });
    });

    it("shows an assessor only the learners assigned to them", async () => {
      const { assessor1, assessor2, learner1, learner3 } = world.scopes;
      const mine = (await listLearners(db(), assessor1!)).map((l) => l.id);
      expect(mine).toContain(learner1!.learnerId);
      expect(mine).not.toContain(learner3!.learnerId);
      expect((await getLearner(db(), assessor1!, learner3!.learnerId!))).toBeUndefined();
      const unassigned = (await listDocuments(db(), world.scopes.admin!, learner3!.learnerId!))[0]!;
      expect((await getDocument(db(), assessor1!, unassigned.id))).toBeUndefined();
      expect((await getDocument(db(), assessor2!, unassigned.id))?.id).toBe(unassigned.id);
    });

    it("shows a learner only their own portfolio", async () => {
      const { learner1, learner2 } = world.scopes;
      const others = (await listDocuments(db(), world.scopes.admin!, learner2!.learnerId!))[0]!;
      expect((await getDocument(db(), learner1!, others.id))).toBeUndefined();
      expect((await listLearners(db(), learner1!)).map((l) => l.id)).toEqual([learner1!.learnerId]);
    });

    it("lets an assessor read but not write", async () => {
      const { assessor1, learner1 } = world.scopes;
      const doc = (await listDocuments(db(), assessor1!, learner1!.learnerId!))[0]!;
      expect((await saveDocument(db(), assessor1!, { id: doc.id, expectedVersion: doc.version, data: doc.data }))).toEqual({ ok: false, reason: "forbidden" });
    });
  });

  describe("(await saveDocument())", () => {
    it("tells the second of two saves of the same version that it changed, from two connections", async () => {
      const { learner1 } = world.scopes;
      const other = await connectDatabase(world.path);
      try {
        const created = (await createDocument(db(), learner1!, {
          learnerId: learner1!.learnerId!,
          templateId: "ilm-8588/session-record",
          data: { clientRef: "Client 9", sessionNo: 1, sessionDate: "2025-03-01", duration: 1 },
        }));
        expect(created.ok).toBe(true);
        const id = (created as { id: string }).id;
        const loadedByA = (await getDocument(db(), learner1!, id))!;
        const loadedByB = (await getDocument(other.db, learner1!, id))!;
        const first = (await saveDocument(db(), learner1!, { id, expectedVersion: loadedByA.version, data: { ...loadedByA.data, duration: 90 } }));
        const second = (await saveDocument(other.db, learner1!, { id, expectedVersion: loadedByB.version, data: { ...loadedByB.data, duration: 2 } }));
        expect(first).toEqual({ ok: true, version: 2 });
        expect(second).toEqual({ ok: false, reason: "changed", currentVersion: 2 });
        expect((await getDocument(other.db, learner1!, id))?.data.duration).toBe(90);
      } finally {
        await other.close();
      }
    });

    it("stores nothing from an invalid document and names the field", async () => {
      const { learner1 } = world.scopes;
      const doc = (await createDraft(world.database, learner1!));
      const result = (await saveDocument(db(), learner1!, { id: doc.id, expectedVersion: doc.version, data: { ...doc.data, duration: -1 } }));
      expect(result).toMatchObject({ ok: false, reason: "invalid", errors: [{ path: "/duration", field: "Duration" }] });
      const after = (await getDocument(db(), learner1!, doc.id))!;
      expect(after.version).toBe(doc.version);
      expect(after.data).toEqual(doc.data);
    });

    it("refuses to create an invalid document or one of an unknown template", async () => {
      const { learner1 } = world.scopes;
      const before = (await listDocuments(db(), learner1!, learner1!.learnerId!)).length;
      const invalid = (await createDocument(db(), learner1!, {
        learnerId: learner1!.learnerId!,
        templateId: "ilm-8588/session-record",
        data: { clientRef: "Client 1", sessionNo: 0 },
        status: "submitted",
      }));
      expect(invalid).toMatchObject({ ok: false, reason: "invalid" });
      const fields = (invalid as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["Session No."]));
      expect((await createDocument(db(), learner1!, { learnerId: learner1!.learnerId!, templateId: "nope/nothing", data: {} }))).toMatchObject({
        ok: false,
        reason: "invalid",
      });
      expect((await listDocuments(db(), learner1!, learner1!.learnerId!)).length).toBe(before);
    });

    it("lets a draft leave required fields empty, but not a submitted document", async () => {
      const { learner1 } = world.scopes;
      const input = { learnerId: learner1!.learnerId!, templateId: "ilm-8588/session-record", data: { clientRef: "Client 1" } };
      expect((await createDocument(db(), learner1!, input)).ok).toBe(true);
      expect((await createDocument(db(), learner1!, { ...input, status: "submitted" })).ok).toBe(false);
    });
  });
});

describe("(await documentsFingerprint())", () => {
  it("changes when a document is created or saved, and is undefined for a learner the caller cannot see", async () => {
    const { database, cleanup } = await openTestDatabase();
    const demo = await seedDemoCentre(database.db, { seed: 3 });
    const other = await seedDemoCentre(database.db, { seed: 4, centreId: "other", centreName: "Other", emailDomain: "other.test" });
    const adminId = (email: string) => scalar<string>(database.db, "select id from users where email = ?", email);
    const admin = { userId: await adminId("admin@demo.ilm-forms.test"), centreId: demo.centreId, role: "centre_admin" as const };
    const otherAdmin = { userId: await adminId("admin@other.test"), centreId: other.centreId, role: "centre_admin" as const };
    const learner = (await listLearners(database.db, admin))[0]!;
    const first = (await documentsFingerprint(database.db, admin, learner.id));
    expect(first).toMatch(/^\d+:\d+:/);
    expect((await documentsFingerprint(database.db, otherAdmin, learner.id))).toBeUndefined();
    const draft = (await createDocument(database.db, admin, { learnerId: learner.id, templateId: "ilm-8588/cpd-monitoring", data: {} }));
    if (!draft.ok) throw new Error("no draft");
    const first2 = (await documentsFingerprint(database.db, admin, learner.id));
    expect(first2).not.toBe(first);
    expect((await saveDocument(database.db, admin, { id: draft.id, expectedVersion: 1, data: {} })).ok).toBe(true);
    const second = (await documentsFingerprint(database.db, admin, learner.id));
    expect(second).not.toBe(first2);
    expect((await createDocument(database.db, admin, { learnerId: learner.id, templateId: "ilm-8588/cpd-monitoring", data: {} })).ok).toBe(true);
    expect((await documentsFingerprint(database.db, admin, learner.id))).not.toBe(second);
    await cleanup();
  });
});
