import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { get } from "../access/engine.ts";
import { users } from "../schema/people.ts";
import { verifyPassword } from "./passwords.ts";
import { reserveRequest } from "./rateLimit.ts";

/**
 * How often a signed-in person may type their current password (to change it, or to sign their other
 * sessions out): 5 tries a quarter of an hour, whatever their outcome, counted in the database for
 * every process. A stolen session therefore cannot be used to guess the password faster than sign-in allows.
 */
export const CURRENT_PASSWORD_LIMIT = { attempts: 5, windowMs: 15 * 60 * 1000 };

/** What {@link tryCurrentPassword} answers: the hash that was verified, or why not. */
export type CurrentPasswordCheck = { ok: true; passwordHash: string } | { ok: false; reason: "wrong-current" | "rate-limited" | "not-found" };

/**
 * Re-authenticates a signed-in person with their current password, counting one try against
 * {@link CURRENT_PASSWORD_LIMIT} before argon2 runs (so tries sent at once cannot slip past the limit).
 *
 * @param db - the connection
 * @param scope - the person
 * @param current - the password as typed
 * @param now - the time (tests)
 * @returns the stored hash that matched (to check it is unchanged when writing), or why not
 */
export async function tryCurrentPassword(db: Db, scope: Scope, current: string, now: Date = new Date()): Promise<CurrentPasswordCheck> {
  const allowed = await reserveRequest(db, { bucket: "current-password", key: scope.userId, requests: CURRENT_PASSWORD_LIMIT.attempts, windowMs: CURRENT_PASSWORD_LIMIT.windowMs, now });
  if (!allowed) return { ok: false, reason: "rate-limited" };
  const account = await storedHash(db, scope.userId);
  if (!account) return { ok: false, reason: "not-found" };
  if (!(await verifyPassword(account.passwordHash, current))) return { ok: false, reason: "wrong-current" };
  return { ok: true, passwordHash: account.passwordHash };
}

/**
 * The stored password hash of an active person.
 *
 * @param db - the connection
 * @param userId - the person
 * @returns the hash, or undefined when the person is unknown or deactivated
 */
export function storedHash(db: Db, userId: string): Promise<{ passwordHash: string } | undefined> {
  return get(db, db.select({ passwordHash: users.passwordHash }).from(users).where(and(eq(users.id, userId), isNull(users.deactivatedAt))));
}
