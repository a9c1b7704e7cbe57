import { and, count, eq, gt, lte, ne, type SQL } from "drizzle-orm";
import type { Db } from "../client.ts";
import { unversionedWriteTransaction, writeTransaction } from "../access/transaction.ts";
import { rateLimitHits, signInAttempts } from "../schema/auth.ts";
import { newId, nowIso } from "../util/ids.ts";
import { boundText, TEXT_LIMITS } from "../util/textLimits.ts";
import { get, run } from "../access/engine.ts";

/**
 * The sign-in limits: attempts that failed or are still being checked, within `windowMs`, per email
 * and address together, per email from any address (guessing spread over many addresses) and per
 * address for any email (one address trying many accounts).
 */
export const SIGN_IN_LIMIT = { perAccountAndAddress: 5, perAccount: 50, perAddress: 100, windowMs: 15 * 60 * 1000 };

/** What `succeeded` holds: an attempt is counted against the limit from the moment it is reserved. */
export const ATTEMPT = { failed: 0, succeeded: 1, checking: 2 } as const;

/**
 * Reserves one sign-in attempt before the password is checked: in one write transaction, counts the
 * attempts that failed or are still being checked and, when every limit allows one more, records this
 * one as "checking". Concurrent attempts (other requests, other processes) are serialised by the write
 * lock, so however many guesses arrive at once, no more than the limit are ever checked.
 *
 * @param db - the connection
 * @param who - email (normalised here), ip, `now` for tests
 * @param limit - default {@link SIGN_IN_LIMIT}
 * @returns the attempt's id to settle, or undefined when the attempt must be refused unchecked
 */
export async function reserveSignInAttempt(db: Db, who: { email: string; ip: string; now?: Date }, limit = SIGN_IN_LIMIT): Promise<string | undefined> {
  const email = storedEmail(who.email);
  const ip = boundText(who.ip, TEXT_LIMITS.ip);
  const now = who.now ?? new Date();
  return writeTransaction(db, async () => {
    const since = nowIso(new Date(now.getTime() - limit.windowMs));
    const counted = (where: SQL | undefined) => unsettledOrFailed(db, where, since);
    if (
      (await counted(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)))) >= limit.perAccountAndAddress ||
      (await counted(eq(signInAttempts.email, email))) >= limit.perAccount ||
      (await counted(eq(signInAttempts.ip, ip))) >= limit.perAddress
    ) {
      return undefined;
    }
    const id = newId();
    (await run(db, db.insert(signInAttempts).values({ id, email, ip, succeeded: ATTEMPT.checking, at: nowIso(now) })));
    return id;
  });
}

/**
 * Records how a reserved attempt ended.
 *
 * @param db - the connection
 * @param id - from {@link reserveSignInAttempt}
 * @param succeeded - whether the password was right
 */
export async function settleSignInAttempt(db: Db, id: string, succeeded: boolean): Promise<void> {
  (await run(db, db.update(signInAttempts)
    .set({ succeeded: succeeded ? ATTEMPT.succeeded : ATTEMPT.failed })
    .where(eq(signInAttempts.id, id))));
}

/**
 * Whether sign-in is blocked now for this email and address (a reading for pages and tests; sign-in
 * itself reserves atomically with {@link reserveSignInAttempt}).
 *
 * @param db - the connection
 * @param who - email and ip, `now` for tests
 * @param limit - default {@link SIGN_IN_LIMIT}
 * @returns true when the next attempt would be refused without checking the password
 */
export async function isSignInRateLimited(db: Db, who: { email: string; ip: string; now?: Date }, limit = SIGN_IN_LIMIT): Promise<boolean> {
  const now = who.now ?? new Date();
  const since = nowIso(new Date(now.getTime() - limit.windowMs));
  const where = and(eq(signInAttempts.email, storedEmail(who.email)), eq(signInAttempts.ip, boundText(who.ip, TEXT_LIMITS.ip)));
  return (await unsettledOrFailed(db, where, since)) >= limit.perAccountAndAddress;
}

/** The attempts matching `where` since `since` that failed or are still being checked: what every limit counts. */
async function unsettledOrFailed(db: Db, where: SQL | undefined, since: string): Promise<number> {
  return (
    (await get(db, db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(where, ne(signInAttempts.succeeded, ATTEMPT.succeeded), gt(signInAttempts.at, since)))))?.n ?? 0
  );
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

/** An attempt's email as kept: normalised and cut to the longest an address can be, so nobody stores a megabyte. */
function storedEmail(email: string): string {
  return boundText(normaliseEmail(email), TEXT_LIMITS.email);
}

/**
 * Reserves one request against a limit kept in the database, so that every process counts the same
 * requests: in one write transaction, counts the bucket's requests from this key within the window and,
 * when there is room, records this one (and forgets the bucket's requests older than the window).
 *
 * @param db - the connection
 * @param input - the bucket (`signing-page`), the key (an address), how many requests in how long, `now` for tests
 * @returns true when the request may go on; false when it is over the limit (nothing is recorded)
 */
export async function reserveRequest(db: Db, input: { bucket: string; key: string; requests: number; windowMs: number; now?: Date }): Promise<boolean> {
  const key = boundText(input.key, TEXT_LIMITS.ip);
  const now = input.now ?? new Date();
  const since = nowIso(new Date(now.getTime() - input.windowMs));
  // Only the limit reads its counts: counting a request leaves the read caches' version alone.
  return unversionedWriteTransaction(db, async () => {
    const ofKey = and(eq(rateLimitHits.bucket, input.bucket), eq(rateLimitHits.key, key));
    // Requests older than the window count for nobody any more: the bucket keeps only the window's.
    await run(db, db.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, input.bucket), lte(rateLimitHits.at, since))));
    const made = (await get(db, db.select({ n: count() }).from(rateLimitHits).where(and(ofKey, gt(rateLimitHits.at, since)))))?.n ?? 0;
    if (made >= input.requests) return false;
    (await run(db, db.insert(rateLimitHits).values({ id: newId(), bucket: input.bucket, key, at: nowIso(now) })));
    return true;
  });
}
