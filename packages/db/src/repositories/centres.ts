import { TEXT_LIMITS } from "../util/textLimits.ts";
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { prepared } from "../access/statementCache.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { centres } from "../schema/centres.ts";
import { memberships, users } from "../schema/people.ts";
import { newId, nowIso, randomToken, sha256Hex } from "../util/ids.ts";
import { FORBIDDEN, NOT_FOUND, type Forbidden, type NotFound } from "./results.ts";
import { get, getPrepared, run, runPrepared } from "../access/engine.ts";

/** A centre as the repositories return it (the token hash stays inside). */
export interface Centre {
  id: string;
  name: string;
  createdAt: string;
  hasApiToken: boolean;
  /** The portal's token, without the token: when it was issued, when it stops working (none for one issued before tokens expired), when it was last used. */
  apiToken: { issuedAt: string | null; expiresAt: string | null; lastUsedAt: string | null } | null;
  centreNumber: string | null;
  iqaSamplePercent: number;
  /** Decisions are final only after external verification by the centre's EQA (otherwise at IQA ratification). */
  eqaVerificationRequired: boolean;
}

function toCentre(row: typeof centres.$inferSelect): Centre {
  const apiToken = row.apiTokenHash === null ? null : { issuedAt: row.apiTokenIssuedAt, expiresAt: row.apiTokenExpiresAt, lastUsedAt: row.apiTokenLastUsedAt };
  return { id: row.id, name: row.name, createdAt: row.createdAt, hasApiToken: row.apiTokenHash !== null, apiToken, centreNumber: row.centreNumber, iqaSamplePercent: row.iqaSamplePercent, eqaVerificationRequired: row.eqaVerificationRequired === 1 };
}

/**
 * Creates a centre. A system operation (no scope): the seed and the operator's tooling call it.
 *
 * @param db - the connection
 * @param input - the centre's name, and optionally its id
 * @returns the new centre
 */
export async function createCentre(db: Db, input: { name: string; id?: string }): Promise<Centre> {
  return writeTransaction(db, () => insertCentre(db, input));
}

/** {@link createCentre} inside a transaction the caller holds (with its audit entry). */
export async function insertCentre(db: Db, input: { name: string; id?: string }): Promise<Centre> {
  if (input.name.length > TEXT_LIMITS.name) throw new Error(`A centre name has at most ${TEXT_LIMITS.name} characters`);
  const row = { id: input.id ?? newId(), name: input.name, apiTokenHash: null, apiTokenIssuedBy: null, apiTokenIssuedAt: null, apiTokenExpiresAt: null, apiTokenLastUsedAt: null, centreNumber: null, iqaSamplePercent: 25, eqaVerificationRequired: 0, createdAt: nowIso() };
  (await run(db, db.insert(centres).values(row)));
  (await appendAudit(db, { centreId: row.id, actorUserId: null, action: "centre.create", entityType: "centre", entityId: row.id, after: row }));
  return toCentre(row);
}

/**
 * The caller's own centre.
 *
 * @param db - the connection
 * @param scope - the caller
 * @returns the centre, or undefined when it is gone
 */
export async function getCentre(db: Db, scope: Scope): Promise<Centre | undefined> {
  const statement = prepared(db, "centres.get", () => db.select().from(centres).where(eq(centres.id, sql.placeholder("id"))));
  const row = (await getPrepared(db, statement, { id: scope.centreId }));
  return row && toCentre(row);
}

/** How long a new API token works, in days, when the admin does not choose (decision 071). */
export const API_TOKEN_DEFAULT_DAYS = 90;
/** The longest an API token may work, in days. */
export const API_TOKEN_MAX_DAYS = 365;
/** How stale the token's last use may be before a request writes it again: a minute. */
const API_TOKEN_USE_RESOLUTION_MS = 60 * 1000;

