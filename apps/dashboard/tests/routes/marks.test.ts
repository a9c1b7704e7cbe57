import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assignAssessor, createDocument, listDecisions, listLearners, registerLearner, signIn, submitUnit, type Scope } from "@ilm-forms/db";
import { registry, unitCriteria, validate } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as marking from "../../app/routes/assessor.submissions.$id.tsx";
import { resultSheetDocument } from "../../app/models/downloads.server.ts";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";

// The second scheme (marks out of a maximum per criterion) on the assessor's page, with nothing about
// the scheme in the page: the maxima and the total come from the qualification data.
let h: RouteHarness;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, context: h.context, params });
const QUALIFICATION = registry.qualifications().find((q) => q.scheme === "marks")!;
const UNIT = QUALIFICATION.units.find((u) => u.current)!;
const LEARNER = "learner4@demo.ilm-forms.test";
const ASSESSOR = "assessor1@demo.ilm-forms.test";
let submissionId = "";

async function scopeOf(email: string): Promise<Scope> {
  const person = h.demo.signIns.find((p) => p.email === email)!;
  const result = await signIn(h.database.db, { email, password: person.password, ip: "10.1.1.1" });
  if (!result.ok) throw new Error(`cannot sign in ${email}`);
  return result.scope;
}

beforeAll(async () => {
  h = await createHarness();
  const admin = await scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
  const learner = (await listLearners(h.database.db, admin)).find((l) => l.email === LEARNER)!;
  expect((await registerLearner(h.database.db, admin, { learnerId: learner.id, qualification: QUALIFICATION.id, route: "", unit: UNIT.id, ruleSetVersion: UNIT.version, registeredOn: "2026-01-05" }))).toMatchObject({ ok: true });
  const assessor = await scopeOf(ASSESSOR);
  expect((await assignAssessor(h.database.db, admin, { assessorUserId: assessor.userId, learnerId: learner.id }))).toMatchObject({ ok: true });
  const own = await scopeOf(LEARNER);
  const template = registry.list().find((t) => t.id.startsWith(`${QUALIFICATION.id}/`) && !t.annotations.generatedFrom)!;
  const [scheme, name] = template.id.split("/") as [string, string];
  const example = (JSON.parse(readFileSync(join(import.meta.dirname, "../../../../schemas", scheme, "examples", `${name}.json`), "utf8")) as { valid: Array<Record<string, unknown>> }).valid[0]!;
  const created = (await createDocument(h.database.db, own, { learnerId: learner.id, templateId: template.id, data: example }));
  if (!created.ok) throw new Error(`cannot create the document: ${JSON.stringify(created)}`);
  const submitted = (await submitUnit(h.database.db, own, { qualification: QUALIFICATION.id, unit: UNIT.id, documentIds: [created.id], declaration: { name: "Learner Four", date: "2026-11-30" } }));
  if (!submitted.ok) throw new Error(`cannot submit: ${JSON.stringify(submitted)}`);
  submissionId = submitted.id;
}, 60_000);
afterAll(() => h?.close());

