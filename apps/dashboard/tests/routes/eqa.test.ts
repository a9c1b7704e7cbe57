import { unitCriteria, registry } from "@ilm-forms/core";
import { listDocuments, listLearners, ratifySubmission, recordAssessment, signIn, submitUnit, type Scope } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as admin from "../../app/routes/admin._index.tsx";
import * as downloads from "../../app/routes/downloads.$.tsx";
import * as eqaHome from "../../app/routes/eqa._index.tsx";
import * as eqaUnit from "../../app/routes/eqa.submissions.$id.tsx";
import * as iqaHome from "../../app/routes/iqa._index.tsx";
import * as iqaReview from "../../app/routes/iqa.submissions.$id.tsx";
import * as learnerUnit from "../../app/routes/learner.units.$unit.tsx";
import * as learnerHome from "../../app/routes/learner._index.tsx";
import * as marking from "../../app/routes/assessor.submissions.$id.tsx";
import * as viewDocument from "../../app/routes/documents.$id.tsx";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";
import { rows, scalar } from "../support/database.ts";

// The external quality assurer (issue 15, section 5): reads the centre's IQA sample and every unit,
// comments on a ratified unit and verifies it; the centre's setting makes decisions final only then.

let h: RouteHarness;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, context: h.context, params });
const status = (result: unknown) => (result instanceof Response ? result.status : undefined);
const EQA = "eqa@demo.ilm-forms.test";
const OTHER_EQA = "eqa@other.ilm-forms.test";

async function scopeOf(email: string): Promise<Scope> {
  const person = [...h.demo.signIns, ...h.other.signIns].find((p) => p.email === email)!;
  const result = await signIn(h.database.db, { email, password: person.password, ip: "10.1.1.2" });
  if (!result.ok) throw new Error(`cannot sign in ${email}`);
  return result.scope;
}

let submissionId: string;
let learnerEmail: string;

beforeAll(async () => {
  h = await createHarness();
  // Learner 1's Unit 501: submitted, passed by the assessor, ratified by the IQA.
  const assessor = await scopeOf("assessor1@demo.ilm-forms.test");
  learnerEmail = "learner1@demo.ilm-forms.test";
  const learnerScope = await scopeOf(learnerEmail);
  const learner = (await listLearners(h.database.db, assessor)).find((l) => l.email === learnerEmail)!;
  const documentIds = (await listDocuments(h.database.db, learnerScope, learner.id)).map((d) => d.id);
  const submitted = await submitUnit(h.database.db, learnerScope, { qualification: "ilm-8588", unit: "501", documentIds, declaration: { name: learner.name, date: "2026-12-01" } });
  if (!submitted.ok) throw new Error(submitted.reason);
  submissionId = submitted.id;
  const criteria = unitCriteria(registry.unit("ilm-8588", "501", "2.0")!).map((c) => `501:${c.id}`);
  const recorded = await recordAssessment(h.database.db, assessor, { submissionId, decisions: criteria.map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "Sufficient." })), comments: {}, criteria, finish: true });
  if (!recorded.ok) throw new Error(recorded.reason);
  const ratified = await ratifySubmission(h.database.db, await scopeOf("iqa@demo.ilm-forms.test"), { submissionId, decision: "ratify", comments: "Sampled: a new assessor." });
  if (!ratified.ok) throw new Error(ratified.reason);
}, 120_000);
afterAll(() => h?.close());

