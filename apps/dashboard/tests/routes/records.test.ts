import { unitCriteria, registry } from "@ilm-forms/core";
import { createDocument, listLearners, listSubmissions, recordAssessment, saveAssessmentComments, signIn, updateCentreSettings, type Scope } from "@ilm-forms/db";
import * as downloads from "../../app/routes/downloads.$.tsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as editDocument from "../../app/routes/learner.documents.$id.tsx";
import * as learnerUnit from "../../app/routes/learner.units.$unit.tsx";
import * as submitUnit from "../../app/routes/learner.units.$unit_.submit.tsx";
import * as marking from "../../app/routes/assessor.submissions.$id.tsx";
import * as viewDocument from "../../app/routes/documents.$id.tsx";
import * as iqaHome from "../../app/routes/iqa._index.tsx";
import * as admin from "../../app/routes/admin._index.tsx";
import * as reset from "../../app/routes/reset-password.$token.tsx";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";
import { row, rows, scalar } from "../support/database.ts";

// Records the centre keeps about a learner: the assessor's professional discussion, which the learner
// confirms and which shows under the criteria it names on the marking page; the exceptional-
// circumstances record, which only the centre (admin, IQA) approves and the rules count once approved.

let h: RouteHarness;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, context: h.context, params });
const status = (result: unknown) => (result instanceof Response ? result.status : undefined);

async function scopeOf(email: string): Promise<Scope> {
  const person = h.demo.signIns.find((p) => p.email === email)!;
  const result = await signIn(h.database.db, { email, password: person.password, ip: "10.1.1.1" });
  if (!result.ok) throw new Error(`cannot sign in ${email}`);
  return result.scope;
}

beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("a professional discussion", () => {
  it("is written by the assessor, confirmed by the learner, and shown as evidence under the criteria it names", async () => {
    const assessor = await scopeOf("assessor1@demo.ilm-forms.test");
    const learnerEmail = "learner1@demo.ilm-forms.test";
    const learner = (await listLearners(h.database.db, assessor)).find((l) => l.email === learnerEmail)!;
    const made = (await createDocument(h.database.db, assessor, {
      learnerId: learner.id,
      templateId: "ilm-8588/professional-discussion",
      data: { learnerName: learner.name, assessorName: "Assessor One", date: "2026-12-01", unit: "501", duration: 1, entries: [{ time: "01:55", criteria: ["501:2.1"], summary: "The fourth client." }, { time: "12:40", criteria: ["501:2.1", "501:3.1"] }] },
    }));
    if (!made.ok) throw new Error(made.reason);

    // The learner reads it on the unit page, cannot change it, and confirms the notes.
    const cookie = await h.cookieFor(learnerEmail);
    const unit = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie }), { unit: "501" }))) as { documents: { id: string }[] };
    expect(unit.documents.map((d) => d.id)).toContain(made.id);
    const page = (await editDocument.loader(args(h.request(`/learner/documents/${made.id}`, { cookie }), { id: made.id }))) as Awaited<ReturnType<typeof editDocument.loader>>;
    expect(page.writable).toBe(false);
    expect(page.confirmation).toEqual({ given: null, done: false });

    // Submitted with the unit, it shows under 501:2.1 and 501:3.1, not yet confirmed.
    const form = (await submitUnit.loader(args(h.request("/learner/units/501/submit", { cookie }), { unit: "501" }))) as { name: string; contentHash: string };
    expect(status(await settle(() => submitUnit.action(args(h.request("/learner/units/501/submit", { cookie, form: { confirm: "yes", name: form.name, contentHash: form.contentHash } }), { unit: "501" }))))).toBe(302);
    const submission = (await listSubmissions(h.database.db, assessor)).find((s) => s.learnerId === learner.id && s.unit === "501")!;
    // The unit page says why each document is locked.
    type UnitPage = { documents: { id: string; locked: string | null; client: string | null }[] };
    const after = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie }), { unit: "501" }))) as UnitPage;
    expect(after.documents.find((d) => d.id === made.id)?.locked).toBe("Kept by your assessor or centre: you can read it, not change it.");
    expect(after.documents.find((d) => d.client === "Client 1")?.locked).toMatch(/^Locked: part of Unit 501 submitted on \d{4}-\d{2}-\d{2}, while it is being assessed\.$/);
    const assessorCookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    const mark = async () => (await marking.loader(args(h.request(`/assessor/submissions/${submission.id}`, { cookie: assessorCookie }), { id: submission.id }))) as Awaited<ReturnType<typeof marking.loader>>;
    const before = await mark();
    expect(before.discussions["501:2.1"]).toEqual([{ id: made.id, label: expect.stringContaining("Professional discussion"), times: ["01:55", "12:40"], confirmation: "unconfirmed" }]);
    expect(before.discussions["501:3.1"]?.[0]?.times).toEqual(["12:40"]);
    expect(before.discussions["501:1.1"]).toBeUndefined();

    // The assessor cannot confirm for the learner; the learner confirms the version they read.
    expect(status(await settle(() => editDocument.action(args(h.request(`/learner/documents/${made.id}`, { cookie: assessorCookie, form: { intent: "confirm", version: "1" } }), { id: made.id }))))).toBe(404);
    expect(await settle(() => editDocument.action(args(h.request(`/learner/documents/${made.id}`, { cookie, form: { intent: "confirm", version: "7" } }), { id: made.id })))).toMatchObject({ errors: [{ message: expect.stringContaining("changed since you read it") }] });
    expect(status(await settle(() => editDocument.action(args(h.request(`/learner/documents/${made.id}`, { cookie, form: { intent: "confirm", version: "1" } }), { id: made.id }))))).toBe(302);
    expect((await mark()).discussions["501:2.1"]?.[0]?.confirmation).toBe("confirmed");
  });
});

