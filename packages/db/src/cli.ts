#!/usr/bin/env node
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { backupDatabase } from "./backup.ts";
import { connectDatabase, isPostgresUrl, openDatabase } from "./client.ts";
import { copyToPostgres } from "./copyToPostgres.ts";
import { verifyAuditChain } from "./audit/verifyAuditChain.ts";

const usage = `usage (a <database> is a SQLite file or a postgres:// URL):
  ilm-db verify-audit <database> [--anchor <seq>:<hash>]  check the audit chain; exit 1 at the first bad entry
  ilm-db backup <database> <dest>                          SQLite: online backup, then integrity check of the copy;
                                                           PostgreSQL: pg_dump (custom format), then pg_restore --list of
                                                           the archive and the audit chain verified
  ilm-db copy-to-postgres <sqlite file> <postgres url>     copy every row into an empty PostgreSQL database, then check
                                                           every table and verify the audit chain there`;

async function main(argv: string[]): Promise<number> {
  const [command, target, ...rest] = argv;
  if (!command || !target || command === "--help") {
    console.error(usage);
    return 2;
  }
  const postgres = isPostgresUrl(target);
  if (!postgres && !existsSync(target)) {
    console.error(`no such database: ${target}`);
    return 2;
  }
  if (command === "copy-to-postgres") {
    const url = rest[0];
    if (postgres || !url || !isPostgresUrl(url)) {
      console.error(usage);
      return 2;
    }
    const source = openDatabase(target, { migrate: false, readonly: true });
    const destination = await connectDatabase(url);
    try {
      const report = await copyToPostgres(source, destination);
      for (const t of report.tables) console.log(`${t.table.padEnd(24)} ${String(t.source).padStart(8)} rows, ${String(t.copied).padStart(8)} copied, ${t.same ? "identical" : "DIFFERENT"}`);
      console.log(report.audit.ok ? `audit chain ok on PostgreSQL: ${report.audit.checked} entries, head ${report.audit.head?.seq}:${report.audit.head?.hash}` : `audit chain BROKEN on PostgreSQL at entry ${report.audit.firstBad?.id}: ${report.audit.firstBad?.reason}`);
      console.log(report.ok ? "copy ok" : "copy FAILED");
      return report.ok ? 0 : 1;
    } finally {
      source.close();
      await destination.close();
    }
  }
  const database = postgres ? await connectDatabase(target, { migrate: false, poolSize: 2 }) : openDatabase(target, { migrate: false });
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
      if (postgres) {
        // pg_dump takes one consistent snapshot (a repeatable-read transaction) while the dashboards go on writing.
        execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${dest}`, target], { stdio: ["ignore", "ignore", "inherit"] });
        const listing = execFileSync("pg_restore", ["--list", dest], { encoding: "utf8" });
        const tables = listing.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
        const audit = await verifyAuditChain(database.db);
        console.log(`backup written to ${dest} with pg_dump: ${tables} tables of data, archive readable; audit chain ${audit.ok ? `ok (${audit.checked} entries)` : "BROKEN"}`);
        return audit.ok && tables > 0 ? 0 : 1;
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
