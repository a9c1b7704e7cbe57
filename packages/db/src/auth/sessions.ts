import { and, asc, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { prepared } from "../access/statementCache.ts";
import type { Scope } from "../access/scope.ts";
import { sessions } from "../schema/auth.ts";
import { memberships, users } from "../schema/people.ts";
import { nowIso, randomToken, sha256Hex } from "../util/ids.ts";
import { all, getPrepared, run, runPreparedUnversioned } from "../access/engine.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { tryCurrentPassword } from "./currentPassword.ts";

/** How long a session lasts unless told otherwise: 12 hours (its absolute lifetime, however much it is used). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How long a session may go unused before it is over, unless told otherwise: 2 hours (decision 064). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/**
 * How stale `last_seen_at` may be before a request writes it again: a minute. A session is used by
 * many requests a minute; one write a minute at most keeps reads reads (decision 064). The idle limit
 * is therefore kept to within a minute.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/**
 * How many sessions one person may have at once (browsers and devices): at a sign-in past it, the
 * session used least recently ends (decision 064).
 */
export const MAX_SESSIONS_PER_PERSON = 10;

/** When a session was last used: `last_seen_at`, or its start for a session from before that column. */
const lastUsed = sql<string>`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`;

/** A live session with the user and scope it stands for. */
export interface SessionInfo {
  /** The stored id (the SHA-256 of the token), for logs; the token itself is never stored. */
  sessionId: string;
  /** When the person signed in (the session's start): a sign-in minutes ago counts as re-authentication (decision 073). */
  startedAt: string;
  expiresAt: string;
  user: { id: string; email: string; name: string };
  scope: Scope;
}

/**
 * Starts a session: a random 32-byte token for the cookie; only its SHA-256 is stored.
 *
 * @param db - the connection
 * @param userId - who signed in
 * @param options - `ttlMs` (default 12 h), `maxSessions` (default {@link MAX_SESSIONS_PER_PERSON}) and `now` (for tests)
 * @returns the token (give it to the browser, keep it nowhere else) and its expiry
 */
export async function createSession(db: Db, userId: string, options: { ttlMs?: number; maxSessions?: number; now?: Date } = {}): Promise<{ token: string; expiresAt: string }> {
  const now = options.now ?? new Date();
  const token = randomToken();
  const expiresAt = nowIso(new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS)));
  const id = sha256Hex(token);
  (await run(db, db.insert(sessions).values({ id, userId, createdAt: nowIso(now), expiresAt, lastSeenAt: nowIso(now) })));
  // Past the most one person may have, the sessions used least recently end (never the new one).
  const kept = db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, id))).orderBy(sql`${lastUsed} desc`, sql`${sessions.createdAt} desc`).limit((options.maxSessions ?? MAX_SESSIONS_PER_PERSON) - 1);
  (await run(db, db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, id), sql`${sessions.id} not in (select "id" from (${kept}) as "kept")`))));
  return { token, expiresAt };
}

/**
 * Looks a cookie's token up: unknown or expired tokens, and sessions unused for longer than the idle
 * limit, answer undefined. One prepared statement; when the session was last marked used more than
 * a minute ago ({@link LAST_SEEN_RESOLUTION_MS}), a second one marks it used now.
 *
 * @param db - the connection
 * @param token - the cookie's value
 * @param options - `idleMs` (default {@link SESSION_IDLE_MS}), `now` (for tests)
 * @returns the session with its user and scope, or undefined
 */
export async function getSession(db: Db, token: string, options: { now?: Date; idleMs?: number } = {}): Promise<SessionInfo | undefined> {
  const now = options.now ?? new Date();
  const statement = prepared(db, "sessions.get", () =>
    db
      .select({
        sessionId: sessions.id,
        startedAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        lastUsed,
        userId: users.id,
        email: users.email,
        name: users.name,
        centreId: memberships.centreId,
        role: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(sessions.id, sql.placeholder("id")),
          gt(sessions.expiresAt, sql.placeholder("now")),
          gt(lastUsed, sql.placeholder("idleSince")),
          isNull(users.deactivatedAt),
        ),
      ),
  );
  const id = sha256Hex(token);
  const idleSince = nowIso(new Date(now.getTime() - (options.idleMs ?? SESSION_IDLE_MS)));
  const row = (await getPrepared(db, statement, { id, now: nowIso(now), idleSince }));
  if (!row) return undefined;
  if (row.lastUsed <= nowIso(new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS))) await markUsed(db, id, now);
  return {
    sessionId: row.sessionId,
    startedAt: row.startedAt,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, name: row.name },
    scope: { userId: row.userId, centreId: row.centreId, role: row.role },
  };
}

/** Marks a session used now, unless another request of it did so within the minute already. */
async function markUsed(db: Db, id: string, now: Date): Promise<void> {
  const staleBefore = nowIso(new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS));
  const statement = prepared(db, "sessions.markUsed", () =>
    db
      .update(sessions)
      .set({ lastSeenAt: sql`${sql.placeholder("now")}` })
      .where(and(eq(sessions.id, sql.placeholder("id")), or(isNull(sessions.lastSeenAt), lte(sessions.lastSeenAt, sql.placeholder("staleBefore"))))),
  );
  // Read by the session look-up alone, never through a read cache: it leaves the data version alone.
  await runPreparedUnversioned(db, statement, { id, now: nowIso(now), staleBefore });
}

