import { and, eq, sql } from "drizzle-orm";
import { registry } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import { learnerVisible, reachOf, type Scope } from "../access/scope.ts";
import { prepared } from "../access/statementCache.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { submissions } from "../schema/assessment.ts";
import { learners, registrations } from "../schema/learners.ts";
import { users } from "../schema/people.ts";
import { newId } from "../util/ids.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { allPrepared, get, getPrepared, run } from "../access/engine.ts";

/** A learner as the repositories return it. */
export interface Learner {
  id: string;
  userId: string;
  name: string;
  email: string;
  learnerNumber: string | null;
}

/** A learner's registration on a unit. */
export type Registration = typeof registrations.$inferSelect;

const learnerColumns = {
  id: learners.id,
  userId: learners.userId,
  name: users.name,
  email: users.email,
  learnerNumber: learners.learnerNumber,
};

/**
 * One learner, if the caller may see them (same centre; an assessor only when assigned; a
 * learner only themself). One prepared statement per reach.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @returns the learner, or undefined (also for another centre's learner)
 */
export async function getLearner(db: Db, scope: Scope, learnerId: string): Promise<Learner | undefined> {
  const reach = reachOf(scope.role);
  const statement = prepared(db, `learners.get:${reach}`, () =>
    db
      .select(learnerColumns)
      .from(learners)
      .innerJoin(users, eq(users.id, learners.userId))
      .where(and(eq(learners.id, sql.placeholder("id")), eq(learners.centreId, sql.placeholder("centreId")), learnerVisible(reach, learners.id))),
  );
  return (await getPrepared(db, statement, { id: learnerId, centreId: scope.centreId, userId: scope.userId }));
}

/**
 * The learners the caller may see, by name (a learner sees only themself).
 *
 * @param db - the connection
 * @param scope - the caller
 * @returns the learners
 */
export async function listLearners(db: Db, scope: Scope): Promise<Learner[]> {
  const reach = reachOf(scope.role);
  const statement = prepared(db, `learners.list:${reach}`, () =>
    db
      .select(learnerColumns)
      .from(learners)
      .innerJoin(users, eq(users.id, learners.userId))
      .where(and(eq(learners.centreId, sql.placeholder("centreId")), learnerVisible(reach, learners.id)))
      .orderBy(users.name),
  );
  return (await allPrepared(db, statement, { centreId: scope.centreId, userId: scope.userId }));
}

/**
 * The caller's own learner record (for a signed-in learner).
 *
 * @param db - the connection
 * @param scope - the caller
 * @returns the learner, or undefined when the caller is not a learner
 */
export async function getOwnLearner(db: Db, scope: Scope): Promise<Learner | undefined> {
  if (scope.role !== "learner") return undefined;
  const statement = prepared(db, "learners.own", () =>
    db
      .select(learnerColumns)
      .from(learners)
      .innerJoin(users, eq(users.id, learners.userId))
      .where(and(eq(learners.userId, sql.placeholder("userId")), eq(learners.centreId, sql.placeholder("centreId")))),
  );
  return (await getPrepared(db, statement, { userId: scope.userId, centreId: scope.centreId }));
}

/** A new registration's details. */
export type NewRegistration = Omit<Registration, "id" | "centreId">;

/**
 * Registers a learner on a unit (centre admins only), with its audit entry.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param registration - learner, qualification, route, unit, rule-set version, date
 * @returns the registration's id, or why not (a learner registered on the unit already: `duplicate`)
 */
export async function registerLearner(
  db: Db,
  scope: Scope,
  registration: NewRegistration,
): Promise<{ ok: true; id: string } | Forbidden | NotFound | { ok: false; reason: "duplicate" | "unknown-unit" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  // Only what the qualification data knows is stored: a unit version of a route that includes it, on a real date.
  const { qualification, route, unit, ruleSetVersion, registeredOn } = registration;
  const known =
    registry.unit(qualification, unit, ruleSetVersion) !== undefined &&
    // A qualification with routes: one of them that includes the unit; one without (a single diary): no route.
    ((registry.qualification(qualification)?.routes ?? []).length === 0 ? route === "" : (registry.qualification(qualification)?.routes ?? []).some((r) => r.id === route && r.units.includes(unit))) &&
    /^\d{4}-\d{2}-\d{2}$/.test(registeredOn);
  if (!known) return { ok: false, reason: "unknown-unit" };
  return writeTransaction(db, async () => {
    if (!(await getLearner(db, scope, registration.learnerId))) return NOT_FOUND;
    const taken = (await get(db, db
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          eq(registrations.learnerId, registration.learnerId),
          eq(registrations.qualification, registration.qualification),
          eq(registrations.unit, registration.unit),
        ),
      )));
    if (taken) return { ok: false as const, reason: "duplicate" as const };
    const row = { ...registration, id: newId(), centreId: scope.centreId };
    (await run(db, db.insert(registrations).values(row)));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "registration.create", entityType: "registration", entityId: row.id, after: row }));
    return { ok: true as const, id: row.id };
  });
}

