import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { prepared } from "../access/statementCache.ts";
import type { Scope } from "../access/scope.ts";
import { sessions } from "../schema/auth.ts";
import { memberships, users } from "../schema/people.ts";
import { nowIso, randomToken, sha256Hex } from "../util/ids.ts";
import { getPrepared, run } from "../access/engine.ts";

/** How long a session lasts unless told otherwise: 12 hours. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A live session with the user and scope it stands for. */
export interface SessionInfo {
  /** The stored id (the SHA-256 of the token), for logs; the token itself is never stored. */
  sessionId: string;
  expiresAt: string;
  user: { id: string; email: string; name: string };
  scope: Scope;
}

/**
 * Starts a session: a random 32-byte token for the cookie; only its SHA-256 is stored.
 *
 * @param db - the connection
 * @param userId - who signed in
 * @param options - `ttlMs` (default 12 h) and `now` (for tests)
 * @returns the token (give it to the browser, keep it nowhere else) and its expiry
 */
export async function createSession(db: Db, userId: string, options: { ttlMs?: number; now?: Date } = {}): Promise<{ token: string; expiresAt: string }> {
  const now = options.now ?? new Date();
  const token = randomToken();
  const expiresAt = nowIso(new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS)));
  (await run(db, db.insert(sessions).values({ id: sha256Hex(token), userId, createdAt: nowIso(now), expiresAt })));
  return { token, expiresAt };
}

/**
 * Looks a cookie's token up: unknown or expired tokens answer undefined. One prepared statement.
 *
 * @param db - the connection
 * @param token - the cookie's value
 * @param options - `now` (for tests)
 * @returns the session with its user and scope, or undefined
 */
export async function getSession(db: Db, token: string, options: { now?: Date } = {}): Promise<SessionInfo | undefined> {
  const statement = prepared(db, "sessions.get", () =>
    db
      .select({
        sessionId: sessions.id,
        expiresAt: sessions.expiresAt,
        userId: users.id,
        email: users.email,
        name: users.name,
        centreId: memberships.centreId,
        role: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now")), isNull(users.deactivatedAt))),
  );
  const row = (await getPrepared(db, statement, { id: sha256Hex(token), now: nowIso(options.now) }));
  if (!row) return undefined;
  return {
    sessionId: row.sessionId,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, name: row.name },
    scope: { userId: row.userId, centreId: row.centreId, role: row.role },
  };
}

/**
 * Ends a session (sign-out). Unknown tokens are ignored.
 *
 * @param db - the connection
 * @param token - the cookie's value
 */
export async function deleteSession(db: Db, token: string): Promise<void> {
  (await run(db, db.delete(sessions).where(eq(sessions.id, sha256Hex(token)))));
}

/**
 * Deletes expired sessions (run it now and then).
 *
 * @param db - the connection
 * @param now - the current time (for tests)
 * @returns how many were deleted
 */
export async function deleteExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  return (await run(db, db.delete(sessions).where(lte(sessions.expiresAt, nowIso(now)))));
}