/**
 * Issues a new portal API token for the caller's centre (centre admins only), replacing any
 * earlier one. It works for `days` days (decision 071). Only its SHA-256 is stored: show the token once.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param options - `days` it works (a whole number from 1 to {@link API_TOKEN_MAX_DAYS}, default
 *   {@link API_TOKEN_DEFAULT_DAYS}), `now` (tests)
 * @returns the token and when it expires, or why not
 */
export async function issueCentreApiToken(
  db: Db,
  scope: Scope,
  options: { days?: number; now?: Date } = {},
): Promise<{ ok: true; token: string; expiresAt: string } | Forbidden | NotFound | { ok: false; reason: "invalid-days" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  const days = options.days ?? API_TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) return { ok: false, reason: "invalid-days" };
  const now = options.now ?? new Date();
  const token = randomToken();
  const issuedAt = nowIso(now);
  const expiresAt = nowIso(new Date(now.getTime() + days * 24 * 60 * 60 * 1000));
  return writeTransaction(db, async () => {
    const before = (await get(db, db.select().from(centres).where(eq(centres.id, scope.centreId))));
    if (!before) return NOT_FOUND;
    (await run(db, db.update(centres).set({ apiTokenHash: sha256Hex(token), apiTokenIssuedBy: scope.userId, apiTokenIssuedAt: issuedAt, apiTokenExpiresAt: expiresAt, apiTokenLastUsedAt: null }).where(eq(centres.id, scope.centreId))));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "centre.api-token.issue",
      entityType: "centre",
      entityId: scope.centreId,
      before: { hasApiToken: before.apiTokenHash !== null, issuedBy: before.apiTokenIssuedBy, expiresAt: before.apiTokenExpiresAt },
      after: { hasApiToken: true, issuedBy: scope.userId, expiresAt },
    }));
    return { ok: true as const, token, expiresAt };
  });
}

/**
 * Revokes the centre's portal API token (centre admins only): it stops working at once, audited.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @returns whether there was a token to revoke, or why not
 */
export async function revokeCentreApiToken(db: Db, scope: Scope): Promise<{ ok: true; revoked: boolean } | Forbidden | NotFound> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  return writeTransaction(db, async () => {
    const before = (await get(db, db.select().from(centres).where(eq(centres.id, scope.centreId))));
    if (!before) return NOT_FOUND;
    if (before.apiTokenHash === null) return { ok: true as const, revoked: false };
    (await run(db, db.update(centres).set({ apiTokenHash: null, apiTokenIssuedBy: null, apiTokenIssuedAt: null, apiTokenExpiresAt: null, apiTokenLastUsedAt: null }).where(eq(centres.id, scope.centreId))));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "centre.api-token.revoke",
      entityType: "centre",
      entityId: scope.centreId,
      before: { hasApiToken: true, issuedBy: before.apiTokenIssuedBy, expiresAt: before.apiTokenExpiresAt, lastUsedAt: before.apiTokenLastUsedAt },
      after: { hasApiToken: false },
    }));
    return { ok: true as const, revoked: true };
  });
}

/**
 * Records that the centre's portal used its token now, unless it was recorded within the minute
 * already (so a busy portal writes this once a minute, not once a request).
 *
 * @param db - the connection
 * @param centreId - the token's centre (from {@link apiTokenScope})
 * @param now - the time (tests)
 */
export async function recordApiTokenUse(db: Db, centreId: string, now: Date = new Date()): Promise<void> {
  const statement = prepared(db, "centres.apiTokenUsed", () =>
    db
      .update(centres)
      .set({ apiTokenLastUsedAt: sql`${sql.placeholder("now")}` })
      .where(and(eq(centres.id, sql.placeholder("id")), or(isNull(centres.apiTokenLastUsedAt), lte(centres.apiTokenLastUsedAt, sql.placeholder("staleBefore"))))),
  );
  await runPrepared(db, statement, { id: centreId, now: nowIso(now), staleBefore: nowIso(new Date(now.getTime() - API_TOKEN_USE_RESOLUTION_MS)) });
}

