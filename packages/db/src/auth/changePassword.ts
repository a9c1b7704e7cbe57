import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { run } from "../access/engine.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { sessions } from "../schema/auth.ts";
import { users } from "../schema/people.ts";
import { sha256Hex } from "../util/ids.ts";
import { storedHash, tryCurrentPassword } from "./currentPassword.ts";
import { checkPasswordRules, hashPassword } from "./passwords.ts";
import { createSession, SESSION_TTL_MS } from "./sessions.ts";

/** What {@link changePassword} answers. */
export type ChangePasswordResult =
  | { ok: true; token: string; expiresAt: string; otherSessionsEnded: number }
  | { ok: false; reason: "weak-password"; message: string }
  | { ok: false; reason: "wrong-current" | "rate-limited" | "not-found" };

/**
 * A signed-in person changes their own password. The new password is checked against the rules
 * first (a weak one costs no try); then the current password is tried (`tryCurrentPassword`: one try
 * counted against `CURRENT_PASSWORD_LIMIT`, kept in the database for every process). In one write transaction the new
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
  // argon2 runs outside the write lock; the transaction below checks that the hash is still the one verified.
  const before = await tryCurrentPassword(db, scope, change.current, now);
  if (!before.ok) return before;
  const passwordHash = await hashPassword(change.next);
  return writeTransaction(db, async () => {
    const still = await storedHash(db, scope.userId);
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