describe("the EQA", () => {
  it("a centre admin requires external verification; the learner then reads the ratified Pass as provisional, on the unit page and the result sheet", async () => {
    const adminCookie = await h.cookieFor("admin@demo.ilm-forms.test");
    const saved = await admin.action(args(h.request("/admin", { cookie: adminCookie, form: { intent: "settings", centreNumber: "", iqaSamplePercent: "25", eqaVerificationRequired: "yes" } })));
    expect(saved).toMatchObject({ done: expect.stringContaining("saved") });
    const page = (await admin.loader(args(h.request("/admin", { cookie: adminCookie })))) as { settings: { eqaVerificationRequired: boolean } };
    expect(page.settings.eqaVerificationRequired).toBe(true);

    const cookie = await h.cookieFor(learnerEmail);
    const unit = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie }), { unit: "501" }))) as { assessment?: { state: { final: boolean; ratified: boolean; words: string } } };
    expect(unit.assessment?.state).toMatchObject({ ratified: true, final: false });
    expect(unit.assessment?.state.words).toMatch(/^Provisional Pass \(attempt 1\): internal quality assurance ratified it on .*final once the external quality assurer verifies it/);
    const sheet = await (await downloads.loader(args(h.request(`/downloads/result-sheet/${submissionId}.html`, { cookie }), { "*": `result-sheet/${submissionId}.html` }))).text();
    expect(sheet).toContain("Provisional: ratified by internal quality assurance");
    // Nor does the provisional Pass count towards the award yet.
    const home = (await learnerHome.loader(args(h.request("/learner", { cookie })))) as Awaited<ReturnType<typeof learnerHome.loader>>;
    expect(home.awards[0]?.outstanding).toContain("501");
    expect(home.news.map((n) => n.text)).toContain("Unit 501 is ratified: Pass (provisional until the external quality assurer verifies it).");
  });

  it("sees the IQA sample with why each unit is in it, reads the unit, its documents and downloads", async () => {
    const cookie = await h.cookieFor(EQA);
    const home = (await eqaHome.loader(args(h.request("/eqa", { cookie })))) as Awaited<ReturnType<typeof eqaHome.loader>>;
    const row = home.toVerify.rows.find((r) => r.id === submissionId)!;
    expect(row).toMatchObject({ unit: "501", result: "Pass", attempt: 1, verifiedOn: null, assessor: "Sam Assessor", iqa: "Indira Quality" });
    expect(row.reason).toMatch(/^A new assessor: every unit is sampled until 3 in a row are ratified unchanged \(0 so far\)\.$/);
    expect(home.required).toBe(true);
    const unit = (await eqaUnit.loader(args(h.request(`/eqa/submissions/${submissionId}`, { cookie }), { id: submissionId }))) as Awaited<ReturnType<typeof eqaUnit.loader>>;
    expect(unit.rows.every((r) => r.decision === "Pass" && r.feedback === "Sufficient.")).toBe(true);
    expect(unit.iqaReviews).toEqual([expect.objectContaining({ decision: "ratify", comments: "Sampled: a new assessor.", by: "Indira Quality" })]);
    const documentId = unit.documents[0]!.id;
    expect(status(await settle(() => viewDocument.loader(args(h.request(`/documents/${documentId}`, { cookie }), { id: documentId }))))).toBeUndefined();
    const pdf = await downloads.loader(args(h.request(`/downloads/result-sheet/${submissionId}.html`, { cookie }), { "*": `result-sheet/${submissionId}.html` }));
    expect(pdf.status).toBe(200);
  });

  it("cannot change a decision, ratify, approve, change the centre's settings, or write in another centre; nothing is stored", async () => {
    const cookie = await h.cookieFor(EQA);
    const count = async () => ({
      decisions: await rows(h.database, "select criterion, decision, feedback, state from assessor_decisions where submission_id = ? order by criterion", submissionId),
      ratifications: await scalar(h.database, "select count(*) n from qa_ratifications"),
      reviews: await scalar(h.database, "select count(*) n from eqa_reviews"),
      settings: await rows(h.database, "select centre_number, iqa_sample_percent, eqa_verification_required from centres order by id"),
    });
    const before = await count();
    const crafted = { intent: "finish", "decision-1.1": "Referral", "feedback-1.1": "changed by the EQA" };
    expect(status(await settle(() => marking.action(args(h.request(`/assessor/submissions/${submissionId}`, { cookie, form: crafted }), { id: submissionId }))))).toBe(404);
    expect(status(await settle(() => iqaReview.action(args(h.request(`/iqa/submissions/${submissionId}`, { cookie, form: { decision: "return", comments: "by the EQA" } }), { id: submissionId }))))).toBe(404);
    expect(status(await settle(() => admin.action(args(h.request("/admin", { cookie, form: { intent: "settings", centreNumber: "X", iqaSamplePercent: "0" } })))))).toBe(404);
    expect(status(await settle(() => viewDocument.action(args(h.request("/documents/x", { cookie, form: { intent: "approve", version: "1" } }), { id: "x" }))))).toBe(404);
    // The other centre's EQA: the unit does not exist for them.
    const other = await h.cookieFor(OTHER_EQA);
    expect(status(await settle(() => eqaUnit.loader(args(h.request(`/eqa/submissions/${submissionId}`, { cookie: other }), { id: submissionId }))))).toBe(404);
    expect(status(await settle(() => eqaUnit.action(args(h.request(`/eqa/submissions/${submissionId}`, { cookie: other, form: { intent: "verified", comment: "" } }), { id: submissionId }))))).toBe(404);
    expect(((await eqaHome.loader(args(h.request("/eqa", { cookie: other })))) as Awaited<ReturnType<typeof eqaHome.loader>>).toVerify.total).toBe(0);
    // Nor can anyone else of the centre verify.
    for (const email of ["iqa@demo.ilm-forms.test", "admin@demo.ilm-forms.test", learnerEmail]) {
      expect(status(await settle(async () => eqaUnit.action(args(h.request(`/eqa/submissions/${submissionId}`, { cookie: await h.cookieFor(email), form: { intent: "verified", comment: "" } }), { id: submissionId }))))).toBe(404);
    }
    expect(await count()).toEqual(before);
  });

  it("comments and verifies with a confirmation; the learner then reads the Pass as final and the sheet drops the note", async () => {
    const cookie = await h.cookieFor(EQA);
    const empty = await eqaUnit.action(args(h.request(`/eqa/submissions/${submissionId}`, { cookie, form: { intent: "comment", comment: "  " } }), { id: submissionId }));
    expect(empty).toEqual({ errors: [{ href: "#eqa-comment", message: "Write your comment before you add it" }] });
    const commented = await settle(() => eqaUnit.action(args(h.request(`/eqa/submissions/${submissionId}`, { cookie, form: { intent: "comment", comment: "Clear feedback against every AC." } }), { id: submissionId })));
    expect(commented instanceof Response && commented.headers.get("Location")).toBe(`/eqa/submissions/${submissionId}?done=comment`);
    const verified = await settle(() => eqaUnit.action(args(h.request(`/eqa/submissions/${submissionId}`, { cookie, form: { intent: "verified", comment: "" } }), { id: submissionId })));
    expect(verified instanceof Response && verified.headers.get("Location")).toBe(`/eqa/submissions/${submissionId}?done=verified`);
    const again = await eqaUnit.action(args(h.request(`/eqa/submissions/${submissionId}`, { cookie, form: { intent: "verified", comment: "" } }), { id: submissionId }));
    expect(again).toEqual({ errors: [{ href: "#eqa", message: "This unit is already verified." }] });
    const page = (await eqaUnit.loader(args(h.request(`/eqa/submissions/${submissionId}?done=verified`, { cookie }), { id: submissionId }))) as Awaited<ReturnType<typeof eqaUnit.loader>>;
    expect(page.done).toBe("verified");
    expect(page.eqaReviews.map((r) => [r.kind, r.comment, r.by])).toEqual([["comment", "Clear feedback against every AC.", "Esther External"], ["verified", "", "Esther External"]]);

    const learnerCookie = await h.cookieFor(learnerEmail);
    const unit = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie: learnerCookie }), { unit: "501" }))) as { assessment?: { state: { final: boolean; words: string } } };
    expect(unit.assessment?.state.final).toBe(true);
    expect(unit.assessment?.state.words).toMatch(/^Ratified Pass \(attempt 1\): .* and the external quality assurer verified it on \d{4}-\d\d-\d\d\.$/);
    const home = (await learnerHome.loader(args(h.request("/learner", { cookie: learnerCookie })))) as Awaited<ReturnType<typeof learnerHome.loader>>;
    expect(home.news.map((n) => n.text)).toContain("Unit 501 is verified by the external quality assurer: Pass is final.");
    expect(home.awards[0]?.outstanding).not.toContain("501");
    const sheet = await (await downloads.loader(args(h.request(`/downloads/result-sheet/${submissionId}.html`, { cookie: learnerCookie }), { "*": `result-sheet/${submissionId}.html` }))).text();
    expect(sheet).not.toContain("Provisional:");
    // The IQA reads the EQA's comment and verification on their review of the unit.
    const iqaPage = (await iqaReview.loader(args(h.request(`/iqa/submissions/${submissionId}`, { cookie: await h.cookieFor("iqa@demo.ilm-forms.test") }), { id: submissionId }))) as Awaited<ReturnType<typeof iqaReview.loader>>;
    expect(iqaPage.eqaReviews.map((r) => [r.kind, r.comment, r.by])).toEqual([["comment", "Clear feedback against every AC.", "Esther External"], ["verified", "", "Esther External"]]);
    // The EQA's list moves it to Verified.
    const list = (await eqaHome.loader(args(h.request("/eqa", { cookie })))) as Awaited<ReturnType<typeof eqaHome.loader>>;
    expect(list.verified.rows.map((r) => r.id)).toContain(submissionId);
    expect(list.toVerify.rows.map((r) => r.id)).not.toContain(submissionId);
  });

  it("reads the IQA's plan over the units still waiting for the IQA, the same plan and reasons the IQA sees", async () => {
    const assessor = await scopeOf("assessor1@demo.ilm-forms.test");
    // Another of assessor 1's learners, on a unit of the Certificate.
    const learner = (await listLearners(h.database.db, assessor)).find((l) => l.email !== learnerEmail)!;
    const learnerScope = await scopeOf(learner.email);
    const documentIds = (await listDocuments(h.database.db, learnerScope, learner.id)).map((d) => d.id);
    const submitted = await submitUnit(h.database.db, learnerScope, { qualification: "ilm-8588", unit: "501", documentIds, declaration: { name: learner.name, date: "2026-12-02" } });
    if (!submitted.ok) throw new Error(submitted.reason);
    const criteria = unitCriteria(registry.unit("ilm-8588", "501", "2.0")!).map((c) => `501:${c.id}`);
    const recorded = await recordAssessment(h.database.db, assessor, { submissionId: submitted.id, decisions: criteria.map((criterion) => ({ criterion, decision: "Referral" as const, feedback: "More evidence." })), comments: {}, criteria, finish: true });
    if (!recorded.ok) throw new Error(recorded.reason);
    const eqa = (await eqaHome.loader(args(h.request("/eqa", { cookie: await h.cookieFor(EQA) })))) as Awaited<ReturnType<typeof eqaHome.loader>>;
    const iqa = (await iqaHome.loader(args(h.request("/iqa", { cookie: await h.cookieFor("iqa@demo.ilm-forms.test") })))) as Awaited<ReturnType<typeof iqaHome.loader>>;
    const waiting = eqa.waiting.rows.find((r) => r.id === submitted.id)!;
    expect(waiting).toMatchObject({ unit: "501", outcome: "Referral", attempt: 1 });
    expect(waiting.reason).toBe(iqa.sample.rows.find((r) => r.id === submitted.id)!.reason);
    expect(eqa.waiting.param).toBe("waiting");
    // Read-only: the EQA may read it but not verify a unit the IQA has not ratified.
    const refused = await eqaUnit.action(args(h.request(`/eqa/submissions/${submitted.id}`, { cookie: await h.cookieFor(EQA), form: { intent: "verified", comment: "" } }), { id: submitted.id }));
    expect(JSON.stringify(refused)).toMatch(/error|not/i);
  });
});
