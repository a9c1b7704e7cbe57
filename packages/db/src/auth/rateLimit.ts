import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "../client.ts";
import { signInAttempts } from "../schema/auth.ts";
import { newId, nowIso } from "../util/ids.ts";

/** The default limit: 5 failed attempts per email and IP address in 15 minutes. */
export const SIGN_IN_LIMIT = { failures: 5, windowMs: 15 * 60 * 1000 };

/**
 * Records one sign-in attempt.
 *
 * @param db - the connection
 * @param attempt - email (normalised here), ip, whether it succeeded, and `now` for tests
 */
export function recordSignInAttempt(db: Db, attempt: { email: string; ip: string; succeeded: boolean; now?: Date }): void {
  db.insert(signInAttempts)
    .values({ id: newId(), email: normaliseEmail(attempt.email), ip: attempt.ip, succeeded: attempt.succeeded ? 1 : 0, at: nowIso(attempt.now) })
    .run();
}

/**
 * Whether sign-in is blocked for this email and IP: too many failures within the window.
 *
 * @param db - the connection
 * @param who - email and ip, `now` for tests
 * @param limit - failures allowed within `windowMs` (default {@link SIGN_IN_LIMIT})
 * @returns true when the next attempt must be refused without checking the password
 */
export function isSignInRateLimited(db: Db, who: { email: string; ip: string; now?: Date }, limit = SIGN_IN_LIMIT): boolean {
  const now = who.now ?? new Date();
  const since = nowIso(new Date(now.getTime() - limit.windowMs));
  const row = db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, normaliseEmail(who.email)),
        eq(signInAttempts.ip, who.ip),
        eq(signInAttempts.succeeded, 0),
        gt(signInAttempts.at, since),
      ),
    )
    .get();
  return (row?.failures ?? 0) >= limit.failures;
}

/**
 * The form an email is stored and compared in: trimmed, lower-cased.
 *
 * @param email - as typed
 * @returns the normalised email
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
