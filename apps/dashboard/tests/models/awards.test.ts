import { listDocuments, listLearners, ratifySubmission, recordAssessment, submitUnit, type Scope } from "@ilm-forms/db";
import { registry, unitCriteria } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerAwards } from "../../app/models/assessment.server.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";

let h: RouteHarness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("the award", () => {
  it("is achieved when every unit of the learner's route is ratified as a Pass, and not before", () => {
    const id = (local: string) => (h.database.sqlite.prepare("select id from users where email = ?").get(`${local}@demo.ilm-forms.test`) as { id: string }).id;
    const scope = (local: string, role: Scope["role"]): Scope => ({ userId: id(local), centreId: h.demo.centreId, role });
    const admin = scope("admin", "centre_admin");
    const learner = listLearners(h.database.db, admin).find((l) => l.email.startsWith("learner1@"))!;
    const me = scope("learner1", "learner");
    const before = learnerAwards(h.database.db, me, learner.id);
    expect(before).toEqual([{ qualification: expect.any(String), title: expect.stringContaining("Certificate"), achieved: false, outstanding: ["500", "501", "503"] }]);
    const documents = listDocuments(h.database.db, me, learner.id).map((d) => d.id);
    for (const unit of ["500", "501", "503"]) {
      const submitted = submitUnit(h.database.db, me, { qualification: "ilm-8588", unit, documentIds: documents, declaration: { name: learner.name, date: "2026-12-06" } });
      if (!submitted.ok) throw new Error(submitted.reason);
      const criteria = unitCriteria(registry.unit("ilm-8588", unit)!).map((c) => `${unit}:${c.id}`);
      const marked = recordAssessment(h.database.db, scope("assessor1", "assessor"), { submissionId: submitted.id, decisions: criteria.map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "" })), comments: {}, criteria, finish: true });
      expect(marked).toEqual({ ok: true, finished: true });
      if (unit !== "503") expect(ratifySubmission(h.database.db, scope("iqa", "iqa"), { submissionId: submitted.id, decision: "ratify", comments: "" }).ok).toBe(true);
      else expect(learnerAwards(h.database.db, me, learner.id)[0]).toMatchObject({ achieved: false, outstanding: ["503"] }); // provisional does not count
      if (unit === "503") ratifySubmission(h.database.db, scope("iqa", "iqa"), { submissionId: submitted.id, decision: "ratify", comments: "" });
    }
    expect(learnerAwards(h.database.db, me, learner.id)).toEqual([{ qualification: expect.any(String), title: expect.stringContaining("Certificate"), achieved: true, outstanding: [] }]);
  });
});
