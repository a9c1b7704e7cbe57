import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { rows, TEST_ENGINE } from "../test/database.ts";
import { getDocument, saveDocument } from "../repositories/documents.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit, auditEntryHash } from "./appendAudit.ts";
import { verifyAuditChain, type AuditVerification } from "./verifyAuditChain.ts";

describe("audit log", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const sql = (text: string, ...params: unknown[]) => rows(world.database.db, text, ...params);

  /**
   * Tampers with the log as an attacker with the database would (the append-only triggers dropped
   * first), verifies, and rolls everything back: the world's log stays intact for the next test.
   */
  async function tampered(tamper: () => Promise<unknown>, anchor?: { seq: number; hash: string }): Promise<AuditVerification> {
    const rollback = new Error("rollback");
    let result: AuditVerification | undefined;
    await expect(
      writeTransaction(world.database.db, async () => {
        if (TEST_ENGINE === "postgres") await sql("alter table audit_log disable trigger user");
        else for (const trigger of ["audit_log_no_update", "audit_log_no_delete"]) await sql(`drop trigger ${trigger}`);
        await tamper();
        result = await verifyAuditChain(world.database.db, anchor ? { anchor } : {});
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    return result!;
  }

  it("verifies an intact chain and reports its head", async () => {
    const result = (await verifyAuditChain(world.database.db));
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
    expect(result.head?.seq).toBe(result.checked);
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    await expect(sql("update audit_log set action = 'x' where seq = 1")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql("delete from audit_log where seq = 1")).rejects.toThrow(/append-only: DELETE refused/);
    expect((await verifyAuditChain(world.database.db)).ok).toBe(true);
  });

  it("names an altered entry", async () => {
    const result = await tampered(() => sql("update audit_log set action = action || ' (edited)' where seq = 7"));
    expect(result).toMatchObject({ ok: false, checked: 7, firstBad: { id: 7, reason: expect.stringMatching(/altered/) } });
  });

  it("names the entry after a deleted one", async () => {
    const result = await tampered(() => sql("delete from audit_log where seq = 5"));
    expect(result).toMatchObject({ ok: false, firstBad: { id: 6, reason: expect.stringMatching(/entry 5 is missing/) } });
  });

  it("names reordered entries", async () => {
    const result = await tampered(async () => {
      await sql("update audit_log set seq = -1 where seq = 3");
      await sql("update audit_log set seq = 3 where seq = 4");
      await sql("update audit_log set seq = 4 where seq = -1");
    });
    expect(result).toMatchObject({ ok: false, firstBad: { id: 3 } });
  });

  it("catches an entry rewritten with a recomputed hash, at the next link", async () => {
    const result = await tampered(async () => {
      const [row] = await sql("select * from audit_log where seq = 4");
      await sql("delete from audit_log where seq = 4");
      // The attacker knows the algorithm: they rewrite entry 4 consistently, but entry 5 still points at the old hash.
      const r = row as Record<string, string | null>;
      const hash = auditEntryHash({
        seq: 4,
        at: r.at!,
        centreId: r.centre_id!,
        actorUserId: r.actor_user_id ?? null,
        action: "forged",
        entityType: r.entity_type!,
        entityId: r.entity_id!,
        before: r.before ?? null,
        after: r.after ?? null,
        prevHash: r.prev_hash!,
      });
      await sql(
        `insert into audit_log (seq, at, centre_id, actor_user_id, action, entity_type, entity_id, before, after, prev_hash, hash)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        4, r.at, r.centre_id, r.actor_user_id, "forged", r.entity_type, r.entity_id, r.before, r.after, r.prev_hash, hash,
      );
    });
    expect(result).toMatchObject({ ok: false, firstBad: { id: 5, reason: expect.stringMatching(/does not follow entry 4/) } });
  });

  it("catches a cut tail only with an anchor kept elsewhere", async () => {
    const head = (await verifyAuditChain(world.database.db)).head!;
    expect((await tampered(() => sql("delete from audit_log where seq = ?", head.seq))).ok).toBe(true);
    expect(await tampered(() => sql("delete from audit_log where seq = ?", head.seq), head)).toMatchObject({
      ok: false,
      firstBad: { id: head.seq, reason: expect.stringMatching(/cut/) },
    });
  });

  it("refuses to append outside a transaction", async () => {
    await expect(appendAudit(world.database.db, { centreId: null, actorUserId: null, action: "x", entityType: "x", entityId: "x" })).rejects.toThrow(/inside writeTransaction/);
  });

  it("rolls the change back when its audit write fails", async () => {
    const { learner1 } = world.scopes;
    const doc = (await createDraft(world.database, learner1!));
    if (TEST_ENGINE === "postgres") {
      await sql("create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'disk says no'; end; $$");
      await sql("create trigger fail_audit before insert on audit_log for each row execute function fail_audit()");
    } else {
      await sql("create trigger fail_audit before insert on audit_log begin select raise(abort, 'disk says no'); end;");
    }
    try {
      await expect(saveDocument(world.database.db, learner1!, { id: doc.id, expectedVersion: doc.version, data: doc.data })).rejects.toThrow(/disk says no/);
    } finally {
      await sql("drop trigger fail_audit" + (TEST_ENGINE === "postgres" ? " on audit_log" : ""));
    }
    expect((await getDocument(world.database.db, learner1!, doc.id))?.version).toBe(doc.version);
    expect((await verifyAuditChain(world.database.db)).ok).toBe(true);
  });
});