/**
 * Who a portal API token acts as: the centre admin who issued it, in their centre. Every write made
 * with the token is theirs, in the audit log as anywhere. A token issued by someone who is no longer an
 * admin of the centre (or before issuers were recorded), a revoked one and one past its expiry act as
 * no one: an admin issues a new one.
 *
 * @param db - the connection
 * @param token - the bearer token as received
 * @param now - the time (tests)
 * @returns the issuing admin's scope, or undefined
 */
export async function apiTokenScope(db: Db, token: string, now: Date = new Date()): Promise<Scope | undefined> {
  const statement = prepared(db, "centres.apiToken", () =>
    db
      .select({ centreId: centres.id, userId: memberships.userId })
      .from(centres)
      .innerJoin(memberships, and(eq(memberships.userId, centres.apiTokenIssuedBy), eq(memberships.centreId, centres.id), eq(memberships.role, "centre_admin")))
      .innerJoin(users, and(eq(users.id, memberships.userId), isNull(users.deactivatedAt)))
      .where(and(eq(centres.apiTokenHash, sql.placeholder("hash")), or(isNull(centres.apiTokenExpiresAt), gt(centres.apiTokenExpiresAt, sql.placeholder("now"))))),
  );
  const row = (await getPrepared(db, statement, { hash: sha256Hex(token), now: nowIso(now) }));
  return row && { userId: row.userId, centreId: row.centreId, role: "centre_admin" };
}

/**
 * The centre a portal API token belongs to.
 *
 * @param db - the connection
 * @param token - the bearer token as received
 * @returns the centre, or undefined for an unknown token
 */
export async function findCentreByApiToken(db: Db, token: string): Promise<Centre | undefined> {
  const row = (await get(db, db.select().from(centres).where(eq(centres.apiTokenHash, sha256Hex(token)))));
  return row && toCentre(row);
}

/**
 * A centre admin sets the centre's settings: its ILM centre number (printed on result sheets) and the
 * share of assessed units quality assurance draws at random beyond those it always samples.
 *
 * @param db - the connection
 * @param scope - a centre admin
 * @param settings - the centre number (at most 40 characters, empty for none), the percentage (0 to 100)
 *   and, when given, whether decisions are final only after external verification (unchanged when left out)
 * @returns ok, or why not
 */
export async function updateCentreSettings(
  db: Db,
  scope: Scope,
  settings: { centreNumber: string; iqaSamplePercent: number; eqaVerificationRequired?: boolean },
): Promise<{ ok: true } | Forbidden | NotFound | { ok: false; reason: "invalid"; field: "centreNumber" | "iqaSamplePercent" }> {
  if (scope.role !== "centre_admin") return FORBIDDEN;
  const centreNumber = settings.centreNumber.trim();
  if (centreNumber.length > 40) return { ok: false, reason: "invalid", field: "centreNumber" };
  if (!Number.isInteger(settings.iqaSamplePercent) || settings.iqaSamplePercent < 0 || settings.iqaSamplePercent > 100) return { ok: false, reason: "invalid", field: "iqaSamplePercent" };
  return writeTransaction(db, async () => {
    const before = (await get(db, db.select().from(centres).where(eq(centres.id, scope.centreId))));
    if (!before) return NOT_FOUND;
    const after = {
      centreNumber: centreNumber || null,
      iqaSamplePercent: settings.iqaSamplePercent,
      eqaVerificationRequired: settings.eqaVerificationRequired === undefined ? before.eqaVerificationRequired : settings.eqaVerificationRequired ? 1 : 0,
    };
    (await run(db, db.update(centres).set(after).where(eq(centres.id, scope.centreId))));
    (await appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "centre.settings",
      entityType: "centre",
      entityId: scope.centreId,
      before: { centreNumber: before.centreNumber, iqaSamplePercent: before.iqaSamplePercent, eqaVerificationRequired: before.eqaVerificationRequired },
      after,
    }));
    return { ok: true as const };
  });
}
