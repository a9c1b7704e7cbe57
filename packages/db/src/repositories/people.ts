import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { checkPasswordRules, hashPassword } from "../auth/passwords.ts";
import { normaliseEmail } from "../auth/rateLimit.ts";
import { learners } from "../schema/learners.ts";
import { memberships, users, type Role } from "../schema/people.ts";
import { sessions } from "../schema/auth.ts";
import { newId, nowIso } from "../util/ids.ts";
import { insertCentre, type Centre } from "./centres.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { TEXT_LIMITS, tooLong, type TooLong } from "../util/textLimits.ts";
import { all, get, run } from "../access/engine.ts";

/** A member of a centre as listed to its admin. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** When a centre admin deactivated the person (sign-in refused), or null. */
  deactivatedAt: string | null;
  /** Set for learners: the id their portfolio hangs off. */
  learnerId?: string;
}

/** A new member's details. */
export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** Learners only: the awarding body's learner number. */
  learnerNumber?: string;
}

/** What {@link addMember} answers. */
export type AddMemberResult =
  | { ok: true; userId: string; learnerId?: string }
  | Forbidden
  | { ok: false; reason: "email-taken" }
  | { ok: false; reason: "weak-password"; message: string }
  | TooLong;

function memberTooLong(member: Omit<NewMember, "role">): TooLong | undefined {
  return tooLong({
    name: [member.name, TEXT_LIMITS.name],
    email: [member.email, TEXT_LIMITS.email],
    learnerNumber: [member.learnerNumber, TEXT_LIMITS.learnerNumber],
  });
}

/**
 * Adds a person to the caller's centre (centre admins only): user, membership and, for a
 * learner, the learner record, with one audit entry, in one transaction.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param member - email, name, password, role, learner number
 * @returns the new ids, or why not
 */
export async function addMember(db: Db, scope: Scope, member: NewMember): Promise<AddMemberResult> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  const long = memberTooLong(member);
  if (long) return long;
  return insertMember(db, scope.centreId, scope.userId, member);
}

/**
 * Creates a centre with its first centre admin (a system operation: setup and seed).
 *
 * @param db - the connection
 * @param input - the centre's name and the admin's details
 * @returns the centre and the admin's scope, or why the admin could not be created
 */
export async function createCentreWithAdmin(
  db: Db,
  input: { centreName: string; centreId?: string; admin: Omit<NewMember, "role"> },
): Promise<{ ok: true; centre: Centre; admin: Scope } | Exclude<AddMemberResult, { ok: true }>> {
  const long = tooLong({ centreName: [input.centreName, TEXT_LIMITS.name] }) ?? memberTooLong(input.admin);
  if (long) return long;
  const problem = checkPasswordRules(input.admin.password);
  if (problem) return { ok: false, reason: "weak-password", message: problem };
  const passwordHash = await hashPassword(input.admin.password);
  return writeTransaction(db, async () => {
    const centre = (await insertCentre(db, { name: input.centreName, ...(input.centreId ? { id: input.centreId } : {}) }));
    const result = (await insertMemberTx(db, centre.id, null, { ...input.admin, role: "centre_admin" }, passwordHash));
    if (!result.ok) throw new Error("unreachable: the email was free a moment ago in this transaction");
    return { ok: true as const, centre, admin: { userId: result.userId, centreId: centre.id, role: "centre_admin" as const } };
  });
}

async function insertMember(db: Db, centreId: string, actorUserId: string | null, member: NewMember): Promise<AddMemberResult> {
  const problem = checkPasswordRules(member.password);
  if (problem) return { ok: false, reason: "weak-password", message: problem };
  const passwordHash = await hashPassword(member.password);
  return writeTransaction(db, () => insertMemberTx(db, centreId, actorUserId, member, passwordHash));
}

async function insertMemberTx(db: Db, centreId: string, actorUserId: string | null, member: NewMember, passwordHash: string): Promise<AddMemberResult> {
  const email = normaliseEmail(member.email);
  if ((await emailTakenInCentre(db, centreId, email))) return { ok: false, reason: "email-taken" };
  const createdAt = nowIso();
  const userId = newId();
  (await run(db, db.insert(users).values({ id: userId, email, passwordHash, name: member.name, createdAt, deactivatedAt: null })));
  (await run(db, db.insert(memberships).values({ id: newId(), userId, centreId, role: member.role, createdAt })));
  const learnerId = member.role === "learner" ? (await insertLearner(db, centreId, userId, member.learnerNumber, createdAt)) : undefined;
  (await appendAudit(db, {
    centreId,
    actorUserId,
    action: "member.add",
    entityType: "user",
    entityId: userId,
    after: { email, name: member.name, role: member.role, centreId, ...(learnerId ? { learnerId } : {}) },
  }));
  return { ok: true, userId, ...(learnerId ? { learnerId } : {}) };
}

/** A person of the caller's centre, by user id (whether deactivated or not), or undefined. */
async function memberOfCentre(db: Db, scope: Scope, userId: string): Promise<{ id: string; deactivatedAt: string | null } | undefined> {
  return get(db, db
    .select({ id: users.id, deactivatedAt: users.deactivatedAt })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, userId), eq(memberships.centreId, scope.centreId))));
}

/** Whether someone of this centre already has the email. Other centres are never asked: an admin learns nothing about them. */
async function emailTakenInCentre(db: Db, centreId: string, email: string): Promise<boolean> {
  const row = (await get(db, db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, normaliseEmail(email)), eq(memberships.centreId, centreId)))));
  return row !== undefined;
}

