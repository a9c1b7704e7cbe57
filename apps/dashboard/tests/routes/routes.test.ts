import { createDocument, listDocuments, listLearners, getDocument, type Scope } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as signInRoute from "../../app/routes/sign-in.tsx";
import * as signOutRoute from "../../app/routes/sign-out.tsx";
import * as learnerHome from "../../app/routes/learner._index.tsx";
import * as learnerUnit from "../../app/routes/learner.units.$unit.tsx";
import * as editDocument from "../../app/routes/learner.documents.$id.tsx";
import * as newDocument from "../../app/routes/learner.documents.new.tsx";
import * as submitUnit from "../../app/routes/learner.units.$unit_.submit.tsx";
import * as marking from "../../app/routes/assessor.submissions.$id.tsx";
import * as assessorQueue from "../../app/routes/assessor._index.tsx";
import * as viewDocument from "../../app/routes/documents.$id.tsx";
import * as downloads from "../../app/routes/downloads.$.tsx";
import * as apiDocuments from "../../app/routes/api.v1.documents.tsx";
import * as apiDocument from "../../app/routes/api.v1.documents.$id.tsx";
import * as admin from "../../app/routes/admin._index.tsx";
import * as iqaHome from "../../app/routes/iqa._index.tsx";
import * as newRecord from "../../app/routes/assessor.learners_.$learnerId.records.new.tsx";
import * as editRecord from "../../app/routes/assessor.records.$id.tsx";
import { createHarness, settle, type RouteHarness } from "../support/routeContext.ts";
import { scalar } from "../support/database.ts";

let h: RouteHarness;
const LEARNER = "learner1@demo.ilm-forms.test";
const OTHER_LEARNER = "learner1@other.ilm-forms.test";
const args = (request: Request, params: Record<string, string> = {}) => ({ request, context: h.context, params });

function status(result: unknown): number | undefined {
  return result instanceof Response ? result.status : undefined;
}

/** The centre admin's scope and the learner's id, for looking at the database behind the pages. */
async function learnerScope(email: string): Promise<{ scope: Scope; learnerId: string }> {
  const seed = email.includes("@other.") ? h.other : h.demo;
  const adminEmail = seed.signIns.find((p) => p.role === "centre_admin")!.email;
  const userId = (email: string) => scalar<string>(h.database, "select id from users where email = ?", email);
  const scope: Scope = { userId: await userId(adminEmail), centreId: seed.centreId, role: "centre_admin" };
  const learner = (await listLearners(h.database.db, scope)).find((l) => l.email === email)!;
  return { scope, learnerId: learner.id };
}

beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("sign-in and sign-out", () => {
  it("refuses a post without the CSRF token", async () => {
    const request = new Request("http://localhost/sign-in", { method: "POST", body: new URLSearchParams({ email: LEARNER, password: "x" }) });
    expect(status(await settle(() => signInRoute.action(args(request))))).toBe(403);
  });

  it("says the email or password is wrong without saying which, and signs in with the right one, setting an HttpOnly SameSite cookie", async () => {
    const wrong = await settle(() => signInRoute.action(args(h.request("/sign-in", { form: { email: LEARNER, password: "not-the-password" } }))));
    expect(wrong).toMatchObject({ errors: [{ message: "The email address or the password is not right" }] });
    const password = h.demo.signIns.find((p) => p.email === LEARNER)!.password;
    const right = await settle(() => signInRoute.action(args(h.request("/sign-in", { form: { email: LEARNER, password } }))));
    expect(status(right)).toBe(302);
    const cookie = (right as Response).headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^ilm_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect((right as Response).headers.get("Location")).toBe("/learner");
  });

  it("follows only same-site paths after sign-in", async () => {
    const password = h.demo.signIns.find((p) => p.email === LEARNER)!.password;
    const right = await settle(() => signInRoute.action(args(h.request("/sign-in?redirectTo=//evil.example/x", { form: { email: LEARNER, password } }))));
    expect((right as Response).headers.get("Location")).toBe("/learner");
  });

  it("rate-limits guessing: after five failures even the right password is refused for a while", async () => {
    const email = "learner2@demo.ilm-forms.test";
    for (let i = 0; i < 5; i++) await settle(() => signInRoute.action(args(h.request("/sign-in", { form: { email, password: `guess-${i}-wrong` } }))));
    const password = h.demo.signIns.find((p) => p.email === email)!.password;
    const result = await settle(() => signInRoute.action(args(h.request("/sign-in", { form: { email, password } }))));
    expect(result).toMatchObject({ errors: [{ message: expect.stringMatching(/^Too many attempts/) }] });
  });

  it("ends the session on sign-out: the old cookie no longer signs anyone in", async () => {
    const cookie = await h.cookieFor(LEARNER);
    expect(status(await settle(() => learnerHome.loader(args(h.request("/learner", { cookie })))))).toBeUndefined();
    expect(status(await settle(() => signOutRoute.action(args(h.request("/sign-out", { cookie, form: {} })))))).toBe(302);
    const after = await settle(() => learnerHome.loader(args(h.request("/learner", { cookie }))));
    expect(status(after)).toBe(302);
    expect((after as Response).headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });
});

describe("roles and centres", () => {
  it("sends a person who is not signed in to sign in", async () => {
    const result = await settle(() => learnerHome.loader(args(h.request("/learner"))));
    expect(status(result)).toBe(302);
  });

  it("answers 404 to a role that has no business on a page", async () => {
    const cookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    expect(status(await settle(() => learnerHome.loader(args(h.request("/learner", { cookie })))))).toBe(404);
    const learnerCookie = await h.cookieFor(LEARNER);
    expect(status(await settle(() => assessorQueue.loader(args(h.request("/assessor", { cookie: learnerCookie })))))).toBe(404);
  });

  it("answers 404 for another centre's document, to its learner's page, viewer and downloads alike", async () => {
    const { scope, learnerId } = (await learnerScope(OTHER_LEARNER));
    const theirs = (await listDocuments(h.database.db, scope, learnerId))[0]!;
    const cookie = await h.cookieFor(LEARNER);
    expect(status(await settle(() => editDocument.loader(args(h.request(`/learner/documents/${theirs.id}`, { cookie }), { id: theirs.id }))))).toBe(404);
    const staff = await h.cookieFor("iqa@demo.ilm-forms.test");
    expect(status(await settle(() => viewDocument.loader(args(h.request(`/documents/${theirs.id}`, { cookie: staff }), { id: theirs.id }))))).toBe(404);
    expect(status(await settle(() => downloads.loader(args(h.request(`/downloads/document/${theirs.id}.html`, { cookie: staff }), { "*": `document/${theirs.id}.html` }))))).toBe(404);
  });

  it("answers 404 when an assessor opens a document of a learner not assigned to them", async () => {
    const { scope, learnerId } = (await learnerScope("learner3@demo.ilm-forms.test"));
    const notAssigned = (await listDocuments(h.database.db, scope, learnerId))[0]!;
    const cookie = await h.cookieFor("assessor1@demo.ilm-forms.test");
    expect(status(await settle(() => viewDocument.loader(args(h.request(`/documents/${notAssigned.id}`, { cookie }), { id: notAssigned.id }))))).toBe(404);
    const assigned = await h.cookieFor("assessor2@demo.ilm-forms.test");
    expect(status(await settle(() => viewDocument.loader(args(h.request(`/documents/${notAssigned.id}`, { cookie: assigned }), { id: notAssigned.id }))))).toBeUndefined();
  });
});

describe("a learner's documents", () => {
  it("shows each unit with hours against the target from the qualification data", async () => {
    const cookie = await h.cookieFor(LEARNER);
    const data = (await learnerHome.loader(args(h.request("/learner", { cookie })))) as Awaited<ReturnType<typeof learnerHome.loader>>;
    const unit501 = data.units.find((u) => u.unit.id === "501")!;
    expect(unit501.unit.thresholds).toMatchObject({ coachingHours: 18, supervisionHours: 1 });
    expect(unit501.summary.coachingHours).toBeGreaterThanOrEqual(18);
    const unit = (await learnerUnit.loader(args(h.request("/learner/units/501", { cookie }), { unit: "501" }))) as Awaited<ReturnType<typeof learnerUnit.loader>>;
    expect(unit.check.findings).toHaveLength(11);
  });

  it("validates on the server: an invalid document gets field messages and nothing is stored", async () => {
    const { scope, learnerId } = (await learnerScope(LEARNER));
    const before = (await listDocuments(h.database.db, scope, learnerId)).length;
    const cookie = await h.cookieFor(LEARNER);
    const result = await settle(() =>
      newDocument.action(args(h.request("/learner/documents/new?template=ilm-8588/session-record", { cookie, form: { document: JSON.stringify({ clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-13-01", duration: 0 }) } }))),
    );
    expect(result).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ path: "/duration", message: "Duration must be at least 1 minute" }), expect.objectContaining({ path: "/sessionDate" })]) });
    expect((await listDocuments(h.database.db, scope, learnerId)).length).toBe(before);
  });

  it("refuses text that is not a JSON object, too large or too deep, with a message", async () => {
    const cookie = await h.cookieFor(LEARNER);
    const post = (document: string) => settle(() => newDocument.action(args(h.request("/learner/documents/new?template=ilm-8588/session-record", { cookie, form: { document } }))));
    expect(await post("{not json")).toMatchObject({ errors: [{ message: expect.stringMatching(/^The document is not valid JSON/) }] });
    expect(await post("[1,2]")).toMatchObject({ errors: [{ message: "The document must be a group of fields" }] });
    expect(await post(`${"[".repeat(100)}${"]".repeat(100)}`)).toMatchObject({ errors: [{ rule: "maxDepth" }] });
    expect(await post(JSON.stringify({ goal: "x".repeat(300 * 1024) }))).toMatchObject({ errors: [{ rule: "maxBytes" }] });
  });

  it("tells the second of two people saving the same version that it changed, and overwrites nothing", async () => {
    const { scope, learnerId } = (await learnerScope(LEARNER));
    // A draft: the demo's documents are handed in as final and cannot be saved at all.
    const draft = (await createDocument(h.database.db, scope, { learnerId, templateId: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1, sessionDate: "2025-03-01", duration: 1 } }));
    if (!draft.ok) throw new Error(draft.reason);
    const document = (await getDocument(h.database.db, scope, draft.id))!;
    const cookie = await h.cookieFor(LEARNER);
    const save = (goal: string) =>
      settle(() => editDocument.action(args(h.request(`/learner/documents/${document.id}`, { cookie, form: { document: JSON.stringify({ ...document.data, goal }), expectedVersion: String(document.version) } }), { id: document.id })));
    expect(await save("First person’s goal")).toMatchObject({ saved: true, version: document.version + 1 });
    expect(await save("Second person’s goal")).toMatchObject({ conflict: { currentVersion: document.version + 1 } });
    expect((await getDocument(h.database.db, scope, document.id))!.data.goal).toBe("First person’s goal");
  });

  it("does not let a learner mark their own unit", async () => {
    const cookie = await h.cookieFor(LEARNER);
    const result = await settle(() => marking.action(args(h.request("/assessor/submissions/x", { cookie, form: { "decision-1.1": "Pass", intent: "finish" } }), { id: "x" })));
    expect(status(result)).toBe(404);
  });

  it("refuses a declaration signed with someone else's name", async () => {
    const cookie = await h.cookieFor(LEARNER);
    const result = await settle(() => submitUnit.action(args(h.request("/learner/units/501/submit", { cookie, form: { confirm: "yes", name: "Somebody Else", contentHash: "x" } }), { unit: "501" })));
    expect(result).toMatchObject({ errors: [{ path: "name", message: expect.stringMatching(/^Type your full name as your centre has it/) }] });
  });
});

describe("the JSON API", () => {
  async function token(): Promise<string> {
    const cookie = await h.cookieFor("admin@demo.ilm-forms.test");
    const result = (await admin.action(args(h.request("/admin", { cookie, form: { intent: "api-token", confirm: "yes" } })))) as { token: string };
    return result.token;
  }

  it("answers 401 without a valid token", async () => {
    const response = (await apiDocuments.action(args(h.request("/api/v1/documents", { method: "POST", body: "{}", headers: { Authorization: "Bearer not-a-real-token-at-all" } })))) as Response;
    expect(response.status).toBe(401);
  });

  it("validates exactly as the pages do: field errors in the body, nothing stored", async () => {
    const bearer = await token();
    const { scope, learnerId } = (await learnerScope(LEARNER));
    const learnerNumber = (await listLearners(h.database.db, scope)).find((l) => l.id === learnerId)!.learnerNumber!;
    const before = (await listDocuments(h.database.db, scope, learnerId)).length;
    const post = (body: unknown) =>
      apiDocuments.action(args(h.request("/api/v1/documents", { method: "POST", body: JSON.stringify(body), headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" } }))) as Promise<Response>;
    const bad = await post({ learnerNumber, template: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-01", duration: 0 } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ errors: [expect.objectContaining({ path: "/data/duration", field: "Duration", message: "Duration must be at least 1 minute" })] });
    expect((await listDocuments(h.database.db, scope, learnerId)).length).toBe(before);
    const good = await post({ learnerNumber, template: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-01", duration: 1 } });
    expect(good.status).toBe(201);
    expect((await listDocuments(h.database.db, scope, learnerId)).length).toBe(before + 1);
  });

  it("locks the documents of a unit under assessment, on the pages and through the API alike", async () => {
    const email = "learner5@demo.ilm-forms.test";
    const cookie = await h.cookieFor(email);
    const page = (await submitUnit.loader(args(h.request("/learner/units/501/submit", { cookie }), { unit: "501" }))) as Awaited<ReturnType<typeof submitUnit.loader>>;
    const submitted = await settle(() => submitUnit.action(args(h.request("/learner/units/501/submit", { cookie, form: { confirm: "yes", name: page.name, contentHash: page.contentHash } }), { unit: "501" })));
    expect(status(submitted)).toBe(302);
    const { scope } = (await learnerScope(email));
    const document = (await getDocument(h.database.db, scope, page.documents[0]!.id))!;

    const edit = (await editDocument.loader(args(h.request(`/learner/documents/${document.id}`, { cookie }), { id: document.id }))) as Awaited<ReturnType<typeof editDocument.loader>>;
    expect(edit.lockedBy).toMatchObject({ qualification: "ilm-8588", unit: "501" });
    const saved = await settle(() => editDocument.action(args(h.request(`/learner/documents/${document.id}`, { cookie, form: { document: JSON.stringify({ ...document.data }), expectedVersion: String(document.version) } }), { id: document.id })));
    expect(saved).toMatchObject({ locked: { id: edit.lockedBy!.id, unit: "501" } });

    const bearer = await token();
    const put = (await apiDocument.action(args(h.request(`/api/v1/documents/${document.id}`, { method: "PUT", body: JSON.stringify({ expectedVersion: document.version, data: document.data }), headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" } }), { id: document.id }))) as Response;
    expect(put.status).toBe(409);
    expect(await put.json()).toMatchObject({ errors: [{ rule: "locked", message: expect.stringMatching(/^The document is part of unit 501, submitted for assessment on \d{4}-\d{2}-\d{2}/) }], submission: edit.lockedBy!.id });
    expect((await getDocument(h.database.db, scope, document.id))!.version).toBe(document.version);
  });

  it("refuses an oversized body while reading it, whatever Content-Length says", async () => {
    const bearer = await token();
    const response = (await apiDocuments.action(args(h.request("/api/v1/documents", { method: "POST", body: "x".repeat(300 * 1024), headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" } })))) as Response;
    expect(response.status).toBe(413);
  });

  it("takes a body only as JSON in UTF-8, and says so with 415 naming the rule", async () => {
    const bearer = await token();
    const body = JSON.stringify({ learnerNumber: "ILM-NONE", template: "x/y", data: {} });
    const send = async (type?: string) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${bearer}` };
      if (type !== undefined) headers["Content-Type"] = type;
      const response = (await apiDocuments.action(args(h.request("/api/v1/documents", { method: "POST", body, headers })))) as Response;
      return { status: response.status, body: (await response.json()) as { errors: { rule: string; message: string }[] } };
    };
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/jsonp", "text/json"]) {
      const answer = await send(type);
      expect(answer.status, String(type)).toBe(415);
      expect(answer.body.errors[0]).toMatchObject({ rule: "contentType", message: expect.stringContaining("Content-Type: application/json") });
    }
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"", "application/vnd.api+json"]) {
      expect((await send(type)).status, type).not.toBe(415);
    }
  });
});

describe("registering a learner on a unit", () => {
  it("offers every unit of every qualification the installation knows, and registers on one that has no routes", async () => {
    const adminEmail = h.demo.signIns.find((p) => p.role === "centre_admin")!.email;
    const cookie = await h.cookieFor(adminEmail);
    const page = (await settle(() => admin.loader(args(h.request("/admin", { cookie }))))) as { registrations: { value: string; label: string }[] };
    const qualifications = new Set(page.registrations.map((r) => r.value.split("|")[0]));
    expect([...qualifications].sort()).toEqual(["ilm-8588", "ilm-l7-extended-diary"]);
    const diary = page.registrations.find((r) => r.value.startsWith("ilm-l7-extended-diary|"))!;
    const { learnerId } = (await learnerScope("learner2@demo.ilm-forms.test"));
    const register = (unit: string) => settle(() => admin.action(args(h.request("/admin", { cookie, form: { intent: "register", learner: learnerId, unit } }))));
    expect(await register(diary.value)).toEqual({ done: "The learner was registered." });
    expect(await register(diary.value)).toMatchObject({ errors: [{ message: "The learner is registered on this unit already" }] });
    expect(await register("ilm-8588|nowhere|501@2.0")).toMatchObject({ errors: [{ message: "Choose a unit from the list" }] });
    const learnerCookie = await h.cookieFor("learner2@demo.ilm-forms.test");
    const unitId = diary.value.split("|")[2]!.split("@")[0]!;
    const unitPage = await settle(() => learnerUnit.loader(args(h.request(`/learner/units/${unitId}`, { cookie: learnerCookie }), { unit: unitId })));
    expect(status(unitPage)).toBeUndefined();
  });
});

describe("records the assessor keeps", () => {
  it("lets the assigned assessor write a professional discussion record for a learner, and nobody else", async () => {
    const { learnerId } = (await learnerScope(LEARNER));
    const assessorEmail = "assessor1@demo.ilm-forms.test";
    const cookie = await h.cookieFor(assessorEmail);
    const path = `/assessor/learners/${learnerId}/records/new?template=${encodeURIComponent("ilm-8588/professional-discussion")}`;
    const page = await settle(() => newRecord.loader(args(h.request(path, { cookie }), { learnerId })));
    expect(page).toMatchObject({ templateId: "ilm-8588/professional-discussion", learner: { id: learnerId } });
    const posted = (await settle(() => newRecord.action(args(h.request(path, { cookie, form: { document: JSON.stringify({ learnerName: "Daniel Okafor", date: "2026-12-01" }) } }), { learnerId })))) as { saved: boolean; id: string };
    expect(posted.saved).toBe(true);
    const edit = await settle(() => editRecord.action(args(h.request(`/assessor/records/${posted.id}`, { cookie, form: { document: JSON.stringify({ learnerName: "Daniel Okafor", date: "2026-12-02" }), expectedVersion: "1" } }), { id: posted.id })));
    expect(edit).toEqual({ saved: true, version: 2 });
    // The other assessor (not assigned), and the learner, get 404; a learner template is not a record.
    const other = await h.cookieFor("assessor2@demo.ilm-forms.test");
    expect(status(await settle(() => newRecord.loader(args(h.request(path, { cookie: other }), { learnerId }))))).toBe(404);
    const learnerCookie = await h.cookieFor(LEARNER);
    expect(status(await settle(() => editRecord.loader(args(h.request(`/assessor/records/${posted.id}`, { cookie: learnerCookie }), { id: posted.id }))))).toBe(404);
    const sessionRecord = path.replace("professional-discussion", "session-record");
    expect(status(await settle(() => newRecord.loader(args(h.request(sessionRecord, { cookie }), { learnerId }))))).toBe(404);
  });
});

describe("centre settings and the IQA sampling plan", () => {
  it("lets the admin set the centre number and the sample rate, and the IQA sees the plan with a reason for each unit", async () => {
    const adminEmail = h.demo.signIns.find((p) => p.role === "centre_admin")!.email;
    const cookie = await h.cookieFor(adminEmail);
    const save = (fields: Record<string, string>) => settle(() => admin.action(args(h.request("/admin", { cookie, form: { intent: "settings", ...fields } }))));
    expect(await save({ centreNumber: "012345", iqaSamplePercent: "101" })).toMatchObject({ errors: [{ href: "#iqa-sample-percent" }] });
    expect(await save({ centreNumber: "x".repeat(41), iqaSamplePercent: "10" })).toMatchObject({ errors: [{ href: "#centre-number" }] });
    expect(await save({ centreNumber: "012345", iqaSamplePercent: "10" })).toEqual({ done: "The centre’s settings are saved." });
    const page = (await settle(() => admin.loader(args(h.request("/admin", { cookie }))))) as { settings: unknown };
    expect(page.settings).toEqual({ centreNumber: "012345", iqaSamplePercent: 10, eqaVerificationRequired: false });
    const iqaCookie = await h.cookieFor(h.demo.signIns.find((p) => p.role === "iqa")!.email);
    const plan = (await settle(() => iqaHome.loader(args(h.request("/iqa", { cookie: iqaCookie }))))) as { percent: number; sample: { rows: { reason: string }[] }; notSampled: unknown };
    expect(plan.percent).toBe(10);
    for (const row of plan.sample.rows) expect(row.reason.length).toBeGreaterThan(10);
  });
});

describe("the admin's people", () => {
  it("deactivates a person (sign-in refused) and reactivates them, unassigns an assessor, and asks before a new API token replaces the old", async () => {
    const adminEmail = h.demo.signIns.find((p) => p.role === "centre_admin")!.email;
    const cookie = await h.cookieFor(adminEmail);
    const post = (form: Record<string, string>) => settle(() => admin.action(args(h.request("/admin", { cookie, form }))));
    const page = (await settle(() => admin.loader(args(h.request("/admin", { cookie }))))) as { members: { rows: { userId: string; email: string; self: boolean }[] }; assignments: { rows: { assessorUserId: string; learnerId: string }[] } };
    const learner4 = page.members.rows.find((m) => m.email.startsWith("learner4@"))!;
    expect(await post({ intent: "deactivate", userId: learner4.userId })).toMatchObject({ done: expect.stringContaining("deactivated") });
    await expect(h.cookieFor(learner4.email)).rejects.toThrow(/cannot sign in/);
    expect(await post({ intent: "reactivate", userId: learner4.userId })).toMatchObject({ done: expect.stringContaining("sign in again") });
    await expect(h.cookieFor(learner4.email)).resolves.toContain("ilm_session=");
    const self = page.members.rows.find((m) => m.self)!;
    expect(await post({ intent: "deactivate", userId: self.userId })).toMatchObject({ errors: [{ message: "You cannot deactivate yourself" }] });
    const assignment = page.assignments.rows[page.assignments.rows.length - 1]!;
    expect(await post({ intent: "unassign", assessor: assignment.assessorUserId, learner: assignment.learnerId })).toMatchObject({ done: expect.stringContaining("no longer assigned") });
    expect(await post({ intent: "unassign", assessor: assignment.assessorUserId, learner: assignment.learnerId })).toMatchObject({ errors: [{ href: "#assignments" }] });
    const first = (await post({ intent: "api-token", confirm: "yes" })) as { token?: string };
    expect(first.token).toBeDefined();
    expect(await post({ intent: "api-token" })).toMatchObject({ errors: [{ href: "#api-token-confirm" }] });
    expect(await post({ intent: "api-token", confirm: "yes" })).toMatchObject({ token: expect.any(String) });
  });
});
