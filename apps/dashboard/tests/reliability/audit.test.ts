import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { createDocument, getDocument, listDocuments, openDatabase, recordDecision, saveDocument, submitUnit, verifyAuditChain } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DB_CLI, seededFile, type SeededFile } from "./support/dataLayer.ts";
import { figure, FULL, size } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// Tampering with the audit log (altering, deleting or reordering entries, by someone who drops
// the append-only triggers) is found by verifyAuditChain, and by the `ilm-db verify-audit`
// command, which names the first bad entry. A decision and its audit entry commit together.

let file: SeededFile;
let entries: number;
let head: { seq: number; hash: string };

beforeAll(async () => {
  file = await seededFile();
  const { db, sqlite, close } = openDatabase(file.path, { migrate: false });
  head = (await verifyAuditChain(db)).head!;
  entries = (sqlite.prepare("select count(*) as n from audit_log").get() as { n: number }).n;
  close();
}, 60_000);
afterAll(() => file?.remove());

type Tamper = "alter" | "delete" | "reorder";

/** Tampers with entry `seq` of a copy (triggers dropped first, as an attacker with the file would). */
function tamper(sqlite: ReturnType<typeof openDatabase>["sqlite"], kind: Tamper, seq: number): number {
  sqlite.exec("drop trigger if exists audit_log_no_update; drop trigger if exists audit_log_no_delete;");
  if (kind === "alter") {
    sqlite.prepare("update audit_log set after = json_set(coalesce(after, '{}'), '$.tampered', 1) where seq = ?").run(seq);
    return seq;
  }
  if (kind === "delete") {
    sqlite.prepare("delete from audit_log where seq = ?").run(seq);
    return seq;
  }
  // reorder: entries seq and seq+1 swap places (every column but seq)
  const cols = "at, centre_id, actor_user_id, action, entity_type, entity_id, before, after, prev_hash, hash";
  const a = sqlite.prepare(`select ${cols} from audit_log where seq = ?`).get(seq) as Record<string, unknown>;
  const b = sqlite.prepare(`select ${cols} from audit_log where seq = ?`).get(seq + 1) as Record<string, unknown>;
  const set = sqlite.prepare(`update audit_log set ${cols.split(", ").map((c) => `${c} = @${c}`).join(", ")} where seq = @seq`);
  set.run({ ...b, hash: "swapping", seq });
  set.run({ ...a, seq: seq + 1 });
  sqlite.prepare("update audit_log set hash = ? where seq = ?").run(b.hash, seq);
  return seq;
}

