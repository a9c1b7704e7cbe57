import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, createWorld, type World } from "../test/world.ts";
import { getDocument, saveDocument } from "../repositories/documents.ts";
import { appendAudit, auditEntryHash } from "./appendAudit.ts";
import { verifyAuditChain } from "./verifyAuditChain.ts";
import { openDatabase } from "../client.ts";
import { copyFileSync } from "node:fs";

describe("audit log", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());

  /** A copy of the world's file an attacker can tamper with, triggers dropped as they would. */
  function tamperedCopy(name: string) {
    world.database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const path = `${world.path}.${name}`;
    copyFileSync(world.path, path);
    const copy = openDatabase(path, { migrate: false });
    copy.sqlite.exec("drop trigger audit_log_no_update; drop trigger audit_log_no_delete;");
    return copy;
  }

  it("verifies an intact chain and reports its head", () => {
    const result = verifyAuditChain(world.database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
    expect(result.head?.seq).toBe(result.checked);
  });

  it("refuses UPDATE and DELETE in the database itself", () => {
    expect(() => world.database.sqlite.prepare("update audit_log set action = 'x' where seq = 1").run()).toThrow(/append-only: UPDATE refused/);
    expect(() => world.database.sqlite.prepare("delete from audit_log where seq = 1").run()).toThrow(/append-only: DELETE refused/);
  });

  it("names an altered entry", () => {
    const copy = tamperedCopy("altered");
    copy.sqlite.prepare("update audit_log set action = action || ' (edited)' where seq = 7").run();
    expect(verifyAuditChain(copy.db)).toMatchObject({ ok: false, checked: 7, firstBad: { id: 7, reason: expect.stringMatching(/altered/) } });
    copy.close();
  });

  it("names the entry after a deleted one", () => {
    const copy = tamperedCopy("deleted");
    copy.sqlite.prepare("delete from audit_log where seq = 5").run();
    expect(verifyAuditChain(copy.db)).toMatchObject({ ok: false, firstBad: { id: 6, reason: expect.stringMatching(/entry 5 is missing/) } });
    copy.close();
  });

  it("names reordered entries", () => {
    const copy = tamperedCopy("reordered");
    copy.sqlite.exec("update audit_log set seq = -1 where seq = 3; update audit_log set seq = 3 where seq = 4; update audit_log set seq = 4 where seq = -1;");
    expect(verifyAuditChain(copy.db)).toMatchObject({ ok: false, firstBad: { id: 3 } });
    copy.close();
  });

  it("catches an entry rewritten with a recomputed hash, at the next link", () => {
    const copy = tamperedCopy("rehashed");
    const row = copy.sqlite.prepare("select * from audit_log where seq = 4").get() as Record<string, unknown>;
    copy.sqlite.prepare("delete from audit_log where seq = 4").run();
    // The attacker knows the algorithm: they rewrite entry 4 consistently, but entry 5 still points at the old hash.
    const forged = { ...row, action: "forged" };
    copy.sqlite
      .prepare(
        `insert into audit_log (seq, at, centre_id, actor_user_id, action, entity_type, entity_id, before, after, prev_hash, hash)
         values (@seq, @at, @centre_id, @actor_user_id, @action, @entity_type, @entity_id, @before, @after, @prev_hash, @hash)`,
      )
      .run({
        ...forged,
        hash: auditEntryHash({
          seq: 4,
          at: row.at as string,
          centreId: row.centre_id as string,
          actorUserId: row.actor_user_id as string | null,
          action: "forged",
          entityType: row.entity_type as string,
          entityId: row.entity_id as string,
          before: row.before as string | null,
          after: row.after as string | null,
          prevHash: row.prev_hash as string,
        }),
      });
    expect(verifyAuditChain(copy.db)).toMatchObject({ ok: false, firstBad: { id: 5, reason: expect.stringMatching(/does not follow entry 4/) } });
    copy.close();
  });

  it("catches a cut tail only with an anchor kept elsewhere", () => {
    const head = verifyAuditChain(world.database.db).head!;
    const copy = tamperedCopy("cut");
    copy.sqlite.prepare("delete from audit_log where seq = ?").run(head.seq);
    expect(verifyAuditChain(copy.db).ok).toBe(true);
    expect(verifyAuditChain(copy.db, { anchor: head })).toMatchObject({ ok: false, firstBad: { id: head.seq, reason: expect.stringMatching(/cut/) } });
    copy.close();
  });

  it("refuses to append outside a transaction", () => {
    expect(() => appendAudit(world.database.db, { centreId: null, actorUserId: null, action: "x", entityType: "x", entityId: "x" })).toThrow(
      /inside writeTransaction/,
    );
  });

  it("rolls the change back when its audit write fails", () => {
    const { learner1 } = world.scopes;
    const doc = createDraft(world.database, learner1!);
    world.database.sqlite.exec("create trigger fail_audit before insert on audit_log begin select raise(abort, 'disk says no'); end;");
    try {
      expect(() => saveDocument(world.database.db, learner1!, { id: doc.id, expectedVersion: doc.version, data: doc.data })).toThrow(/disk says no/);
    } finally {
      world.database.sqlite.exec("drop trigger fail_audit");
    }
    expect(getDocument(world.database.db, learner1!, doc.id)?.version).toBe(doc.version);
    expect(verifyAuditChain(world.database.db).ok).toBe(true);
  });
});