async function insertLearner(db: Db, centreId: string, userId: string, learnerNumber: string | undefined, createdAt: string): Promise<string> {
  const id = newId();
  (await run(db, db.insert(learners).values({ id, centreId, userId, learnerNumber: learnerNumber ?? null, createdAt })));
  return id;
}

/**
 * The members of the caller's centre (centre admins and IQAs), optionally of one role.
 *
 * @param db - the connection
 * @param scope - a centre admin, IQA or EQA (who reads who assessed and who ratified)
 * @param role - only this role, when given
 * @returns the members by name; an empty list for other roles
 */
export async function listMembers(db: Db, scope: Scope, role?: Role): Promise<Member[]> {
  if (scope.role !== "centre_admin" && scope.role !== "iqa" && scope.role !== "eqa") return [];
  const rows = (await all(db, db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, deactivatedAt: users.deactivatedAt, learnerId: learners.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(learners, eq(learners.userId, users.id))
    .where(and(eq(memberships.centreId, scope.centreId), role ? eq(memberships.role, role) : undefined))
    .orderBy(users.name)));
  return rows.map(({ learnerId, ...rest }) => ({ ...rest, ...(learnerId ? { learnerId } : {}) }));
}

/**
 * A centre admin deactivates a person of the centre (sign-in refused, every session ended, their
 * documents, decisions and audit entries kept) or reactivates them. An admin cannot deactivate
 * themselves, so a centre always keeps one.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param input - the person and whether they are to be active
 * @returns ok, or why not
 */
export async function setMemberActive(db: Db, scope: Scope, input: { userId: string; active: boolean }): Promise<{ ok: true } | Forbidden | NotFound | { ok: false; reason: "self" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  if (input.userId === scope.userId && !input.active) return { ok: false, reason: "self" };
  return writeTransaction(db, async () => {
    const member = await memberOfCentre(db, scope, input.userId);
    if (!member) return NOT_FOUND;
    const deactivatedAt = input.active ? null : (member.deactivatedAt ?? nowIso());
    (await run(db, db.update(users).set({ deactivatedAt }).where(eq(users.id, member.id))));
    if (!input.active) (await run(db, db.delete(sessions).where(eq(sessions.userId, member.id))));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: input.active ? "member.reactivate" : "member.deactivate",
      entityType: "user",
      entityId: member.id,
      before: { deactivatedAt: member.deactivatedAt },
      after: { deactivatedAt },
    }));
    return { ok: true as const };
  });
}

/**
 * A centre admin signs a person of the centre out everywhere (a lost laptop, a shared computer left
 * signed in): every session of theirs ends, audited; they can sign in again with their password. An
 * admin ends their own other sessions under "Your account" instead.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param input - the person
 * @returns how many sessions ended, or why not
 */
export async function endMemberSessions(db: Db, scope: Scope, input: { userId: string }): Promise<{ ok: true; ended: number } | Forbidden | NotFound | { ok: false; reason: "self" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  if (input.userId === scope.userId) return { ok: false, reason: "self" };
  return writeTransaction(db, async () => {
    const member = await memberOfCentre(db, scope, input.userId);
    if (!member) return NOT_FOUND;
    const ended = await run(db, db.delete(sessions).where(eq(sessions.userId, member.id)));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "member.sessions-end", entityType: "user", entityId: member.id, after: { ended, which: "all, by the centre admin" } }));
    return { ok: true as const, ended };
  });
}

/**
 * A centre admin corrects a person's name, email address or (a learner's) registration number; the
 * audit entry keeps what they were.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param input - the person and the new values (an empty learner number clears it)
 * @returns ok, or why not
 */
export async function updateMember(
  db: Db,
  scope: Scope,
  input: { userId: string; name: string; email: string; learnerNumber?: string },
): Promise<{ ok: true } | Forbidden | NotFound | TooLong | { ok: false; reason: "email-taken" | "empty-name" | "bad-email" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  const name = input.name.trim().replace(/\s+/g, " ");
  const email = normaliseEmail(input.email);
  const learnerNumber = input.learnerNumber?.trim();
  const long = tooLong({ name: [name, TEXT_LIMITS.name], email: [email, TEXT_LIMITS.email], ...(learnerNumber !== undefined ? { learnerNumber: [learnerNumber, TEXT_LIMITS.learnerNumber] } : {}) });
  if (long) return long;
  if (!name) return { ok: false, reason: "empty-name" };
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { ok: false, reason: "bad-email" };
  return writeTransaction(db, async () => {
    const member = (await get(db, db
      .select({ id: users.id, name: users.name, email: users.email, learnerId: learners.id, learnerNumber: learners.learnerNumber })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .leftJoin(learners, eq(learners.userId, users.id))
      .where(and(eq(users.id, input.userId), eq(memberships.centreId, scope.centreId)))));
    if (!member) return NOT_FOUND;
    if (email !== member.email && (await emailTakenInCentre(db, scope.centreId, email))) return { ok: false as const, reason: "email-taken" as const };
    (await run(db, db.update(users).set({ name, email }).where(eq(users.id, member.id))));
    if (member.learnerId && learnerNumber !== undefined) (await run(db, db.update(learners).set({ learnerNumber: learnerNumber || null }).where(eq(learners.id, member.learnerId))));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "member.update",
      entityType: "user",
      entityId: member.id,
      before: { name: member.name, email: member.email, ...(member.learnerId ? { learnerNumber: member.learnerNumber } : {}) },
      after: { name, email, ...(member.learnerId && learnerNumber !== undefined ? { learnerNumber: learnerNumber || null } : {}) },
    }));
    return { ok: true as const };
  });
}
