import { unitCriteria, registry } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { listAssessmentComments, saveAssessmentComments } from "./assessmentComments.ts";
import { listSubmittedDocuments, previousAttempt } from "./attempts.ts";
import { listDecisions, recordAssessment } from "./decisions.ts";
import { getDocument, saveDocument } from "./documents.ts";
import { ratifySubmission } from "./ratifications.ts";
import { getSubmission, submitUnit } from "./submissions.ts";

describe("the assessment cycle", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const criteria = unitCriteria(registry.unit("ilm-8588", "501", "2.0")!).map((c) => `501:${c.id}`);

  it("stores nothing from a partial Record, keeps draft marks, and opens attempt 2 after a ratified Referral with attempt 1 kept verbatim", async () => {
    const { learner1, assessor1, iqa } = world.scopes;
    const doc = (await createDraft(world.database, learner1!, 3));
    const submitted = (await submitUnit(db(), learner1!, { qualification: "ilm-8588", unit: "501", documentIds: [doc.id], declaration: { name: "Casey", date: "2026-12-01" } }));
    if (!submitted.ok) throw new Error(submitted.reason);
    expect((await getSubmission(db(), learner1!, submitted.id))!.attempt).toBe(1);
    expect((await submitUnit(db(), learner1!, { qualification: "ilm-8588", unit: "501", documentIds: [doc.id], declaration: { name: "Casey", date: "2026-12-01" } }))).toEqual({ ok: false, reason: "open" });

    // Record with two criteria marked: refused, nothing stored.
    const two = [{ criterion: criteria[0]!, decision: "Pass" as const, feedback: "" }, { criterion: criteria[1]!, decision: "Referral" as const, feedback: "Add the second client's contract." }];
    const partial = (await recordAssessment(db(), assessor1!, { submissionId: submitted.id, decisions: two, comments: { "lo:1": "Good start." }, criteria, finish: true }));
    expect(partial).toMatchObject({ ok: false, reason: "undecided" });
    expect((await listDecisions(db(), assessor1!, submitted.id))).toEqual([]);
    expect((await listAssessmentComments(db(), assessor1!, submitted.id))).toEqual([]);
    // Saved as a draft: stored, still with the assessor.
    expect((await recordAssessment(db(), assessor1!, { submissionId: submitted.id, decisions: two, comments: { "lo:1": "Good start." }, criteria, finish: false }))).toEqual({ ok: true, finished: false });
    expect((await getSubmission(db(), learner1!, submitted.id))!.status).toBe("submitted");
    // A refusal part-way (a criterion's feedback too long) rolls back the decisions before it.
    const tooLong = (await recordAssessment(db(), assessor1!, { submissionId: submitted.id, decisions: [{ criterion: criteria[2]!, decision: "Pass", feedback: "" }, { criterion: criteria[3]!, decision: "Pass", feedback: "x".repeat(6000) }], comments: {}, criteria, finish: false }));
    expect(tooLong).toMatchObject({ ok: false, reason: "too-long" });
    expect((await listDecisions(db(), assessor1!, submitted.id))).toHaveLength(2);
    const rest = criteria.slice(2).map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "" }));
    expect((await recordAssessment(db(), assessor1!, { submissionId: submitted.id, decisions: rest, comments: {}, criteria, finish: true }))).toEqual({ ok: true, finished: true });

    // Quality assurance: comments of its own, then ratify once.
    expect((await saveAssessmentComments(db(), assessor1!, { submissionId: submitted.id, comments: { "lo:2": "late" } }))).toEqual({ ok: false, reason: "not-open" });
    expect((await saveAssessmentComments(db(), iqa!, { submissionId: submitted.id, comments: { "lo:1": "not mine to write" } }))).toEqual({ ok: false, reason: "forbidden" });
    expect((await saveAssessmentComments(db(), iqa!, { submissionId: submitted.id, comments: { "qa:lo:1": "Agreed." } }))).toEqual({ ok: true });
    expect((await ratifySubmission(db(), iqa!, { submissionId: submitted.id, decision: "ratify", comments: "Sampled." })).ok).toBe(true);
    expect((await ratifySubmission(db(), iqa!, { submissionId: submitted.id, decision: "ratify", comments: "again" }))).toEqual({ ok: false, reason: "already-ratified" });
    expect((await getSubmission(db(), learner1!, submitted.id))!.result).toBe("Referral");

    // The Referral reopens the document; the learner changes it and submits attempt 2.
    const changed = (await saveDocument(db(), learner1!, { id: doc.id, expectedVersion: doc.version, data: { ...doc.data, duration: 2 } }));
    expect(changed).toEqual({ ok: true, version: doc.version + 1 });
    const second = (await submitUnit(db(), learner1!, { qualification: "ilm-8588", unit: "501", documentIds: [doc.id], declaration: { name: "Casey", date: "2026-12-05" } }));
    if (!second.ok) throw new Error(second.reason);
    const attempt2 = (await getSubmission(db(), assessor1!, second.id))!;
    expect(attempt2.attempt).toBe(2);
    expect((await previousAttempt(db(), assessor1!, attempt2))?.id).toBe(submitted.id);
    // Attempt 1 verbatim; attempt 2 holds the change.
    expect((await listSubmittedDocuments(db(), assessor1!, submitted.id))).toEqual([expect.objectContaining({ documentId: doc.id, version: doc.version, data: doc.data })]);
    expect((await listSubmittedDocuments(db(), assessor1!, second.id))[0]!.data.duration).toBe(2);
    expect((await getDocument(db(), learner1!, doc.id))!.version).toBe(doc.version + 1);
    // Locked again while attempt 2 is assessed.
    expect((await saveDocument(db(), learner1!, { id: doc.id, expectedVersion: doc.version + 1, data: doc.data }))).toMatchObject({ ok: false, reason: "locked" });
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
