import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { memberships, users } from "../schema/people.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { normaliseEmail, reserveSignInAttempt, settleSignInAttempt, SIGN_IN_LIMIT } from "./rateLimit.ts";
import { createSession, deleteSession, SESSION_TTL_MS } from "./sessions.ts";
import { all } from "../access/engine.ts";

/** What {@link signIn} answers. */
export type SignInResult =
  | { ok: true; token: string; expiresAt: string; user: { id: string; email: string; name: string }; scope: Scope }
  | { ok: false; reason: "invalid" | "rate-limited" };

// A valid hash to verify against when the email is unknown, so both paths cost the same time.
let decoyHash: Promise<string> | undefined;

/**
 * Signs in with email and password. Rate-limited per email and address, per email and per address
 * (see {@link reserveSignInAttempt}); on success the previous
 * session (the token the browser still carried, if any) is deleted and a new one created, so a
 * session id fixed before sign-in is worthless after it.
 *
 * @param db - the connection
 * @param attempt - `email`, `password`, `ip`, optional `previousToken`, `ttlMs`, `maxSessions` (see `createSession`), `now`
 * @returns the new session's token and the user's scope, or why not (never which part was wrong)
 */
export async function signIn(
  db: Db,
  attempt: { email: string; password: string; ip: string; previousToken?: string; ttlMs?: number; maxSessions?: number; now?: Date },
): Promise<SignInResult> {
  const email = normaliseEmail(attempt.email);
  const who = { email, ip: attempt.ip, ...(attempt.now ? { now: attempt.now } : {}) };
  // Counted before the password is checked, atomically: concurrent guesses cannot all slip under the limit.
  const attemptId = (await reserveSignInAttempt(db, who, SIGN_IN_LIMIT));
  if (!attemptId) return { ok: false, reason: "rate-limited" };
  // One email may have an account in more than one centre: the account whose password matches signs
  // in (the oldest, should two share a password).
  const accounts = (await all(db, db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, centreId: memberships.centreId, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, email), isNull(users.deactivatedAt)))
    .orderBy(users.createdAt, users.id)));
  decoyHash ??= hashPassword("decoy-password-never-used");
  let row: (typeof accounts)[number] | undefined;
  let matches = false;
  if (accounts.length === 0) await verifyPassword(await decoyHash, attempt.password);
  for (const account of accounts) {
    if (await verifyPassword(account.passwordHash, attempt.password)) {
      row = account;
      matches = true;
      break;
    }
  }
  (await settleSignInAttempt(db, attemptId, Boolean(row && matches)));
  if (!row || !matches) return { ok: false, reason: "invalid" };
  if (attempt.previousToken) (await deleteSession(db, attempt.previousToken));
  const session = (await createSession(db, row.id, { ttlMs: attempt.ttlMs ?? SESSION_TTL_MS, ...(attempt.maxSessions ? { maxSessions: attempt.maxSessions } : {}), ...(attempt.now ? { now: attempt.now } : {}) }));
  return {
    ok: true,
    ...session,
    user: { id: row.id, email: row.email, name: row.name },
    scope: { userId: row.id, centreId: row.centreId, role: row.role },
  };
}

/** Why a sign-in was refused as "invalid", for the security log only (the person is never told). */
export type SignInRefusalCause = "unknown-email" | "deactivated" | "wrong-password";

/**
 * Why a sign-in {@link signIn} refused as "invalid" was refused, for the dashboard's security log:
 * no account has the e-mail address, every account with it is deactivated, or the password did not
 * match an active one. Asked only after a refusal, so a sign-in that succeeds costs nothing more.
 *
 * @param db - the connection
 * @param email - the address as typed
 * @returns the cause
 */
export async function signInRefusalCause(db: Db, email: string): Promise<SignInRefusalCause> {
  const accounts = (await all(db, db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, normaliseEmail(email)))));
  if (accounts.length === 0) return "unknown-email";
  return accounts.every((account) => account.deactivatedAt !== null) ? "deactivated" : "wrong-password";
}
