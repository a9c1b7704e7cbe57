import { and, eq, sql } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../client.ts";
import { auditEntryHash, GENESIS_HASH } from "../audit/appendAudit.ts";
import { createDocument, getDocument, saveDocument } from "../repositories/documents.ts";
import { listMembers } from "../repositories/people.ts";
import { seedDemoCentre } from "../seed/seedDemoCentre.ts";
import { documents } from "../schema/documents.ts";
import { canonicalJson } from "../util/canonicalJson.ts";
import type { Scope } from "../access/scope.ts";

// Benchmarks of @ilm-forms/db: figures and ratios against raw better-sqlite3 measured in the same run.
const fast = process.env.ILM_FORMS_BENCH_FAST === "1";
const READS = fast ? 20_000 : 100_000;
const SAVES = fast ? 300 : 1_000;
const ROUNDS = 3;

async function opsPerSecond(count: number, work: (i: number) => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  // Both contenders are awaited: the repositories are async (decision 038), the raw calls pay the same await.
  for (let i = 0; i < count; i++) await work(i);
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Best of ROUNDS, alternating the two contenders so drift hits both. */
async function compare(count: number, ours: (i: number) => unknown, raw: (i: number) => unknown): Promise<{ ours: number; raw: number }> {
  await opsPerSecond(Math.ceil(count / 10), ours);
  await opsPerSecond(Math.ceil(count / 10), raw);
  let best = { ours: 0, raw: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    best = { ours: Math.max(best.ours, await opsPerSecond(count, ours)), raw: Math.max(best.raw, await opsPerSecond(count, raw)) };
  }
  return best;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

const dir = mkdtempSync(join(tmpdir(), "ilm-db-bench-"));
const database = openDatabase(join(dir, "bench.sqlite"));
const { db, sqlite } = database;
try {
  const seeded = await seedDemoCentre(db, { seed: 1 });
  const adminRow = (await listMembers(db, { userId: "", centreId: seeded.centreId, role: "centre_admin" }, "learner"))[0]!;
  const learner: Scope = { userId: adminRow.userId, centreId: seeded.centreId, role: "learner" };
  const ids = (sqlite.prepare("select id from documents where centre_id = ?").pluck().all(seeded.centreId) as string[]).slice(0, 100);
  console.log(`@ilm-forms/db bench (${fast ? "fast" : "full"}): ${ids.length} documents, journal ${sqlite.pragma("journal_mode", { simple: true })}, synchronous ${sqlite.pragma("synchronous", { simple: true })}`);

  // 1. Point read of a document by id within a centre.
  const drizzleRead = db
    .select()
    .from(documents)
    .where(and(eq(documents.id, sql.placeholder("id")), eq(documents.centreId, sql.placeholder("centreId"))))
    .prepare();
  const rawRead = sqlite.prepare("select * from documents where id = ? and centre_id = ?");
  const reads = await compare(
    READS,
    (i) => drizzleRead.get({ id: ids[i % ids.length]!, centreId: seeded.centreId }),
    (i) => rawRead.get(ids[i % ids.length]!, seeded.centreId),
  );
  console.log(`point read, drizzle prepared: ${fmt(reads.ours)}/s; raw better-sqlite3: ${fmt(reads.raw)}/s`);
  console.log(`drizzle prepared point read vs raw better-sqlite3: ${(reads.ours / reads.raw).toFixed(2)}x (goal ≥ 0.8x)`);
  const scoped = await compare(READS, (i) => getDocument(db, learner, ids[i % ids.length]!), (i) => rawRead.get(ids[i % ids.length]!, seeded.centreId));
  console.log(`getDocument() (scoped to the learner, JSON parsed) vs raw: ${(scoped.ours / scoped.raw).toFixed(2)}x (${fmt(scoped.ours)}/s; for information)`);

  // 2. Saving a document: optimistic-lock update + audit entry, one transaction each, WAL + FULL.
  const data = { clientRef: "Client 1", sessionNo: 1, sessionDate: "2025-03-01", duration: 1, goal: "Bench goal" };
  const makeDoc = async () => {
    const made = await createDocument(db, learner, { learnerId: adminRow.learnerId!, templateId: "ilm-8588/session-record", data });
    if (!made.ok) throw new Error("bench: could not create a document");
    return made.id;
  };
  const oursId = await makeDoc();
  const rawId = await makeDoc();
  let oursVersion = 1;
  let rawVersion = 1;
  const rawSelect = sqlite.prepare("select status, version, data from documents where id = ? and centre_id = ?");
  const rawUpdate = sqlite.prepare(
    "update documents set data = ?, status = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ? and centre_id = ? and version = ?",
  );
  const rawHead = sqlite.prepare("select seq, hash from audit_log order by seq desc limit 1");
  const rawAudit = sqlite.prepare(
    "insert into audit_log (seq, at, centre_id, actor_user_id, action, entity_type, entity_id, before, after, prev_hash, hash) values (@seq, @at, @centreId, @actorUserId, @action, @entityType, @entityId, @before, @after, @prevHash, @hash)",
  );
  const rawSave = sqlite.transaction((id: string, expected: number, next: Record<string, unknown>) => {
    const before = rawSelect.get(id, seeded.centreId) as { status: string; version: number; data: string };
    if (before.version !== expected) throw new Error("changed");
    rawUpdate.run(JSON.stringify(next), before.status, new Date().toISOString(), learner.userId, id, seeded.centreId, expected);
    const head = rawHead.get() as { seq: number; hash: string } | undefined;
    const entry = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      centreId: seeded.centreId,
      actorUserId: learner.userId,
      action: "document.save",
      entityType: "document",
      entityId: id,
      before: canonicalJson({ status: before.status, version: before.version, data: JSON.parse(before.data) }),
      after: canonicalJson({ status: before.status, version: expected + 1, data: next }),
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    rawAudit.run({ ...entry, hash: auditEntryHash(entry) });
  });
  const saves = await compare(
    SAVES,
    async (i) => {
      const result = await saveDocument(db, learner, { id: oursId, expectedVersion: oursVersion, data: { ...data, sessionNo: (i % 200) + 1 } });
      if (!result.ok) throw new Error(`bench: save refused (${result.reason})`);
      oursVersion = result.version;
    },
    (i) => {
      rawSave.immediate(rawId, rawVersion, { ...data, sessionNo: (i % 200) + 1 });
      rawVersion++;
    },
  );
  console.log(`document save (validate + optimistic lock + audit, WAL + FULL): ${fmt(saves.ours)}/s; raw better-sqlite3 update + audit: ${fmt(saves.raw)}/s`);
  console.log(`saveDocument() vs raw better-sqlite3: ${(saves.ours / saves.raw).toFixed(2)}x (goal ≥ 0.8x)`);
} finally {
  database.close();
  rmSync(dir, { recursive: true, force: true });
}
