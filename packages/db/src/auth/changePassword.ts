import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { get, run } from "../access/engine.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { sessions } from "../schema/auth.ts";
import { users } from "../schema/people.ts";
import { sha256Hex } from "../util/ids.ts";
import { checkPasswordRules, hashPassword, verifyPassword } from "./passwords.ts";
import { reserveRequest } from "./rateLimit.ts";
import { createSession, SESSION_TTL_MS } from "./sessions.ts";

/**
 * How often a person may try their current password to change it: 5 tries a quarter of an hour,
 * whatever their outcome. A stolen session therefore cannot be used to guess the password faster
 * than sign-in allows.
 */
export const PASSWORD_CHANGE_LIMIT = { attempts: 5, windowMs: 15 * 60 * 1000 };

/** What {@link changePassword} answers. */
export type ChangePasswordResult =
  | { ok: true; token: string; expiresAt: string; otherSessionsEnded: number }
  | { ok: false; reason: "weak-password"; message: string }
  | { ok: false; reason: "wrong-current" | "rate-limited" | "not-found" };

/**
 * A signed-in person changes their own password. The new password is checked against the rules
 * first (a weak one costs no try); then one try is counted ({@link PASSWORD_CHANGE_LIMIT}, kept in the
 * database for every process) and the current password verified. In one write transaction the new
 * hash is stored, every session of the person ends (the others and the one in use) and a new session
 * starts for this browser, and the audit entry `member.password-change` is written (no password or
 * hash in it). The session is rotated rather than kept: whoever else held its token is signed out too.
 *
 * @param db - the connection
 * @param scope - the person (their own account, whatever the role)
 * @param change - `current` and `next` passwords as typed, `sessionToken` (the session in use), `ttlMs`, `now` (tests)
 * @returns the new session's token and expiry with how many other sessions ended, or why not (nothing changed)
 */
export async function changePassword(
  db: Db,
  scope: Scope,
  change: { current: string; next: string; sessionToken: string; ttlMs?: number; now?: Date },
): Promise<ChangePasswordResult> {
  const now = change.now ?? new Date();
  const problem = checkPasswordRules(change.next);
  if (problem) return { ok: false, reason: "weak-password", message: problem };
  const allowed = await reserveRequest(db, { bucket: "password-change", key: scope.userId, requests: PASSWORD_CHANGE_LIMIT.attempts, windowMs: PASSWORD_CHANGE_LIMIT.windowMs, now });
  if (!allowed) return { ok: false, reason: "rate-limited" };
  const account = () => get(db, db.select({ passwordHash: users.passwordHash }).from(users).where(and(eq(users.id, scope.userId), isNull(users.deactivatedAt))));
  const before = await account();
  if (!before) return { ok: false, reason: "not-found" };
  // argon2 runs outside the write lock; the transaction below checks that the hash is still the one verified.
  if (!(await verifyPassword(before.passwordHash, change.current))) return { ok: false, reason: "wrong-current" };
  const passwordHash = await hashPassword(change.next);
  return writeTransaction(db, async () => {
    const still = await account();
    if (!still) return { ok: false as const, reason: "not-found" as const };
    // Changed meanwhile (another tab, a reset link): what was typed is no longer the current password.
    if (still.passwordHash !== before.passwordHash) return { ok: false as const, reason: "wrong-current" as const };
    await run(db, db.update(users).set({ passwordHash }).where(eq(users.id, scope.userId)));
    const otherSessionsEnded = await run(db, db.delete(sessions).where(and(eq(sessions.userId, scope.userId), ne(sessions.id, sha256Hex(change.sessionToken)))));
    await run(db, db.delete(sessions).where(eq(sessions.id, sha256Hex(change.sessionToken))));
    const session = await createSession(db, scope.userId, { ttlMs: change.ttlMs ?? SESSION_TTL_MS, now });
    await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "member.password-change", entityType: "user", entityId: scope.userId, after: { otherSessionsEnded } });
    return { ok: true as const, ...session, otherSessionsEnded };
  });
}
