import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../test/world.ts";
import { createDocument, saveDocument } from "./documents.ts";
import { endorseDocument, listEndorsements } from "./endorsements.ts";
import { rows } from "../test/database.ts";

describe("confirmations and approvals of records", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("lets the centre approve an exceptional-circumstances record, never the learner, and ties the approval to the version", async () => {
    const admin = world.scopes.admin!;
    const learner = world.scopes.learner1!;
    const made = (await createDocument(db(), admin, { learnerId: learner.learnerId!, templateId: "ilm-8588/exceptional-circumstances", data: { learnerName: "Learner One", clientRef: "Client 4" } }));
    if (!made.ok) throw new Error(made.reason);
    expect((await endorseDocument(db(), learner, { documentId: made.id, kind: "approved", expectedVersion: 1 }))).toMatchObject({ ok: false });
    expect((await endorseDocument(db(), world.scopes.assessor1!, { documentId: made.id, kind: "approved", expectedVersion: 1 }))).toMatchObject({ ok: false, reason: "forbidden" });
    expect((await endorseDocument(db(), world.otherScopes.admin ?? Object.values(world.otherScopes)[0]!, { documentId: made.id, kind: "approved", expectedVersion: 1 }))).toMatchObject({ ok: false, reason: "not-found" });
    expect((await listEndorsements(db(), admin, [{ id: made.id, version: 1 }]))).toEqual([]);
    expect((await endorseDocument(db(), world.scopes.iqa!, { documentId: made.id, kind: "approved", expectedVersion: 1 }))).toMatchObject({ ok: true });
    expect((await listEndorsements(db(), admin, [{ id: made.id, version: 1 }]))).toMatchObject([{ kind: "approved", role: "iqa", current: true }]);
    const saved = (await saveDocument(db(), admin, { id: made.id, expectedVersion: 1, data: { learnerName: "Learner One", clientRef: "Client 5" } }));
    if (!saved.ok) throw new Error(saved.reason);
    expect((await listEndorsements(db(), admin, [{ id: made.id, version: 2 }]))).toMatchObject([{ kind: "approved", current: false }]);
    expect((await endorseDocument(db(), admin, { documentId: made.id, kind: "approved", expectedVersion: 1 }))).toEqual({ ok: false, reason: "changed", currentVersion: 2 });
    const [audit] = await rows<{ n: number }>(world.database.db, "select count(*) as n from audit_log where action = 'document.approved' and entity_id = ?", made.id);
    expect(audit!.n).toBe(1);
  });

  it("lets the learner confirm the notes of their professional discussion, and nobody else", async () => {
    const assessor = world.scopes.assessor1!;
    const learner = world.scopes.learner1!;
    const made = (await createDocument(db(), assessor, { learnerId: learner.learnerId!, templateId: "ilm-8588/professional-discussion", data: { learnerName: "Learner One", assessorName: "Assessor One", date: "2026-12-01", unit: "501", duration: 1, entries: [{ time: "01:55", criteria: ["501:2.1"], summary: "Spoke about the fourth client." }] } }));
    if (!made.ok) throw new Error(made.reason);
    expect((await endorseDocument(db(), assessor, { documentId: made.id, kind: "confirmed", expectedVersion: 1 }))).toMatchObject({ ok: false, reason: "forbidden" });
    expect((await endorseDocument(db(), world.scopes.learner2!, { documentId: made.id, kind: "confirmed", expectedVersion: 1 }))).toMatchObject({ ok: false, reason: "not-found" });
    expect((await endorseDocument(db(), learner, { documentId: made.id, kind: "approved", expectedVersion: 1 }))).toMatchObject({ ok: false, reason: "forbidden" });
    expect((await endorseDocument(db(), learner, { documentId: made.id, kind: "confirmed", expectedVersion: 1 }))).toMatchObject({ ok: true });
    expect((await listEndorsements(db(), assessor, [{ id: made.id, version: 1 }]))).toMatchObject([{ kind: "confirmed", role: "learner", current: true }]);
  });
});