describe("an exceptional-circumstances record", () => {
  it("counts only once the centre approved it; a learner or an assessor cannot approve it", async () => {
    const adminScope = await scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
    const learner = (await listLearners(h.database.db, adminScope)).find((l) => l.email === "learner2@demo.ilm-forms.test")!;
    const made = (await createDocument(h.database.db, adminScope, { learnerId: learner.id, templateId: "ilm-8588/exceptional-circumstances", data: { learnerName: learner.name, clientRef: "Client 4" } }));
    if (!made.ok) throw new Error(made.reason);
    const iqaCookie = await h.cookieFor("iqa@demo.ilm-forms.test");
    const iqa = (await iqaHome.loader(args(h.request("/iqa", { cookie: iqaCookie })))) as Awaited<ReturnType<typeof iqaHome.loader>>;
    expect(iqa.awaitingApproval.map((r) => r.id)).toContain(made.id);
    const adminCookie = await h.cookieFor(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
    const adminPage = (await admin.loader(args(h.request("/admin", { cookie: adminCookie })))) as Awaited<ReturnType<typeof admin.loader>>;
    expect(adminPage.awaitingApproval.map((r) => r.id)).toContain(made.id);

    const approve = (cookie: string, version = "1") => settle(() => viewDocument.action(args(h.request(`/documents/${made.id}`, { cookie, form: { intent: "approve", version } }), { id: made.id })));
    const learnerCookie = await h.cookieFor("learner2@demo.ilm-forms.test");
    // A role outside x-ilm.approvedBy is refused as if the page did not exist, and nothing is stored.
    expect(status(await approve(learnerCookie))).toBe(404);
    expect(status(await approve(await h.cookieFor("assessor1@demo.ilm-forms.test")))).toBe(404);
    const stored = () => scalar(h.database, "select count(*) as n from document_endorsements where document_id = ?", made.id);
    expect(await stored()).toBe(0);
    const seen = (await viewDocument.loader(args(h.request(`/documents/${made.id}`, { cookie: learnerCookie }), { id: made.id }))) as Awaited<ReturnType<typeof viewDocument.loader>>;
    expect(seen.approval).toMatchObject({ current: null, mayApprove: false });
    expect(await approve(iqaCookie, "2")).toMatchObject({ errors: [{ message: expect.stringContaining("changed since you read it") }] });
    expect(status(await approve(iqaCookie))).toBe(302);
    expect(await stored()).toBe(1);
    const after = (await viewDocument.loader(args(h.request(`/documents/${made.id}?approved=1`, { cookie: adminCookie }), { id: made.id }))) as Awaited<ReturnType<typeof viewDocument.loader>>;
    expect(after.approval).toMatchObject({ current: { role: "iqa" }, done: true });
    const iqaAfter = (await iqaHome.loader(args(h.request("/iqa", { cookie: iqaCookie })))) as Awaited<ReturnType<typeof iqaHome.loader>>;
    expect(iqaAfter.awaitingApproval.map((r) => r.id)).not.toContain(made.id);
  });
});

describe("the printed result sheet", () => {
  it("prints the centre number, the attempt and the IQA's comments", async () => {
    const assessor = await scopeOf("assessor1@demo.ilm-forms.test");
    const submission = (await listSubmissions(h.database.db, assessor)).find((s) => s.unit === "501" && s.status === "submitted")!;
    const criteria = unitCriteria(registry.unit("ilm-8588", "501")!).map((c) => `501:${c.id}`);
    const recorded = (await recordAssessment(h.database.db, assessor, { submissionId: submission.id, decisions: criteria.map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "" })), comments: {}, criteria, finish: true }));
    expect(recorded).toMatchObject({ ok: true });
    const iqa = await scopeOf("iqa@demo.ilm-forms.test");
    expect((await saveAssessmentComments(h.database.db, iqa, { submissionId: submission.id, comments: { "qa:lo:1": "Sampled: the plans are sound." } }))).toMatchObject({ ok: true });
    const admin = await scopeOf(h.demo.signIns.find((p) => p.role === "centre_admin")!.email);
    expect((await updateCentreSettings(h.database.db, admin, { centreNumber: "C-8588-01", iqaSamplePercent: 25 }))).toEqual({ ok: true });
    const response = await downloads.loader(args(h.request(`/downloads/result-sheet/${submission.id}.html`, { cookie: await h.cookieFor("iqa@demo.ilm-forms.test") }), { "*": `result-sheet/${submission.id}.html` }));
    const html = await response.text();
    expect(html).toContain("C-8588-01");
    expect(html).toMatch(/Attempt[\s\S]{0,200}>\s*1\s*</);
    expect(html).toContain("Sampled: the plans are sound.");
  });
});

