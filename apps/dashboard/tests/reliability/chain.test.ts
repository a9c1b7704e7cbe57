import { spawn } from "node:child_process";
import { join } from "node:path";
import { connectDatabase, verifyAuditChain } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scalar, TEST_ENGINE } from "../support/database.ts";
import { DB_RELIABILITY, seededFile, type SeededFile } from "./support/dataLayer.ts";
import { figure, size } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// The audit log's hash chain under concurrent writers in two processes (decision 039: on
// PostgreSQL a transaction-level advisory lock before every write transaction; on SQLite BEGIN
// IMMEDIATE): every write acknowledged has its entry, and the chain is one line (seqs 1..n, each
// entry linking to the one before, no two entries naming the same predecessor).

const PROCESSES = 2;
const WRITERS_EACH = 4;
const MS = size(10_000, 60_000);
let file: SeededFile;

beforeAll(async () => {
  file = await seededFile();
}, 60_000);
afterAll(() => file?.remove());

function runWriters(prefix: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DB_RELIABILITY, "chain-writer.mjs"), file.path, JSON.stringify(file.learner), String(WRITERS_EACH), String(MS), prefix], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.once("exit", (code) => {
      const done = /done (\d+)/.exec(out);
      if (code === 0 && done) resolve(Number(done[1]));
      else reject(new Error(`chain writer ${prefix} failed (${code}): ${err}`));
    });
  });
}

describe("audit chain under concurrent writers", () => {
  it(`stays linear with ${PROCESSES * WRITERS_EACH} writers in ${PROCESSES} processes for ${MS / 1000} s`, async () => {
    const before = await (async () => {
      const database = await connectDatabase(file.path, { migrate: false });
      try {
        return await scalar(database, "select count(*) as n from audit_log");
      } finally {
        await database.close();
      }
    })();
    const acknowledged = await Promise.all(Array.from({ length: PROCESSES }, (_, p) => runWriters(`chain${p}`)));
    const database = await connectDatabase(file.path, { migrate: false });
    try {
      const entries = await scalar(database, "select count(*) as n from audit_log");
      const ours = await scalar(database, "select count(*) as n from audit_log where action = 'document.create' and entity_id like 'chain%'");
      const forks = await scalar(database, "select count(*) as n from (select prev_hash from audit_log group by prev_hash having count(*) > 1) as f");
      const perProcess = await Promise.all(Array.from({ length: PROCESSES }, (_, p) => scalar(database, `select count(*) as n from audit_log where entity_id like 'chain${p}-%'`)));
      const chain = await verifyAuditChain(database.db);
      const total = acknowledged.reduce((a, b) => a + b, 0);
      figure(
        `audit chain, concurrent writers (${TEST_ENGINE})`,
        `${PROCESSES * WRITERS_EACH} writers in ${PROCESSES} processes for ${MS / 1000} s: ${total} writes acknowledged (${acknowledged.join(" + ")}, ${(total / (MS / 1000)).toFixed(0)}/s), ${ours} audit entries for them (${perProcess.join(" + ")} by process), chain of ${entries} entries ${chain.ok ? "verified" : `BROKEN: ${chain.firstBad?.reason}`}, entries sharing a predecessor ${forks} (goal 0: linear)`,
      );
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBe(entries);
      expect(entries).toBe(before + total);
      expect(ours).toBe(total);
      expect(forks).toBe(0);
      for (const n of perProcess) expect(n).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });
});
