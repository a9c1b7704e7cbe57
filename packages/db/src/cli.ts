#!/usr/bin/env node
import { existsSync } from "node:fs";
import { backupDatabase } from "./backup.ts";
import { openDatabase } from "./client.ts";
import { verifyAuditChain } from "./audit/verifyAuditChain.ts";

const usage = `usage:
  ilm-db verify-audit <file> [--anchor <seq>:<hash>]   check the audit chain; exit 1 at the first bad entry
  ilm-db backup <file> <dest>                           online backup, then integrity check of the copy`;

async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if (!command || !file || command === "--help") {
    console.error(usage);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`no such database: ${file}`);
    return 2;
  }
  const database = openDatabase(file, { migrate: false });
  try {
    if (command === "verify-audit") {
      const anchorArg = rest[0] === "--anchor" ? rest[1] : undefined;
      const [seq, hash] = anchorArg?.split(":") ?? [];
      const result = await verifyAuditChain(database.db, seq && hash ? { anchor: { seq: Number(seq), hash } } : {});
      if (result.ok) {
        console.log(`audit chain ok: ${result.checked} entries` + (result.head ? `, head ${result.head.seq}:${result.head.hash}` : ""));
        return 0;
      }
      console.error(`audit chain BROKEN at entry ${result.firstBad?.id}: ${result.firstBad?.reason} (${result.checked} entries checked)`);
      return 1;
    }
    if (command === "backup") {
      const dest = rest[0];
      if (!dest) {
        console.error(usage);
        return 2;
      }
      const report = await backupDatabase(database, dest);
      console.log(`backup written to ${report.destination}: ${report.totalPages} pages, integrity ${report.integrity}`);
      return report.integrity === "ok" ? 0 : 1;
    }
    console.error(usage);
    return 2;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
