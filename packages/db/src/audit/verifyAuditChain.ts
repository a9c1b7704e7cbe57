import { gt } from "drizzle-orm";
import type { Db } from "../client.ts";
import { all } from "../access/engine.ts";
import { auditLog } from "../schema/audit.ts";

const PAGE = 2000;
import { auditEntryHash, GENESIS_HASH, type AuditEntry } from "./appendAudit.ts";

/** What {@link verifyAuditChain} answers. */
export interface AuditVerification {
  ok: boolean;
  /** Entries checked (up to and including the first bad one). */
  checked: number;
  /** The last entry's seq and hash: keep them elsewhere and pass them back as `anchor` to detect a cut tail. */
  head?: { seq: number; hash: string };
  /** The first entry found wrong, by seq, and why. */
  firstBad?: { id: number; reason: string };
}

/** Options of {@link verifyAuditChain}. */
export interface VerifyOptions {
  /** A head recorded earlier: the chain must still hold this entry with this hash. */
  anchor?: { seq: number; hash: string };
}

/**
 * Walks the audit log in `seq` order and checks that the seqs run 1, 2, 3 ... without gaps, that
 * each entry's hash matches its content, and that each `prev_hash` is the previous entry's hash.
 * An altered entry fails its own hash; a deleted one leaves a gap and a broken link; reordered
 * entries fail both (seq is inside the hash). Deleting the newest entries leaves a valid shorter
 * chain: only an `anchor` kept outside the database catches that.
 *
 * @param db - the connection
 * @param options - an optional anchor
 * @returns `{ ok, checked, head, firstBad? }`
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<AuditVerification> {
  // Read in pages by seq (keyset), so a long chain is never held in memory at once, on either engine.
  async function* entries(): AsyncGenerator<AuditEntry> {
    let after = 0;
    for (;;) {
      const page = await all(db, db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(auditLog.seq).limit(PAGE));
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.seq;
    }
  }
  const rows = entries();
  let checked = 0;
  let previous: AuditEntry | undefined;
  let anchorSeen = false;
  for await (const entry of rows) {
    checked++;
    const bad = (reason: string): AuditVerification => ({ ok: false, checked, firstBad: { id: entry.seq, reason } });
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (auditEntryHash(entry) !== entry.hash) {
      return bad(`entry ${entry.seq} was altered: its hash does not match its content`);
    }
    if (entry.seq !== expectedSeq) {
      return bad(`entry ${expectedSeq} is missing before entry ${entry.seq} (deleted or moved)`);
    }
    if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return bad(
        previous
          ? `entry ${entry.seq} does not follow entry ${previous.seq}: prev_hash differs from its hash (entries altered, replaced or reordered)`
          : `entry ${entry.seq} is the first but does not start from the genesis hash`,
      );
    }
    if (options.anchor && entry.seq === options.anchor.seq) {
      if (entry.hash !== options.anchor.hash) return bad(`entry ${entry.seq} differs from the anchored hash`);
      anchorSeen = true;
    }
    previous = entry;
  }
  const head = previous ? { seq: previous.seq, hash: previous.hash } : undefined;
  if (options.anchor && !anchorSeen) {
    return {
      ok: false,
      checked,
      ...(head ? { head } : {}),
      firstBad: { id: options.anchor.seq, reason: `anchored entry ${options.anchor.seq} is missing (the chain was cut)` },
    };
  }
  return { ok: true, checked, ...(head ? { head } : {}) };
}
