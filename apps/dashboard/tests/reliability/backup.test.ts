import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { backupDatabase, openDatabase, verifyAuditChain } from "@ilm-forms/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DB_CLI, seededFile, startWriter, type SeededFile } from "./support/dataLayer.ts";
import { figure, size } from "./support/world.ts";

vi.setConfig({ testTimeout: 600_000 });

// Online backups while a child process keeps writing documents through the data layer: each copy
// must pass integrity_check and the audit-chain verification, and hold every write acknowledged
// before its backup began.

const BACKUPS = size(5, 20);
let file: SeededFile;

beforeAll(async () => {
  file = await seededFile();
}, 60_000);
afterAll(() => file?.remove());

/** Checks a copy; answers the acknowledged writes missing from it. */
async function checkCopy(path: string, acked: Map<string, string>): Promise<{ missing: number; integrity: string; audit: boolean; documents: number }> {
  const { db, sqlite, close } = openDatabase(path, { migrate: false, readonly: true });
  try {
    const read = sqlite.prepare("select data from documents where id = ?");
    let missing = 0;
    for (const [id, hash] of acked) {
      const row = read.get(id) as { data: string } | undefined;
      if (!row || createHash("sha256").update(row.data).digest("hex") !== hash) missing++;
    }
    return {
      missing,
      integrity: sqlite.pragma("integrity_check", { simple: true }) as string,
      audit: (await verifyAuditChain(db)).ok,
      documents: (sqlite.prepare("select count(*) as n from documents where id like 'bk-%'").get() as { n: number }).n,
    };
  } finally {
    close();
  }
}

describe("online backup", () => {
  it(`restores ${BACKUPS} backups taken during writes to sound databases holding every write acknowledged before each began`, async () => {
    const writer = startWriter(file.path, file.learner, 0, 10_000_000, "bk");
    await writer.ready;
    await writer.afterAcks(200);
    const source = openDatabase(file.path, { migrate: false });
    const reports: string[] = [];
    let missing = 0;
    let unsound = 0;
    let writtenDuring = 0;
    try {
      for (let i = 0; i < BACKUPS; i++) {
        const before = new Map(writer.acked);
        const dest = join(file.dir, `backup-${i}.sqlite`);
        const started = performance.now();
        let copy: { integrity: string };
        if (i === BACKUPS - 1) {
          // the last one through the command line, from another process
          const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [DB_CLI, "backup", file.path, dest], { stdio: "ignore" }).once("exit", resolve));
          expect(code).toBe(0);
          copy = { integrity: "ok (checked by the command)" };
        } else {
          copy = await backupDatabase(source, dest);
        }
        const ms = performance.now() - started;
        const after = writer.acked.size;
        writtenDuring += after - before.size;
        const check = (await checkCopy(dest, before));
        missing += check.missing;
        if (check.integrity !== "ok" || !check.audit) unsound++;
        reports.push(`#${i + 1}: ${ms.toFixed(0)} ms, ${after - before.size} writes acknowledged meanwhile, ${check.documents} documents in the copy, integrity ${check.integrity} (${copy.integrity}), audit ${check.audit ? "ok" : "BROKEN"}`);
        await writer.afterAcks(50);
      }
    } finally {
      source.close();
      writer.child.kill("SIGKILL");
      await writer.exited;
    }
    console.log(reports.join("\n"));
    figure("backup", `acknowledged-before-backup writes missing from the copies = ${missing} (goal 0); unsound copies = ${unsound} (goal 0); ${BACKUPS} backups while ${writtenDuring} writes were acknowledged during them`);
    expect(missing).toBe(0);
    expect(unsound).toBe(0);
  });
});
