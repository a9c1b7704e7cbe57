import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verifyAuditChain.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { recordDecision } from "../repositories/decisions.ts";
import { addMember, createCentreWithAdmin } from "../repositories/people.ts";
import { ratifySubmission } from "../repositories/ratifications.ts";
import { finishAssessment, submitUnit } from "../repositories/submissions.ts";
import { TEXT_LIMITS } from "./textLimits.ts";
import { scalar } from "../test/database.ts";

const MEGABYTE = "x".repeat(1024 * 1024);

describe("text bounds at the data layer", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const auditCount = () => scalar(world.database.db, "select count(*) from audit_log");
  const longestText = () => scalar(world.database.db, "select max(length(after)) from audit_log");

  it("refuses a megabyte in every text a person types, naming the field, and stores nothing", async () => {
    const { admin, learner1, assessor1, iqa } = world.scopes;
    const before = await auditCount();
    const member = { email: "new@demo.test", name: "New Person", password: "long-enough-1", role: "learner" as const, learnerNumber: "ILM1" };
    expect(await addMember(db(), admin!, { ...member, name: MEGABYTE })).toEqual({ ok: false, reason: "too-long", field: "name", limit: TEXT_LIMITS.name });
    expect(await addMember(db(), admin!, { ...member, email: `${MEGABYTE}@x.test` })).toMatchObject({ reason: "too-long", field: "email" });
    expect(await addMember(db(), admin!, { ...member, learnerNumber: MEGABYTE })).toMatchObject({ reason: "too-long", field: "learnerNumber" });
    expect(await createCentreWithAdmin(db(), { centreName: MEGABYTE, admin: { email: "a@b.test", name: "A", password: "long-enough-1" } })).toMatchObject({ reason: "too-long", field: "centreName" });
    const draft = (await createDraft(world.database, learner1!, 9));
    const submission = { qualification: "ilm-8588", unit: "501", documentIds: [draft.id], declaration: { name: MEGABYTE, date: "2025-07-01" } };
    expect((await submitUnit(db(), learner1!, submission))).toMatchObject({ reason: "too-long", field: "declarationName" });
    const submitted = (await submitUnit(db(), learner1!, { ...submission, declaration: { name: "Casey", date: "2025-07-01" } }));
    if (!submitted.ok) throw new Error(submitted.reason);
    const afterSubmit = await auditCount();
    expect((await recordDecision(db(), assessor1!, { submissionId: submitted.id, criterion: "501:2.2", decision: "Pass", feedback: MEGABYTE }))).toMatchObject({ reason: "too-long", field: "feedback" });
    expect((await recordDecision(db(), assessor1!, { submissionId: submitted.id, criterion: MEGABYTE, decision: "Pass", feedback: "" }))).toMatchObject({ reason: "too-long", field: "criterion" });
    expect((await recordDecision(db(), assessor1!, { submissionId: submitted.id, criterion: "501:2.2", decision: "Pass", feedback: "x".repeat(TEXT_LIMITS.comments) })).ok).toBe(true);
    expect((await finishAssessment(db(), assessor1!, { submissionId: submitted.id, status: "assessed" })).ok).toBe(true);
    expect((await ratifySubmission(db(), iqa!, { submissionId: submitted.id, decision: "ratify", comments: MEGABYTE }))).toMatchObject({ reason: "too-long", field: "comments" });
    expect(await auditCount()).toBe(afterSubmit + 2);
    expect(afterSubmit).toBe(before + 2); // the draft and the submission
    expect(await longestText()).toBeLessThan(100_000);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