/**
 * Moves a learner's registration on a unit to another version of the unit's rules (for example from the
 * earlier Unit 501 rules to the current ones): the centre admin's decision, audited with the rules before
 * and after. The learner's findings follow the new rules at once. Refused while the unit is with the
 * assessor or quality assurance (a submission submitted or assessed and not yet ratified), so a decision is
 * never made on rules the learner did not submit under.
 *
 * @param db - the connection
 * @param scope - the caller (a centre admin)
 * @param change - the registration and the version of the unit's rules to move it to
 * @returns ok, or why not: `forbidden`, `not-found` (no such registration in the centre), `unknown-unit`
 *   (the qualification data has no such version of the unit), `same` (already on it), `being-assessed`
 */
export async function changeRegistrationRules(
  db: Db,
  scope: Scope,
  change: { registrationId: string; ruleSetVersion: string },
): Promise<{ ok: true } | Forbidden | NotFound | { ok: false; reason: "unknown-unit" | "same" | "being-assessed" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, async () => {
    const before = await get(db, db.select().from(registrations).where(and(eq(registrations.id, change.registrationId), eq(registrations.centreId, scope.centreId))));
    if (!before) return NOT_FOUND;
    if (!registry.unit(before.qualification, before.unit, change.ruleSetVersion)) return { ok: false as const, reason: "unknown-unit" as const };
    if (before.ruleSetVersion === change.ruleSetVersion) return { ok: false as const, reason: "same" as const };
    const open = await get(db, db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(
        eq(submissions.centreId, scope.centreId),
        eq(submissions.learnerId, before.learnerId),
        eq(submissions.qualification, before.qualification),
        eq(submissions.unit, before.unit),
        sql`${submissions.status} in ('submitted', 'assessed')`,
        sql`${submissions.result} is null`,
      )));
    if (open) return { ok: false as const, reason: "being-assessed" as const };
    await run(db, db.update(registrations).set({ ruleSetVersion: change.ruleSetVersion }).where(eq(registrations.id, before.id)));
    await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "registration.change-rules", entityType: "registration", entityId: before.id, before, after: { ...before, ruleSetVersion: change.ruleSetVersion } });
    return { ok: true as const };
  });
}

/**
 * The registrations of every learner the caller may see, in one statement (the admin's list of a
 * centre's registrations, which asked once per learner).
 *
 * @param db - the connection
 * @param scope - the caller
 * @returns the registrations by learner, qualification and unit
 */
export async function listVisibleRegistrations(db: Db, scope: Scope): Promise<Registration[]> {
  const reach = reachOf(scope.role);
  const statement = prepared(db, `registrations.visible:${reach}`, () =>
    db
      .select()
      .from(registrations)
      .where(and(eq(registrations.centreId, sql.placeholder("centreId")), learnerVisible(reach, registrations.learnerId)))
      .orderBy(registrations.learnerId, registrations.qualification, registrations.unit),
  );
  return (await allPrepared(db, statement, { centreId: scope.centreId, userId: scope.userId }));
}

/**
 * A learner's registrations, if the caller may see the learner.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param learnerId - the learner
 * @returns the registrations by qualification and unit; empty when the learner is not visible
 */
export async function listRegistrations(db: Db, scope: Scope, learnerId: string): Promise<Registration[]> {
  if (!(await getLearner(db, scope, learnerId))) return [];
  const statement = prepared(db, "registrations.list", () =>
    db
      .select()
      .from(registrations)
      .where(and(eq(registrations.learnerId, sql.placeholder("learnerId")), eq(registrations.centreId, sql.placeholder("centreId"))))
      .orderBy(registrations.qualification, registrations.unit),
  );
  return (await allPrepared(db, statement, { learnerId, centreId: scope.centreId }));
}
