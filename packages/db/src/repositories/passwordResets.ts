import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { checkPasswordRules, hashPassword } from "../auth/passwords.ts";
import { sessions } from "../schema/auth.ts";
import { passwordResets } from "../schema/passwordResets.ts";
import { memberships, users } from "../schema/people.ts";
import { newId, nowIso, randomToken, sha256Hex } from "../util/ids.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { get, run } from "../access/engine.ts";

/** How long a password-reset link works: one day. */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A centre admin makes a one-time link for a person of the centre to set a new password. The token
 * is returned once and only its hash is stored; an earlier unused link of the person stops working.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param userId - the person
 * @returns the token (to put in the link, shown once), or why not
 */
export async function createPasswordReset(db: Db, scope: Scope, userId: string, now: Date = new Date()): Promise<{ ok: true; token: string; expiresAt: string } | Forbidden | NotFound> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, async () => {
    const member = (await get(db, db
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.id, userId), eq(memberships.centreId, scope.centreId)))));
    if (!member) return NOT_FOUND;
    const at = nowIso(now);
    // One open link a person: the newest replaces the others.
    await run(db, db.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.userId, member.id), eq(passwordResets.centreId, scope.centreId))));
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString();
    const id = newId();
    (await run(db, db.insert(passwordResets).values({ id, centreId: scope.centreId, userId: member.id, tokenHash: sha256Hex(token), createdAt: at, createdBy: scope.userId, expiresAt })));
    (await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "member.password-reset-link", entityType: "user", entityId: member.id, after: { expiresAt } }));
    return { ok: true as const, token, expiresAt };
  });
}

async function openRow(db: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = (await get(db, db
    .select({ id: passwordResets.id, userId: passwordResets.userId, centreId: passwordResets.centreId, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt, name: users.name, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, sha256Hex(token)))));
  if (!row || row.usedAt || row.expiresAt <= nowIso(now)) return undefined;
  return row;
}

/**
 * The person a password-reset link is for, while it is unused and unexpired.
 *
 * @param db - the connection
 * @param token - from the link
 * @returns name and email, or undefined (an unknown, used or expired link alike)
 */
export async function openPasswordReset(db: Db, token: string, now: Date = new Date()): Promise<{ name: string; email: string } | undefined> {
  const row = (await openRow(db, token, now));
  return row && { name: row.name, email: row.email };
}

/**
 * Sets a new password through a link: the link is used up, every session of the person ends, and
 * the audit entry is written, in one transaction.
 *
 * @param db - the connection
 * @param token - from the link
 * @param password - the new password
 * @returns ok with whose password it set (for the security log), or why not
 */
export async function usePasswordReset(db: Db, token: string, password: string, now: Date = new Date()): Promise<{ ok: true; userId: string; centreId: string } | { ok: false; reason: "invalid-link" } | { ok: false; reason: "weak-password"; message: string }> {
  if (!(await openRow(db, token, now))) return { ok: false, reason: "invalid-link" };
  const problem = checkPasswordRules(password);
  if (problem) return { ok: false, reason: "weak-password", message: problem };
  const passwordHash = await hashPassword(password);
  return writeTransaction(db, async () => {
    const row = (await openRow(db, token, now));
    if (!row) return { ok: false as const, reason: "invalid-link" as const };
    (await run(db, db.update(passwordResets).set({ usedAt: nowIso(now) }).where(eq(passwordResets.id, row.id))));
    (await run(db, db.update(users).set({ passwordHash }).where(eq(users.id, row.userId))));
    (await run(db, db.delete(sessions).where(eq(sessions.userId, row.userId))));
    (await appendAudit(db, { centreId: row.centreId, actorUserId: row.userId, action: "member.password-reset", entityType: "user", entityId: row.userId }));
    return { ok: true as const, userId: row.userId, centreId: row.centreId };
  });
}
