import { mayWrite, registry } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { createDocument, getDocument, saveDocument } from "./documents.ts";
import { finishAssessment, submitUnit } from "./submissions.ts";

describe("who may write each template", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("lets each role create and save documents of exactly the templates that declare it a writer", async () => {
    const { learner1, assessor1, iqa, admin } = world.scopes;
    const learnerId = learner1!.learnerId!;
    const templates = registry.list();
    expect(templates.filter((t) => t.annotations.generatedFrom).length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const template of templates) {
      for (const scope of [learner1!, assessor1!, iqa!, admin!]) {
        const allowed = mayWrite(template, scope.role);
        const created = (await createDocument(db(), scope, { learnerId, templateId: template.id, templateVersion: template.version, data: {} }));
        const answer = created.ok ? "ok" : created.reason;
        // IQAs see every learner; every other refusal must be "forbidden" (a draft {} is valid for every template).
        if (allowed ? answer !== "ok" : answer !== "forbidden") wrong.push(`create ${template.id}@${template.version} as ${scope.role}: ${answer}`);
        if (!created.ok) continue;
        for (const other of [learner1!, assessor1!, iqa!, admin!]) {
          const saved = (await saveDocument(db(), other, { id: created.id, expectedVersion: (await getDocument(db(), admin!, created.id))!.version, data: {} }));
          const ok = saved.ok ? "ok" : saved.reason;
          if (mayWrite(template, other.role) ? ok !== "ok" : ok !== "forbidden") wrong.push(`save ${template.id} as ${other.role}: ${ok}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("never stores a result sheet as a document, whoever sends it", async () => {
    const sheets = registry.list().filter((t) => t.annotations.generatedFrom?.kind === "result-sheet");
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      for (const scope of Object.values(world.scopes)) {
        expect((await createDocument(db(), scope, { learnerId: world.scopes.learner1!.learnerId!, templateId: sheet.id, data: {} })).ok).toBe(false);
      }
    }
  });

  it("keeps a document handed in as final until a returned submission reopens it", async () => {
    const { learner1, assessor1 } = world.scopes;
    const draft = (await createDraft(world.database, learner1!, 7));
    const handedIn = (await saveDocument(db(), learner1!, { id: draft.id, expectedVersion: draft.version, data: draft.data, status: "submitted" }));
    expect(handedIn).toEqual({ ok: true, version: 2 });
    // No submission holds it, yet it is final: no route may change it.
    expect((await saveDocument(db(), learner1!, { id: draft.id, expectedVersion: 2, data: { ...draft.data, duration: 2 } }))).toEqual({ ok: false, reason: "final" });
    expect((await saveDocument(db(), world.scopes.admin!, { id: draft.id, expectedVersion: 2, data: draft.data }))).toEqual({ ok: false, reason: "final" });
    expect((await getDocument(db(), learner1!, draft.id))!.version).toBe(2);
    const submitted = (await submitUnit(db(), learner1!, { qualification: "ilm-8588", unit: "501", documentIds: [draft.id], declaration: { name: "Casey", date: "2025-07-01" } }));
    if (!submitted.ok) throw new Error(submitted.reason);
    expect((await saveDocument(db(), learner1!, { id: draft.id, expectedVersion: 2, data: draft.data }))).toMatchObject({ ok: false, reason: "locked" });
    expect((await finishAssessment(db(), assessor1!, { submissionId: submitted.id, status: "returned" }))).toEqual({ ok: true });
    expect((await saveDocument(db(), learner1!, { id: draft.id, expectedVersion: 2, data: { ...draft.data, duration: 2 } }))).toEqual({ ok: true, version: 3 });
  });
});

describe("what a template counts, the data layer counts", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());

  it("stores the counted words of a Unit 500 report, whatever number was sent", async () => {
    const { learner1 } = world.scopes;
    const data = { learnerName: "Casey", registrationNo: "ILM1", wordCount: 99999, introduction: "One two three.", definitions: "Four five" };
    const created = (await createDocument(world.database.db, learner1!, { learnerId: learner1!.learnerId!, templateId: "ilm-8588/assignment-500", data }));
    if (!created.ok) throw new Error(created.reason);
    expect((await getDocument(world.database.db, learner1!, created.id))!.data.wordCount).toBe(5);
    const saved = (await saveDocument(world.database.db, learner1!, { id: created.id, expectedVersion: 1, data: { ...data, barriers: "six seven eight", wordCount: 1 } }));
    expect(saved).toEqual({ ok: true, version: 2 });
    expect((await getDocument(world.database.db, learner1!, created.id))!.data.wordCount).toBe(8);
  });
});
