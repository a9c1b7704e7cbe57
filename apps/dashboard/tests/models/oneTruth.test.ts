import { listLearners, submitUnit, type Scope } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerProgress } from "../../app/models/portfolio.server.ts";
import { loadSubmission } from "../../app/models/submission.server.ts";
import { createHarness, type RouteHarness } from "../support/routeContext.ts";
import { scalar } from "../support/database.ts";

// One truth for findings: what the learner's unit page shows and what the assessor's marking page shows
// for the submission of that unit are the same findings, for every demo learner and every unit.

let h: RouteHarness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h?.close());

describe("the learner's findings and the assessor's", () => {
  it("agree on every criterion of every unit of every demo learner once the unit is submitted", async () => {
    const userId = (email: string) => scalar<string>(h.database, "select id from users where email = ?", email);
    const admin: Scope = { userId: await userId(h.demo.signIns.find((p) => p.role === "centre_admin")!.email), centreId: h.demo.centreId, role: "centre_admin" };
    const iqa: Scope = { userId: await userId(h.demo.signIns.find((p) => p.role === "iqa")!.email), centreId: h.demo.centreId, role: "iqa" };
    const differences: string[] = [];
    let compared = 0;
    for (const learner of (await listLearners(h.database.db, admin))) {
      const scope: Scope = { userId: learner.userId, centreId: h.demo.centreId, role: "learner" };
      for (const progress of (await learnerProgress(h.database.db, scope, learner.id))) {
        if (progress.documents.length === 0) continue; // nothing to submit (a demo learner without Unit 500's report)
        const submitted = (await submitUnit(h.database.db, scope, {
          qualification: progress.registration.qualification,
          unit: progress.unit.id,
          documentIds: progress.documents.map((d) => d.id),
          declaration: { name: learner.name, date: "2026-12-06" },
        }));
        if (!submitted.ok) throw new Error(`${learner.name} ${progress.unit.id}: ${submitted.reason}`);
        const view = (await loadSubmission(h.database.db, iqa, submitted.id))!;
        for (const finding of progress.check.findings) {
          compared++;
          const theirs = view.check.findings.find((f) => f.criterion === finding.criterion);
          if (theirs?.status !== finding.status) differences.push(`${learner.name} ${finding.criterion}: learner ${finding.status}, assessor ${theirs?.status}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(differences).toEqual([]);
  });
});
