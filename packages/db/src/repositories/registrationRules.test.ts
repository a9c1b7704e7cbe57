import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "./audit.ts";
import { changeRegistrationRules, listLearners, listRegistrations, listVisibleRegistrations } from "./learners.ts";
import { submissionContentHash, submitUnit } from "./submissions.ts";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { inSequence } from "../test/database.ts";

describe("moving a registration to another version of the unit's rules", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("is the centre admin's change, audited, refused for an unknown or the same version, another centre, or a unit being assessed", async () => {
    const { learner1, learner2, admin, assessor1 } = world.scopes;
    const of501 = async (scope: typeof learner1) => (await listRegistrations(db(), admin!, scope!.learnerId!)).find((r) => r.unit === "501")!;
    const registration = await of501(learner1);
    expect(registration.ruleSetVersion).toBe("2.0");
    const change = { registrationId: registration.id, ruleSetVersion: "earlier" };

    expect(await changeRegistrationRules(db(), assessor1!, change)).toEqual({ ok: false, reason: "forbidden" });
    expect(await changeRegistrationRules(db(), learner1!, change)).toEqual({ ok: false, reason: "forbidden" });
    expect(await changeRegistrationRules(db(), world.otherScopes.admin!, change)).toEqual({ ok: false, reason: "not-found" });
    expect(await changeRegistrationRules(db(), admin!, { ...change, ruleSetVersion: "9.9" })).toEqual({ ok: false, reason: "unknown-unit" });
    expect(await changeRegistrationRules(db(), admin!, { ...change, ruleSetVersion: "2.0" })).toEqual({ ok: false, reason: "same" });
    expect((await of501(learner1)).ruleSetVersion).toBe("2.0");

    expect(await changeRegistrationRules(db(), admin!, change)).toEqual({ ok: true });
    expect((await of501(learner1)).ruleSetVersion).toBe("earlier");
    const audited = (await listAuditEntries(db(), admin!)).filter((e) => e.action === "registration.change-rules");
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ entityId: registration.id, actorUserId: admin!.userId });
    expect(JSON.stringify(audited[0])).toContain("earlier");

    // While a unit is with the assessor, its rules stay as submitted.
    const docs = await inSequence([1, 2], (n) => createDraft(world.database, learner2!, n));
    const submitted = await submitUnit(db(), learner2!, { qualification: "ilm-8588", unit: "501", documentIds: docs.map((d) => d.id), declaration: { name: "Learner Two", date: "2025-06-01" }, expectedContentHash: submissionContentHash(docs) });
    expect(submitted.ok).toBe(true);
    const theirs = await of501(learner2);
    expect(await changeRegistrationRules(db(), admin!, { registrationId: theirs.id, ruleSetVersion: "earlier" })).toEqual({ ok: false, reason: "being-assessed" });
    expect((await of501(learner2)).ruleSetVersion).toBe("2.0");
  });

  it("lists every visible learner's registrations in one read: the centre's for its admin, the assigned ones for an assessor, one's own for a learner, none of another centre", async () => {
    const { admin, assessor1, learner1 } = world.scopes;
    for (const scope of [admin!, assessor1!, learner1!, world.otherScopes.admin!]) {
      const each = (await Promise.all((await listLearners(db(), scope)).map((l) => listRegistrations(db(), scope, l.id)))).flat();
      const all = await listVisibleRegistrations(db(), scope);
      expect(all.map((r) => r.id).sort()).toEqual(each.map((r) => r.id).sort());
      expect(all.every((r) => r.centreId === scope.centreId)).toBe(true);
    }
    expect((await listVisibleRegistrations(db(), admin!)).length).toBeGreaterThan((await listVisibleRegistrations(db(), learner1!)).length);
    expect((await listVisibleRegistrations(db(), learner1!)).every((r) => r.learnerId === learner1!.learnerId)).toBe(true);
  });
});
