import { unitCriteria, registry } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { getCentre, updateCentreSettings } from "./centres.ts";
import { listDecisions, recordAssessment } from "./decisions.ts";
import { saveDocument } from "./documents.ts";
import { addEqaReview, listEqaReviews } from "./eqaReviews.ts";
import { listMembers } from "./people.ts";
import { ratifySubmission } from "./ratifications.ts";
import { getSubmission, listSubmissions, submitUnit } from "./submissions.ts";

describe("the external quality assurer (EQA)", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const criteria = unitCriteria(registry.unit("ilm-8588", "501", "2.0")!).map((c) => `501:${c.id}`);

  it("is a member of its centre and reads the centre's submissions and people, no other centre's", async () => {
    const { eqa } = world.scopes;
    expect(eqa).toMatchObject({ role: "eqa", centreId: world.demo.centreId });
    expect(world.otherScopes.eqa).toMatchObject({ role: "eqa", centreId: world.other.centreId });
    const names = (await listMembers(db(), eqa!)).map((m) => m.role);
    expect(names).toContain("assessor");
    expect((await listMembers(db(), eqa!)).every((m) => m.email.endsWith("@demo.ilm-forms.test"))).toBe(true);
  });

  it("comments on and verifies a ratified unit only, once, in its own centre, and changes no decision", async () => {
    const { learner1, assessor1, iqa, eqa, admin } = world.scopes;
    const doc = await createDraft(world.database, learner1!, 4);
    const submitted = await submitUnit(db(), learner1!, { qualification: "ilm-8588", unit: "501", documentIds: [doc.id], declaration: { name: "Casey", date: "2026-12-01" } });
    if (!submitted.ok) throw new Error(submitted.reason);
    const id = submitted.id;
    // The EQA reads it but cannot mark it.
    expect((await getSubmission(db(), eqa!, id))?.id).toBe(id);
    expect((await listSubmissions(db(), eqa!)).some((s) => s.id === id)).toBe(true);
    const all = criteria.map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "" }));
    expect(await recordAssessment(db(), eqa!, { submissionId: id, decisions: all, comments: {}, criteria, finish: true })).toEqual({ ok: false, reason: "forbidden" });
    expect(await recordAssessment(db(), assessor1!, { submissionId: id, decisions: all, comments: {}, criteria, finish: true })).toEqual({ ok: true, finished: true });
    // Not yet ratified: nothing to verify.
    expect(await addEqaReview(db(), eqa!, { submissionId: id, kind: "verified", comment: "" })).toEqual({ ok: false, reason: "not-ratified" });
    // Nor can the EQA ratify.
    expect(await ratifySubmission(db(), eqa!, { submissionId: id, decision: "ratify", comments: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect((await ratifySubmission(db(), iqa!, { submissionId: id, decision: "ratify", comments: "Sampled: new assessor." })).ok).toBe(true);

    // Other roles and other centres.
    expect(await addEqaReview(db(), iqa!, { submissionId: id, kind: "verified", comment: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await addEqaReview(db(), learner1!, { submissionId: id, kind: "comment", comment: "mine" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await addEqaReview(db(), admin!, { submissionId: id, kind: "verified", comment: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await addEqaReview(db(), world.otherScopes.eqa!, { submissionId: id, kind: "verified", comment: "" })).toEqual({ ok: false, reason: "not-found" });
    expect(await addEqaReview(db(), eqa!, { submissionId: id, kind: "ratify" as never, comment: "x" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await addEqaReview(db(), eqa!, { submissionId: id, kind: "comment", comment: "   " })).toEqual({ ok: false, reason: "empty" });
    expect(await addEqaReview(db(), eqa!, { submissionId: id, kind: "comment", comment: "x".repeat(6000) })).toMatchObject({ ok: false, reason: "too-long" });
    expect(await listEqaReviews(db(), eqa!, id)).toEqual([]);

    const before = await listDecisions(db(), eqa!, id);
    expect((await addEqaReview(db(), eqa!, { submissionId: id, kind: "comment", comment: "  The plan for Client 2 is thin but sufficient.  " })).ok).toBe(true);
    expect((await addEqaReview(db(), eqa!, { submissionId: id, kind: "verified", comment: "" })).ok).toBe(true);
    expect(await addEqaReview(db(), eqa!, { submissionId: id, kind: "verified", comment: "twice" })).toEqual({ ok: false, reason: "already-verified" });
    // Decisions and result untouched.
    expect(await listDecisions(db(), eqa!, id)).toEqual(before);
    expect((await getSubmission(db(), learner1!, id))!.result).toBe("Pass");

    const reviews = await listEqaReviews(db(), learner1!, id);
    expect(reviews.map((r) => [r.kind, r.comment, r.eqaName])).toEqual([
      ["comment", "The plan for Client 2 is thin but sufficient.", "Esther External"],
      ["verified", "", "Esther External"],
    ]);
    expect(await listEqaReviews(db(), world.otherScopes.eqa!, id)).toEqual([]);
    expect(await listEqaReviews(db(), world.otherScopes.admin!, id)).toEqual([]);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("cannot edit a learner's document", async () => {
    const { learner2, eqa } = world.scopes;
    const doc = await createDraft(world.database, learner2!, 5);
    const saved = await saveDocument(db(), eqa!, { id: doc.id, expectedVersion: doc.version, data: { ...doc.data, duration: 1 } });
    expect(saved.ok).toBe(false);
  });

  it("the centre setting: final only after external verification, set by a centre admin only", async () => {
    const { admin, eqa } = world.scopes;
    expect((await getCentre(db(), eqa!))!.eqaVerificationRequired).toBe(false);
    expect(await updateCentreSettings(db(), eqa!, { centreNumber: "", iqaSamplePercent: 25, eqaVerificationRequired: false })).toEqual({ ok: false, reason: "forbidden" });
    expect(await updateCentreSettings(db(), admin!, { centreNumber: "C123", iqaSamplePercent: 30, eqaVerificationRequired: true })).toEqual({ ok: true });
    expect(await getCentre(db(), eqa!)).toMatchObject({ centreNumber: "C123", iqaSamplePercent: 30, eqaVerificationRequired: true });
    // Left out: unchanged.
    expect(await updateCentreSettings(db(), admin!, { centreNumber: "C123", iqaSamplePercent: 30 })).toEqual({ ok: true });
    expect((await getCentre(db(), admin!))!.eqaVerificationRequired).toBe(true);
    expect((await getCentre(db(), world.otherScopes.admin!))!.eqaVerificationRequired).toBe(false);
  });
});