describe("the admin's people", () => {
  it("edits a person, lists the registrations, and tells people with the same name apart", async () => {
    const adminEmail = h.demo.signIns.find((p) => p.role === "centre_admin")!.email;
    const cookie = await h.cookieFor(adminEmail);
    const post = (form: Record<string, string>, as = cookie) => settle(() => admin.action(args(h.request("/admin", { cookie: as, form }))));
    type Page = { members: { rows: { userId: string; name: string; email: string }[] }; learners: { id: string; name: string }[]; registered: { rows: { learner: string; unit: string }[] } };
    const load = async () => (await admin.loader(args(h.request("/admin", { cookie })))) as Page;
    const before = await load();
    expect(before.registered.rows.length).toBeGreaterThan(0);
    const learner3 = before.members.rows.find((m) => m.email === "learner3@demo.ilm-forms.test")!;
    const learner4 = before.members.rows.find((m) => m.email === "learner4@demo.ilm-forms.test")!;

    // A learner cannot edit anyone; a taken email is refused and nothing changes.
    expect(status(await post({ intent: "edit-member", userId: learner3.userId, name: "X", email: "x@example.org" }, await h.cookieFor("learner3@demo.ilm-forms.test")))).toBe(404);
    expect(await post({ intent: "edit-member", userId: learner3.userId, name: learner3.name, email: learner4.email })).toMatchObject({ errors: [{ message: "Someone of your centre already uses this email address" }] });
    expect(await post({ intent: "edit-member", userId: learner3.userId, name: " ", email: learner3.email })).toMatchObject({ errors: [{ message: "Enter the person’s name" }] });
    expect((await load()).members.rows.find((m) => m.userId === learner3.userId)?.name).toBe(learner3.name);

    // Renamed to learner4's name: both are then shown with their email addresses.
    expect(await post({ intent: "edit-member", userId: learner3.userId, name: learner4.name, email: learner3.email, learnerNumber: "ILM-0003" })).toEqual({ done: `${learner4.name}’s details are saved.` });
    const after = await load();
    const shown = after.learners.map((l) => l.name);
    expect(shown).toContain(`${learner4.name} (learner3@demo.ilm-forms.test)`);
    expect(shown).toContain(`${learner4.name} (learner4@demo.ilm-forms.test)`);
    const audit = (await row<{ n: number }>(h.database, "select count(*) as n from audit_log where action = 'member.update' and entity_id = ?", learner3.userId))!;
    expect(audit.n).toBe(1);
  });
});