describe("marking a unit of a marks scheme", () => {
  it("asks for a mark per criterion out of its maximum from the qualification data, with no Pass/Referral", async () => {
    const cookie = await h.cookieFor(ASSESSOR);
    const page = (await marking.loader(args(h.request(`/assessor/submissions/${submissionId}`, { cookie }), { id: submissionId }))) as Awaited<ReturnType<typeof marking.loader>>;
    expect(page.marked).toBe(true);
    const maxima = page.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => c.maxMarks));
    expect(maxima).toEqual(unitCriteria(UNIT).map((c) => c.maxMarks));
    expect(maxima.reduce((a, b) => a! + b!, 0)).toBe(100);
    expect(page.total).toEqual({ total: 0, outOf: 100 });
  });

  it("refuses a mark above the criterion's maximum, naming the criterion, and stores nothing", async () => {
    const cookie = await h.cookieFor(ASSESSOR);
    const [first, second] = unitCriteria(UNIT);
    const form: Record<string, string> = { intent: "save", [`marks-${first!.id}`]: String(first!.maxMarks! + 1), [`marks-${second!.id}`]: "1" };
    const result = await settle(() => marking.action(args(h.request(`/assessor/submissions/${submissionId}`, { cookie, form }), { id: submissionId })));
    expect(result).toEqual({ errors: [{ href: `#marks-${first!.id.replace(".", "-")}`, message: `AC ${first!.id}: ${first!.maxMarks! + 1} marks is more than its maximum of ${first!.maxMarks}` }] });
    const notWhole = await settle(() => marking.action(args(h.request(`/assessor/submissions/${submissionId}`, { cookie, form: { intent: "save", [`marks-${first!.id}`]: "2.5" } }), { id: submissionId })));
    expect(notWhole).toEqual({ errors: [{ href: `#marks-${first!.id.replace(".", "-")}`, message: `AC ${first!.id}: the mark must be a whole number from 0 to ${first!.maxMarks}` }] });
    const assessor = await scopeOf(ASSESSOR);
    expect((await listDecisions(h.database.db, assessor, submissionId))).toEqual([]);
  });

  it("refuses to record the decision while a criterion has no mark, then records every mark and totals them out of 100", async () => {
    const cookie = await h.cookieFor(ASSESSOR);
    const criteria = unitCriteria(UNIT);
    const partial = await settle(() => marking.action(args(h.request(`/assessor/submissions/${submissionId}`, { cookie, form: { intent: "finish", [`marks-${criteria[0]!.id}`]: "3" } }), { id: submissionId })));
    expect(partial).toMatchObject({ errors: expect.arrayContaining([{ href: `#marks-${criteria[1]!.id.replace(".", "-")}`, message: `AC ${criteria[1]!.id}: give a mark out of ${criteria[1]!.maxMarks} before you record the decision` }]) });
    // Each criterion its maximum less one (at least 0): a total the page must add up.
    const marks = criteria.map((c) => Math.max(0, c.maxMarks! - 1));
    const form: Record<string, string> = { intent: "finish" };
    criteria.forEach((c, i) => (form[`marks-${c.id}`] = String(marks[i])));
    const recorded = await settle(() => marking.action(args(h.request(`/assessor/submissions/${submissionId}`, { cookie, form }), { id: submissionId })));
    expect(recorded instanceof Response && recorded.status).toBe(302);
    const assessor = await scopeOf(ASSESSOR);
    expect((await listDecisions(h.database.db, assessor, submissionId)).map((d) => [d.criterion, d.marks, d.decision]).sort()).toEqual(criteria.map((c, i) => [`${UNIT.id}:${c.id}`, marks[i], null]).sort());
    const page = (await marking.loader(args(h.request(`/assessor/submissions/${submissionId}`, { cookie }), { id: submissionId }))) as Awaited<ReturnType<typeof marking.loader>>;
    expect(page.total).toEqual({ total: marks.reduce((a, b) => a + b, 0), outOf: 100 });
    expect(page.total!.total).toBe(100 - criteria.length);

    // The result sheet generated from the qualification data carries each mark and the total, and validates.
    const decisions = (await listDecisions(h.database.db, assessor, submissionId));
    const sheet = resultSheetDocument({ qualification: QUALIFICATION.id, unit: UNIT, submission: page.submission as never, decisions, learner: { name: "Learner Four", learnerNumber: "L4" }, centreName: "Demo", outcome: "Not yet decided" });
    expect(sheet.data.totalMarks).toBe(100 - criteria.length);
    const firstLo = UNIT.learningOutcomes[0]!;
    expect((sheet.data.learningOutcomes as Record<string, { criteria: Record<string, { marks?: number }> }>)[firstLo.number]!.criteria[firstLo.criteria[0]!.id]!.marks).toBe(marks[0]);
    expect(validate(sheet.template, sheet.data, { version: sheet.version }).errors).toEqual([]);
  });
});