/** One of a person's live sessions, as they may see it: never the token, nor its stored hash. */
export interface OwnSession {
  /** Names the session to end it ({@link endOwnSessions}): derived from the stored id, useless as a cookie or a key. */
  handle: string;
  startedAt: string;
  lastUsedAt: string;
  expiresAt: string;
  /** The session of the token the caller gave: "this browser". */
  current: boolean;
}

/** A session's handle for its owner's page: a hash of its stored id (itself the hash of the token). */
function handleOf(id: string): string {
  return sha256Hex(`session-handle:${id}`).slice(0, 32);
}

/**
 * A person's live sessions (neither expired nor idle for longer than the limit), newest first.
 *
 * @param db - the connection
 * @param scope - the person
 * @param options - `currentToken` (the session in use, marked), `idleMs`, `now` (for tests)
 * @returns the sessions
 */
export async function listOwnSessions(db: Db, scope: Scope, options: { currentToken?: string; idleMs?: number; now?: Date } = {}): Promise<OwnSession[]> {
  const now = options.now ?? new Date();
  const idleSince = nowIso(new Date(now.getTime() - (options.idleMs ?? SESSION_IDLE_MS)));
  const current = options.currentToken ? sha256Hex(options.currentToken) : undefined;
  const rows = await all(db, db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastUsed, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, scope.userId), gt(sessions.expiresAt, nowIso(now)), gt(lastUsed, idleSince)))
    .orderBy(asc(sessions.createdAt)));
  return rows.reverse().map((row) => ({ handle: handleOf(row.id), startedAt: row.createdAt, lastUsedAt: row.lastUsed, expiresAt: row.expiresAt, current: row.id === current }));
}

/** What {@link endOwnSessions} answers. */
export type EndOwnSessionsResult = { ok: true; ended: number } | { ok: false; reason: "wrong-current" | "rate-limited" | "not-found" };

/**
 * A person signs out one of their other sessions (`handle`, from {@link listOwnSessions}) or all of
 * them but the one in use ("sign out everywhere else"), after typing their current password again
 * (a try counted like a password change's). The sessions end and the audit entry
 * `member.sessions-end` says how many, in one transaction. The session in use never ends here.
 *
 * @param db - the connection
 * @param scope - the person
 * @param request - `keepToken` (the session in use), `current` (the password as typed), `handle` (one session; all others without it), `now` (tests)
 * @returns how many sessions ended (0 for a handle that is no session of theirs any more), or why not
 */
export async function endOwnSessions(db: Db, scope: Scope, request: { keepToken: string; current: string; handle?: string; now?: Date }): Promise<EndOwnSessionsResult> {
  const check = await tryCurrentPassword(db, scope, request.current, request.now);
  if (!check.ok) return check;
  const keep = sha256Hex(request.keepToken);
  return writeTransaction(db, async () => {
    const others = and(eq(sessions.userId, scope.userId), ne(sessions.id, keep));
    let ended = 0;
    if (request.handle === undefined) ended = await run(db, db.delete(sessions).where(others));
    else {
      const chosen = (await all(db, db.select({ id: sessions.id }).from(sessions).where(others))).filter((row) => handleOf(row.id) === request.handle);
      for (const row of chosen) ended += await run(db, db.delete(sessions).where(eq(sessions.id, row.id)));
    }
    await appendAudit(db, { centreId: scope.centreId, actorUserId: scope.userId, action: "member.sessions-end", entityType: "user", entityId: scope.userId, after: { ended, which: request.handle === undefined ? "all others" : "one" } });
    return { ok: true as const, ended };
  });
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
 * Deletes expired sessions and those unused for longer than the idle limit (run it now and then).
 *
 * @param db - the connection
 * @param now - the current time (for tests)
 * @param idleMs - the idle limit (default {@link SESSION_IDLE_MS})
 * @returns how many were deleted
 */
export async function deleteExpiredSessions(db: Db, now: Date = new Date(), idleMs: number = SESSION_IDLE_MS): Promise<number> {
  const idleSince = nowIso(new Date(now.getTime() - idleMs));
  return (await run(db, db.delete(sessions).where(or(lte(sessions.expiresAt, nowIso(now)), lte(lastUsed, idleSince)))));
}

/** Why a session cookie no longer stands for a session (see {@link sessionEndReason}). */
export type SessionEnd = "idle" | "expired" | "deactivated" | "ended";

/**
 * Why {@link getSession} answered undefined for a cookie's token, for the dashboard's security log:
 * unused longer than the idle limit, past its absolute lifetime, its person deactivated, or no
 * longer stored ("ended": signed out from another browser, a password change or reset, the
 * per-person limit, expired sessions cleared, or a token that was never issued).
 *
 * @param db - the connection
 * @param token - the cookie's value
 * @param options - `idleMs` (default {@link SESSION_IDLE_MS}), `now` (for tests)
 * @returns the reason
 */
export async function sessionEndReason(db: Db, token: string, options: { now?: Date; idleMs?: number } = {}): Promise<SessionEnd> {
  const now = options.now ?? new Date();
  const [row] = (await all(db, db
    .select({ expiresAt: sessions.expiresAt, lastUsed, deactivatedAt: users.deactivatedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sha256Hex(token)))
    .limit(1)));
  if (!row) return "ended";
  if (row.deactivatedAt !== null) return "deactivated";
  if (row.expiresAt <= nowIso(now)) return "expired";
  if (row.lastUsed <= nowIso(new Date(now.getTime() - (options.idleMs ?? SESSION_IDLE_MS)))) return "idle";
  return "ended";
}