describe("a password reset by the centre admin", () => {
  it("makes a one-time link shown once; the person sets a new password with it once, their sessions end", async () => {
    const adminEmail = h.demo.signIns.find((p) => p.role === "centre_admin")!.email;
    const cookie = await h.cookieFor(adminEmail);
    const learnerEmail = "learner5@demo.ilm-forms.test";
    const page = (await admin.loader(args(h.request("/admin", { cookie })))) as { members: { rows: { userId: string; email: string }[] } };
    const person = page.members.rows.find((m) => m.email === learnerEmail)!;
    const oldSession = await h.cookieFor(learnerEmail);

    // A learner cannot make one.
    expect(status(await settle(() => admin.action(args(h.request("/admin", { cookie: oldSession, form: { intent: "reset-password", userId: person.userId } })))))).toBe(404);
    const made = (await admin.action(args(h.request("/admin", { cookie, form: { intent: "reset-password", userId: person.userId } })))) as { resetLink: { url: string; email: string } };
    expect(made.resetLink.email).toBe(learnerEmail);
    const token = made.resetLink.url.split("/reset-password/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const stored = await rows<{ token_hash: string }>(h.database, "select token_hash from password_resets where user_id = ?", person.userId);
    expect(JSON.stringify(stored)).not.toContain(token);

    const at = (form?: Record<string, string>) => h.request(`/reset-password/${token}`, form ? { form } : {});
    expect(await reset.loader(args(at(), { token }))).toMatchObject({ name: expect.any(String) });
    expect(await settle(() => reset.action(args(at({ password: "short", again: "short" }), { token })))).toMatchObject({ errors: [{ href: "#password" }] });
    expect(await settle(() => reset.action(args(at({ password: "a-brand-new-password", again: "another-password" }), { token })))).toMatchObject({ errors: [{ href: "#again" }] });
    const done = await settle(() => reset.action(args(at({ password: "a-brand-new-password", again: "a-brand-new-password" }), { token })));
    expect(status(done)).toBe(302);
    expect((done as Response).headers.get("Location")).toBe("/sign-in?reset=1");
    // Used once: the link is gone, the old session ended, the new password signs in.
    expect(status(await settle(() => reset.loader(args(at(), { token }))))).toBe(404);
    expect(status(await settle(() => reset.action(args(at({ password: "a-third-password!", again: "a-third-password!" }), { token }))))).toBe(404);
    expect(status(await settle(() => learnerUnit.loader(args(h.request("/learner/units/501", { cookie: oldSession }), { unit: "501" }))))).toBe(302);
    expect(await signIn(h.database.db, { email: learnerEmail, password: "a-brand-new-password", ip: "10.2.2.2" })).toMatchObject({ ok: true });
  });
});
