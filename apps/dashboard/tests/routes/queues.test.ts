import { addMember, assignAssessor, createDocument, ratifySubmission, recordAssessment, submitUnit, type Scope } from "@ilm-forms/db";
import { registry, unitCriteria } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as assessorHome from "../../app/routes/assessor._index.tsx";
import * as iqaHome from "../../app/routes/iqa._index.tsx";
import * as myLearnersPage from "../../app/routes/assessor.learners.tsx";
import { LEARNERS_PER_PAGE } from "../../app/models/myLearners.server.ts";
import { registerOnUnit, registrationChoices } from "../../app/models/people.server.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";

// The assessor's "Assessed" and "Ratified" lists and the IQA's "Ratified" list come 25 a page, each
// with its own page parameter, like the queues (issue 15, layout): 27 learners of one assessor, each
// with a unit assessed, 2 of them ratified by the IQA ... then all 27.
let h: RouteHarness;
const args = (request: Request) => ({ request, context: h.context, params: {} });
const LEARNERS = 27;
const UNIT = "501";
const submissions: string[] = [];
let iqa: Scope;

beforeAll(async () => {
  h = await createHarness();
  const db = h.database.db;
  const admin = await h.scopeFor(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
  const assessor = await h.scopeFor("assessor1@demo.ilm-forms.test");
  iqa = await h.scopeFor(h.demo.signIns.find((p) => p.role === "iqa")!.email);
  const unit = registry.unit("ilm-8588", UNIT)!;
  const criteria = unitCriteria(unit).map((c) => `${UNIT}:${c.id}`);
  const choice = registrationChoices().find((c) => c.qualification === "ilm-8588" && c.unit === UNIT && c.current)!;
  for (let i = 1; i <= LEARNERS; i++) {
    const email = `paged${i}@demo.ilm-forms.test`;
    const added = await addMember(db, admin, { name: `Paged Learner ${String(i).padStart(2, "0")}`, email, password: "a-long-enough-password", role: "learner", learnerNumber: `PAGED${i}` });
    if (!added.ok || !added.learnerId) throw new Error(`cannot add ${email}: ${JSON.stringify(added)}`);
    const learnerId = added.learnerId;
    const registered = await registerOnUnit(db, admin, learnerId, choice.value);
    if (!registered.ok) throw new Error(`cannot register: ${JSON.stringify(registered)}`);
    expect((await assignAssessor(db, admin, { assessorUserId: assessor.userId, learnerId })).ok).toBe(true);
    const own: Scope = { userId: added.userId, centreId: admin.centreId, role: "learner" };
    const made = await createDocument(db, own, { learnerId, templateId: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-01", duration: 60 } });
    if (!made.ok) throw new Error(`cannot create a document: ${JSON.stringify(made)}`);
    const submitted = await submitUnit(db, own, { qualification: "ilm-8588", unit: UNIT, documentIds: [made.id], declaration: { name: `Paged Learner ${i}`, date: "2026-12-01" } });
    if (!submitted.ok) throw new Error(`cannot submit: ${JSON.stringify(submitted)}`);
    expect(await recordAssessment(db, assessor, { submissionId: submitted.id, decisions: criteria.map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "" })), comments: {}, criteria, finish: true })).toEqual({ ok: true, finished: true });
    submissions.push(submitted.id);
  }
}, 240_000);
afterAll(() => h?.close());

type AssessorPage = Awaited<ReturnType<typeof assessorHome.loader>>;
type IqaPage = Awaited<ReturnType<typeof iqaHome.loader>>;

describe("the assessor's and the IQA's lists", () => {
  it("page the assessor's assessed units 25 at a time, on their own parameter", async () => {
    const cookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    const first = (await assessorHome.loader(args(h.request("/assessor", { cookie })))) as AssessorPage;
    expect(first.assessed.total).toBeGreaterThanOrEqual(LEARNERS);
    expect(first.assessed.rows).toHaveLength(25);
    expect(first.assessed).toMatchObject({ page: 1, pages: 2, param: "assessed-page" });
    const second = (await assessorHome.loader(args(h.request("/assessor?assessed-page=2", { cookie })))) as AssessorPage;
    expect(second.assessed.page).toBe(2);
    expect(second.assessed.rows).toHaveLength(first.assessed.total - 25);
    expect(new Set([...first.assessed.rows, ...second.assessed.rows].map((r) => r.id)).size).toBe(first.assessed.total);
    // The other lists keep their own pages.
    expect(second.queue.page).toBe(1);
    expect(second.ratified.page).toBe(1);
  });

  it("page the ratified units of the assessor and of the IQA", async () => {
    for (const id of submissions) expect((await ratifySubmission(h.database.db, iqa, { submissionId: id, decision: "ratify", comments: "" })).ok).toBe(true);
    const assessorCookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    const assessor = (await assessorHome.loader(args(h.request("/assessor?ratified-page=2", { cookie: assessorCookie })))) as AssessorPage;
    expect(assessor.ratified).toMatchObject({ page: 2, pages: 2, param: "ratified-page" });
    expect(assessor.ratified.total).toBeGreaterThanOrEqual(LEARNERS);
    expect(assessor.ratified.rows.every((r) => r.state === "Ratified Pass")).toBe(true);
    expect(assessor.assessed.total).toBe(0);

    const iqaCookie = await h.cookieFor(h.demo.signIns.find((p) => p.role === "iqa")!.email);
    const first = (await iqaHome.loader(args(h.request("/iqa", { cookie: iqaCookie })))) as IqaPage;
    expect(first.ratified).toMatchObject({ page: 1, pages: 2, param: "ratified-page" });
    expect(first.ratified.rows).toHaveLength(25);
    // The confirmation after ratifying (`?ratified=1`) is not a page number of this list.
    const confirmed = (await iqaHome.loader(args(h.request("/iqa?ratified=1&ratified-page=2", { cookie: iqaCookie })))) as IqaPage;
    expect(confirmed.ratified.page).toBe(2);
    expect(confirmed.ratified.rows.map((r) => r.result)).toEqual(Array(first.ratified.total - 25).fill("Pass"));
  });

  it("pages 'My learners' ten learners at a time, checking only the page's learners", async () => {
    type LearnersPage = Awaited<ReturnType<typeof myLearnersPage.loader>>;
    const cookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    const first = (await myLearnersPage.loader(args(h.request("/assessor/learners", { cookie })))) as LearnersPage;
    expect(first.learners.total).toBeGreaterThanOrEqual(LEARNERS);
    expect(first.learners.rows).toHaveLength(LEARNERS_PER_PAGE);
    const pages = Math.ceil(first.learners.total / LEARNERS_PER_PAGE);
    expect(first.learners).toMatchObject({ page: 1, pages, param: "page" });
    const seen = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      const shown = (await myLearnersPage.loader(args(h.request(`/assessor/learners?page=${page}`, { cookie })))) as LearnersPage;
      expect(shown.learners.page).toBe(page);
      for (const learner of shown.learners.rows) {
        seen.add(learner.id);
        expect(learner.units.length).toBeGreaterThan(0);
      }
    }
    expect(seen.size).toBe(first.learners.total);
    // A page that does not exist shows the first.
    expect(((await myLearnersPage.loader(args(h.request("/assessor/learners?page=99", { cookie })))) as LearnersPage).learners.page).toBe(1);
  });
});
