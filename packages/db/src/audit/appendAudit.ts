import { eq, max, sql } from "drizzle-orm";
import { auditLog } from "../schema/audit.ts";
import type { Db } from "../client.ts";
import { prepared } from "../access/statementCache.ts";
import { canonicalJson } from "../util/canonicalJson.ts";
import { nowIso, sha256Hex } from "../util/ids.ts";
import { getPrepared, inWriteTransaction, runPrepared } from "../access/engine.ts";

/** The prev_hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** What a change tells the audit log. */
export interface AuditInput {
  centreId: string | null;
  actorUserId: string | null;
  /** e.g. `document.save` */
  action: string;
  entityType: string;
  entityId: string;
  /** The entity before the change (omit when it did not exist). */
  before?: unknown;
  /** The entity after the change (omit when it no longer exists). */
  after?: unknown;
  at?: Date;
}

/** An audit row as stored. */
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * The hash of an entry: SHA-256 over the canonical JSON of every column but `hash` (so `seq`
 * and `prev_hash` are covered: moving or relinking an entry changes it).
 *
 * @param entry - the stored columns
 * @returns lower-case hex
 */
export function auditEntryHash(entry: Omit<AuditEntry, "hash">): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      centreId: entry.centreId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      prevHash: entry.prevHash,
    }),
  );
}

/**
 * Appends one entry to the chain. Call it inside the same `writeTransaction` as the change it
 * records, so both commit or neither does; called outside a transaction it throws, because the
 * chain's head could move between reading it and appending.
 *
 * @param db - the connection, inside a write transaction
 * @param input - who did what to which entity, before and after
 * @returns the stored entry
 */
export async function appendAudit(db: Db, input: AuditInput): Promise<AuditEntry> {
  if (!inWriteTransaction(db)) throw new Error("appendAudit must run inside writeTransaction, with the change it records");
  const readHead = prepared(db, "audit.head", () =>
    // The row whose seq is the largest: SQLite answers max(seq) of the primary key at once. (With
    // `order by seq desc limit 1` drizzle binds the limit as a parameter, and SQLite plans `limit ?`
    // about twice as slowly as a literal limit; every save reads the head.)
    db
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(eq(auditLog.seq, db.select({ seq: max(auditLog.seq) }).from(auditLog))),
  );
  const insert = prepared(db, "audit.insert", () =>
    db
      .insert(auditLog)
      .values({
        seq: sql.placeholder("seq"),
        at: sql.placeholder("at"),
        centreId: sql.placeholder("centreId"),
        actorUserId: sql.placeholder("actorUserId"),
        action: sql.placeholder("action"),
        entityType: sql.placeholder("entityType"),
        entityId: sql.placeholder("entityId"),
        before: sql.placeholder("before"),
        after: sql.placeholder("after"),
        prevHash: sql.placeholder("prevHash"),
        hash: sql.placeholder("hash"),
      }),
  );
  const head = (await getPrepared(db, readHead));
  const unhashed = {
    seq: (head?.seq ?? 0) + 1,
    at: nowIso(input.at),
    centreId: input.centreId,
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before === undefined ? null : canonicalJson(input.before),
    after: input.after === undefined ? null : canonicalJson(input.after),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const entry = { ...unhashed, hash: auditEntryHash(unhashed) };
  (await runPrepared(db, insert, entry));
  return entry;
}
