import { listDocuments, listLearners, ratifySubmission, recordAssessment, submitUnit, type Scope } from "@ilm-forms/db";
import { registry, unitCriteria } from "@ilm-forms/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerAwards } from "../../app/models/assessment.server.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";
import { scalar } from "../support/database.ts";

let h: RouteHarness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("the award", () => {
  it("is achieved when every unit of the learner's route is ratified as a Pass, and not before", async () => {
    const id = (local: string) => scalar<string>(h.database, "select id from users where email = ?", `${local}@demo.ilm-forms.test`);
    const scope = async (local: string, role: Scope["role"]): Promise<Scope> => ({ userId: await id(local), centreId: h.demo.centreId, role });
    const admin = await scope("admin", "centre_admin");
    const learner = (await listLearners(h.database.db, admin)).find((l) => l.email.startsWith("learner1@"))!;
    const me = await scope("learner1", "learner");
    const before = (await learnerAwards(h.database.db, me, learner.id));
    expect(before).toEqual([{ qualification: expect.any(String), title: expect.stringContaining("Certificate"), achieved: false, outstanding: ["500", "501", "503"] }]);
    const documents = (await listDocuments(h.database.db, me, learner.id)).map((d) => d.id);
    for (const unit of ["500", "501", "503"]) {
      const submitted = (await submitUnit(h.database.db, me, { qualification: "ilm-8588", unit, documentIds: documents, declaration: { name: learner.name, date: "2026-12-06" } }));
      if (!submitted.ok) throw new Error(submitted.reason);
      const criteria = unitCriteria(registry.unit("ilm-8588", unit)!).map((c) => `${unit}:${c.id}`);
      const marked = (await recordAssessment(h.database.db, await scope("assessor1", "assessor"), { submissionId: submitted.id, decisions: criteria.map((criterion) => ({ criterion, decision: "Pass" as const, feedback: "" })), comments: {}, criteria, finish: true }));
      expect(marked).toEqual({ ok: true, finished: true });
      if (unit !== "503") expect((await ratifySubmission(h.database.db, await scope("iqa", "iqa"), { submissionId: submitted.id, decision: "ratify", comments: "" })).ok).toBe(true);
      else expect((await learnerAwards(h.database.db, me, learner.id))[0]).toMatchObject({ achieved: false, outstanding: ["503"] }); // provisional does not count
      if (unit === "503") (await ratifySubmission(h.database.db, await scope("iqa", "iqa"), { submissionId: submitted.id, decision: "ratify", comments: "" }));
    }
    expect((await learnerAwards(h.database.db, me, learner.id))).toEqual([{ qualification: expect.any(String), title: expect.stringContaining("Certificate"), achieved: true, outstanding: [] }]);
  });
});
