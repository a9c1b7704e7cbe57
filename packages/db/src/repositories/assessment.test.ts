import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { listAuditEntries } from "./audit.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { recordDecision, listDecisions } from "./decisions.ts";
import { getDocument, listDocuments, saveDocument } from "./documents.ts";
import { listRatifications, ratifySubmission } from "./ratifications.ts";
import { finishAssessment, getSubmission, listSubmissions, submissionContentHash, submitUnit } from "./submissions.ts";
import { inSequence } from "../test/database.ts";

describe("submission, assessment and ratification", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("runs a unit from submission to ratification, scoped and audited", async () => {
    const { learner1, assessor1, assessor2, iqa, admin } = world.scopes;
    const docs = await inSequence([1, 2, 3], (n) => createDraft(world.database, learner1!, n));
    const hash = submissionContentHash(docs);
    const declaration = { name: "Casey", date: "2025-06-01" };
    const input = { qualification: "ilm-8588", unit: "501", documentIds: docs.map((d) => d.id), declaration, expectedContentHash: hash };

    expect((await submitUnit(db(), assessor1!, input))).toEqual({ ok: false, reason: "forbidden" });
    expect((await submitUnit(db(), learner1!, { ...input, unit: "502" }))).toEqual({ ok: false, reason: "not-registered" });
    const changedDoc = docs[0]!;
    const saved = (await saveDocument(db(), learner1!, { id: changedDoc.id, expectedVersion: changedDoc.version, data: changedDoc.data }));
    expect(saved.ok).toBe(true);
    expect((await submitUnit(db(), learner1!, input))).toMatchObject({ ok: false, reason: "changed" });
    const fresh = await inSequence(docs, async (d) => (await getDocument(db(), learner1!, d.id))!);
    const submitted = (await submitUnit(db(), learner1!, { ...input, expectedContentHash: submissionContentHash(fresh) }));
    expect(submitted).toMatchObject({ ok: true, contentHash: submissionContentHash(fresh) });
    if (!submitted.ok) return;

    // What the assessor marks is what was submitted: the submitted documents are locked, the others not.
    const lockedDoc = (await getDocument(db(), learner1!, fresh[0]!.id))!;
    const locked = (await saveDocument(db(), learner1!, { id: lockedDoc.id, expectedVersion: lockedDoc.version, data: { ...lockedDoc.data } }));
    expect(locked).toEqual({ ok: false, reason: "locked", submission: { id: submitted.id, qualification: "ilm-8588", unit: "501", submittedAt: expect.any(String) } });
    expect((await saveDocument(db(), admin!, { id: lockedDoc.id, expectedVersion: lockedDoc.version, data: lockedDoc.data }))).toMatchObject({ ok: false, reason: "locked" });
    expect((await getDocument(db(), learner1!, lockedDoc.id))!.version).toBe(lockedDoc.version);
    const outside = (await createDraft(world.database, learner1!, 4));
    expect((await saveDocument(db(), learner1!, { id: outside.id, expectedVersion: outside.version, data: outside.data })).ok).toBe(true);

    expect((await listSubmissions(db(), assessor1!, { status: ["submitted"] })).map((s) => s.id)).toContain(submitted.id);
    expect((await listSubmissions(db(), assessor2!, { status: ["submitted"] }))).toEqual([]);
    expect((await getSubmission(db(), world.otherScopes.admin!, submitted.id))).toBeUndefined();
    expect((await getSubmission(db(), learner1!, submitted.id))?.documents).toEqual(fresh.map((d) => ({ id: d.id, version: d.version })));

    const decision = { submissionId: submitted.id, criterion: "501:2.2", decision: "Pass" as const, feedback: "Clear records." };
    expect((await recordDecision(db(), assessor2!, decision))).toEqual({ ok: false, reason: "not-found" });
    expect((await recordDecision(db(), iqa!, decision))).toEqual({ ok: false, reason: "forbidden" });
    expect((await recordDecision(db(), assessor1!, decision)).ok).toBe(true);
    expect((await recordDecision(db(), assessor1!, { ...decision, criterion: "501:2.1", decision: "Referral" })).ok).toBe(true);
    expect((await recordDecision(db(), assessor1!, { ...decision, criterion: "501:2.1" })).ok).toBe(true);
    expect((await listDecisions(db(), learner1!, submitted.id)).map((d) => [d.criterion, d.decision, d.state])).toEqual([
      ["501:2.1", "Pass", "provisional"],
      ["501:2.2", "Pass", "provisional"],
    ]);
    expect((await ratifySubmission(db(), iqa!, { submissionId: submitted.id, decision: "ratify", comments: "" }))).toEqual({ ok: false, reason: "not-assessed" });
    expect((await finishAssessment(db(), assessor1!, { submissionId: submitted.id, status: "assessed" }))).toEqual({ ok: true });
    expect((await recordDecision(db(), assessor1!, decision))).toEqual({ ok: false, reason: "not-submitted" });

    expect((await ratifySubmission(db(), assessor1!, { submissionId: submitted.id, decision: "ratify", comments: "" }))).toEqual({ ok: false, reason: "forbidden" });
    expect((await ratifySubmission(db(), iqa!, { submissionId: submitted.id, decision: "ratify", comments: "Sampled: agreed." })).ok).toBe(true);
    expect((await listDecisions(db(), admin!, submitted.id)).every((d) => d.state === "ratified")).toBe(true);
    expect((await listRatifications(db(), admin!, submitted.id))).toHaveLength(1);

    expect((await saveDocument(db(), learner1!, { id: lockedDoc.id, expectedVersion: lockedDoc.version, data: lockedDoc.data }))).toMatchObject({ ok: false, reason: "locked" });

    const actions = (await listAuditEntries(db(), admin!, { limit: 8 })).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["qa.ratify", "submission.assess"]);
    expect((await listAuditEntries(db(), learner1!))).toEqual([]);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("unlocks a unit's documents when the assessor returns it to the learner", async () => {
    const { learner1, assessor1 } = world.scopes;
    const docs = (await listDocuments(db(), learner1!, learner1!.learnerId!)).slice(3, 5);
    // Unit 503: Unit 501 was ratified as a Pass above, and a passed unit takes no further attempt.
    const submitted = (await submitUnit(db(), learner1!, { qualification: "ilm-8588", unit: "503", documentIds: docs.map((d) => d.id), declaration: { name: "Casey", date: "2025-07-01" } }));
    if (!submitted.ok) throw new Error(`not submitted: ${submitted.reason}`);
    const doc = docs[0]!;
    expect((await saveDocument(db(), learner1!, { id: doc.id, expectedVersion: doc.version, data: doc.data }))).toMatchObject({ ok: false, reason: "locked", submission: { id: submitted.id } });
    expect((await finishAssessment(db(), assessor1!, { submissionId: submitted.id, status: "returned" }))).toEqual({ ok: true });
    expect((await saveDocument(db(), learner1!, { id: doc.id, expectedVersion: doc.version, data: doc.data }))).toEqual({ ok: true, version: doc.version + 1 });
  });
});
