import { readFileSync } from "node:fs";
import { join } from "node:path";
import { registry, unitCriteria } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createWorld, type World } from "../test/world.ts";
import { listAuditEntries } from "./audit.ts";
import { recordAssessment } from "./decisions.ts";
import { createDocument } from "./documents.ts";
import { registerLearner } from "./learners.ts";
import { ratifySubmission } from "./ratifications.ts";
import { getSubmission, submitUnit } from "./submissions.ts";

// A marks unit's outcome is its total (decision 052): the data (seed 002's extended diary) gives each
// criterion's maximum and no pass mark, so ratifying stores "Marked" with the total in the audit entry,
// never "Pass" or "Referral", and the unit is settled (no next attempt).
const QUALIFICATION = registry.qualifications().find((q) => q.scheme === "marks")!;
const UNIT = QUALIFICATION.units.find((u) => u.current)!;
const TEMPLATE = registry.list().find((t) => t.id.startsWith(`${QUALIFICATION.id}/`) && !t.annotations.generatedFrom)!;

describe("a marks unit's outcome", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("is ratified as its total out of 100 (\"Marked\"), never Pass, and allows no further attempt", async () => {
    expect(UNIT.passMark).toBeUndefined();
    const { admin, learner1, assessor1, iqa } = world.scopes;
    const registered = await registerLearner(db(), admin!, { learnerId: learner1!.learnerId!, qualification: QUALIFICATION.id, route: "", unit: UNIT.id, ruleSetVersion: UNIT.version, registeredOn: "2026-11-01" });
    expect(registered.ok).toBe(true);
    const [scheme, name] = TEMPLATE.id.split("/") as [string, string];
    const example = (JSON.parse(readFileSync(join(import.meta.dirname, "../../../../schemas", scheme, "examples", `${name}.json`), "utf8")) as { valid: Array<Record<string, unknown>> }).valid[0]!;
    const created = await createDocument(db(), learner1!, { learnerId: learner1!.learnerId!, templateId: TEMPLATE.id, data: example, status: "submitted" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const declaration = { name: "Casey", date: "2026-12-01" };
    const submitted = await submitUnit(db(), learner1!, { qualification: QUALIFICATION.id, unit: UNIT.id, documentIds: [created.id], declaration });
    if (!submitted.ok) throw new Error(submitted.reason);

    // Every criterion one mark below its maximum but the first, which gets 0.
    const criteria = unitCriteria(UNIT);
    const marks = criteria.map((c, i) => (i === 0 ? 0 : c.maxMarks! - 1));
    const total = marks.reduce((a, b) => a + b, 0);
    const decisions = criteria.map((c, i) => ({ criterion: `${UNIT.id}:${c.id}`, marks: marks[i]!, feedback: "" }));
    expect(await recordAssessment(db(), assessor1!, { submissionId: submitted.id, decisions, comments: {}, criteria: decisions.map((d) => d.criterion), finish: true })).toEqual({ ok: true, finished: true });
    expect((await ratifySubmission(db(), iqa!, { submissionId: submitted.id, decision: "ratify", comments: "Sampled." })).ok).toBe(true);

    const stored = (await getSubmission(db(), learner1!, submitted.id))!;
    expect(stored.result).toBe("Marked");
    const [entry] = await listAuditEntries(db(), admin!, { entityType: "submission", entityId: submitted.id });
    expect(entry!.action).toBe("qa.ratify");
    const after = (typeof entry!.after === "string" ? JSON.parse(entry!.after) : entry!.after) as Record<string, unknown>;
    expect(after).toMatchObject({ result: "Marked", totalMarks: total, outOf: UNIT.totalMarks, words: `${total} out of ${UNIT.totalMarks}` });
    expect(JSON.stringify(after)).not.toMatch(/"(Pass|Referral)"/);
    // Settled by its total: no second attempt.
    expect(await submitUnit(db(), learner1!, { qualification: QUALIFICATION.id, unit: UNIT.id, documentIds: [created.id], declaration })).toEqual({ ok: false, reason: "marked" });
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