describe("audit log", () => {
  it("detects every altered, deleted and reordered entry and names the first bad one", async () => {
    const scratch = join(file.dir, "tampered.sqlite");
    const perKind = size(150, 100_000);
    const detected: Record<Tamper, { tried: number; named: number }> = { alter: { tried: 0, named: 0 }, delete: { tried: 0, named: 0 }, reorder: { tried: 0, named: 0 } };
    for (const kind of ["alter", "delete", "reorder"] as const) {
      // full run: every entry; CI: a random sample of entries (always the first and the last)
      const last = kind === "reorder" ? entries - 1 : entries;
      const all = Array.from({ length: last }, (_, i) => i + 1);
      const seqs = FULL || perKind >= all.length ? all : [1, last, ...all.sort(() => Math.random() - 0.5).slice(0, perKind - 2)];
      for (const seq of seqs) {
        copyFileSync(file.path, scratch);
        const { db, sqlite, close } = openDatabase(scratch, { migrate: false });
        tamper(sqlite, kind, seq);
        // deleting the newest entry leaves a valid shorter chain: only the head kept elsewhere (the anchor) tells
        const cut = kind === "delete" && seq === entries;
        const result = (await verifyAuditChain(db, cut ? { anchor: head } : {}));
        close();
        detected[kind].tried++;
        const expected = kind === "delete" && !cut ? seq + 1 : seq;
        if (!result.ok && result.firstBad?.id === expected) detected[kind].named++;
      }
    }
    const total = Object.values(detected).reduce((n, d) => n + d.tried, 0);
    const named = Object.values(detected).reduce((n, d) => n + d.named, 0);
    figure("audit-tamper", `tamperings detected and first bad entry named = ${named} of ${total} (goal all): alter ${detected.alter.named}/${detected.alter.tried}, delete ${detected.delete.named}/${detected.delete.tried}, reorder ${detected.reorder.named}/${detected.reorder.tried}, over a chain of ${entries} entries`);
    expect(named).toBe(total);
  });

  it("makes `ilm-db verify-audit` exit 1 naming the first bad entry for each kind of tampering", () => {
    const lines: string[] = [];
    for (const kind of ["alter", "delete", "reorder"] as const) {
      const scratch = join(file.dir, `cli-${kind}.sqlite`);
      copyFileSync(file.path, scratch);
      const seq = Math.floor(entries / 2);
      const { sqlite, close } = openDatabase(scratch, { migrate: false });
      tamper(sqlite, kind, seq);
      close();
      const run = spawnSync(process.execPath, [DB_CLI, "verify-audit", scratch], { encoding: "utf8" });
      const firstBad = kind === "delete" ? seq + 1 : seq;
      lines.push(`${kind}: exit ${run.status}, "${(run.stdout + run.stderr).trim().split("\n")[0]}"`);
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toMatch(new RegExp(`\\b${firstBad}\\b`));
    }
    const clean = spawnSync(process.execPath, [DB_CLI, "verify-audit", file.path], { encoding: "utf8" });
    expect(clean.status).toBe(0);
    figure("audit-verify-cli", lines.join("; "));
  });

  it("stores neither the decision nor its audit entry when either insert fails (and likewise for a document save)", async () => {
    const scratch = join(file.dir, "atomic.sqlite");
    copyFileSync(file.path, scratch);
    const { db, sqlite, close } = openDatabase(scratch, { migrate: false });
    const learner = file.people.learner1! as typeof file.learner;
    const assessor = file.people.assessor1!;
    const listed = (await listDocuments(db, learner, learner.learnerId));
    // A draft stays out of the submission, so it can still be saved (a submitted one is locked, a final one too).
    const draft = (await createDocument(db, learner, { learnerId: learner.learnerId, templateId: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1 } }));
    if (!draft.ok) throw new Error(draft.reason);
    const docs = [(await getDocument(db, learner, draft.id))!, ...listed];
    const submitted = (await submitUnit(db, learner, { qualification: "ilm-8588", unit: "501", documentIds: listed.map((d) => d.id), declaration: { name: "x", date: "2026-05-01" } }));
    if (!submitted.ok) throw new Error(submitted.reason);
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    const state = () => ({ decisions: count("select count(*) as n from assessor_decisions"), audit: count("select count(*) as n from audit_log"), versions: count("select sum(version) as n from documents") });
    const before = state();
    const outcomes: string[] = [];
    // 1. the audit insert fails after the decision's insert
    sqlite.exec("create trigger fail_audit before insert on audit_log when new.action in ('decision.record', 'document.save') begin select raise(abort, 'injected audit failure'); end;");
    await expect(recordDecision(db, assessor, { submissionId: submitted.id, criterion: "501:1.1", decision: "Pass", feedback: "ok" })).rejects.toThrow(/injected/);
    await expect(saveDocument(db, learner, { id: docs[0]!.id, expectedVersion: docs[0]!.version, data: docs[0]!.data })).rejects.toThrow(/injected/);
    outcomes.push(`audit insert fails: ${JSON.stringify(state())}`);
    expect(state()).toEqual(before);
    sqlite.exec("drop trigger fail_audit;");
    // 2. the decision's own insert fails before its audit entry
    sqlite.exec("create trigger fail_decision before insert on assessor_decisions begin select raise(abort, 'injected decision failure'); end;");
    await expect(recordDecision(db, assessor, { submissionId: submitted.id, criterion: "501:1.1", decision: "Pass", feedback: "ok" })).rejects.toThrow(/injected/);
    outcomes.push(`decision insert fails: ${JSON.stringify(state())}`);
    expect(state()).toEqual(before);
    sqlite.exec("drop trigger fail_decision;");
    // 3. no failure: both are stored
    const ok = (await recordDecision(db, assessor, { submissionId: submitted.id, criterion: "501:1.1", decision: "Pass", feedback: "ok" }));
    expect(ok.ok).toBe(true);
    expect(state()).toEqual({ ...before, decisions: before.decisions + 1, audit: before.audit + 1 });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    close();
    figure("audit-atomicity", `injected failures stored nothing (decision rows and audit entries unchanged: ${before.decisions} and ${before.audit}); without the failure both were stored`);
  });
});

