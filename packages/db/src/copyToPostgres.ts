import { createHash } from "node:crypto";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { is, Table } from "drizzle-orm";
import type { OpenDatabase } from "./client.ts";
import { all, get, run } from "./access/engine.ts";
import { writeTransaction } from "./access/transaction.ts";
import { verifyAuditChain, type AuditVerification } from "./audit/verifyAuditChain.ts";
import * as schema from "./schema/index.ts";
import { sql } from "drizzle-orm";

/** What {@link copyToPostgres} reports. */
export interface CopyReport {
  /** Per table: rows in the SQLite file, rows in PostgreSQL after, and whether their contents match. */
  tables: { table: string; source: number; copied: number; same: boolean }[];
  /** The audit chain verified on PostgreSQL after the copy. */
  audit: AuditVerification;
  /** True when every table matches and the chain verifies with the SQLite file's head. */
  ok: boolean;
}

const BATCH = 500;

/** The tables in an order where every table comes after the tables its foreign keys name. */
function tablesInOrder(): SQLiteTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, Table));
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  const done = new Set<string>();
  const ordered: SQLiteTable[] = [];
  const visit = (table: SQLiteTable, path: string[]) => {
    const name = getTableConfig(table).name;
    if (done.has(name) || path.includes(name)) return;
    for (const fk of getTableConfig(table).foreignKeys) {
      const foreign = getTableConfig(fk.reference().foreignTable).name;
      if (foreign !== name) visit(byName.get(foreign)!, [...path, name]);
    }
    done.add(name);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** An order-independent digest of a table's rows: SHA-256 of the sorted SHA-256s of each row's JSON. */
function digest(rows: Record<string, unknown>[]): string {
  const hashes = rows
    .map((row) =>
      createHash("sha256")
        .update(JSON.stringify(Object.keys(row).sort().map((key) => [key, Buffer.isBuffer(row[key]) ? (row[key] as Buffer).toString("base64") : row[key]])))
        .digest("hex"),
    )
    .sort();
  return createHash("sha256").update(hashes.join("\n")).digest("hex");
}

/**
 * Copies every row of a SQLite database into an empty PostgreSQL database (migrated to the same
 * schema), in one transaction, then checks every table (row count and an order-independent digest of
 * every row) and verifies the audit chain on PostgreSQL against the SQLite file's head. A target that
 * already holds a centre is refused: this moves a centre's file onto a new server, it does not merge.
 *
 * @param source - the SQLite database (read only)
 * @param target - the PostgreSQL database, from `connectDatabase(url)`
 * @returns the report; `ok` only when everything matched
 */
export async function copyToPostgres(source: OpenDatabase, target: OpenDatabase): Promise<CopyReport> {
  if (source.engine !== "sqlite" || target.engine !== "postgres") throw new Error("copyToPostgres copies a SQLite database into a PostgreSQL one");
  const tables = tablesInOrder();
  const centres = await get(target.db, target.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(schema.centres));
  if ((centres?.n ?? 0) > 0) throw new Error("the PostgreSQL database already holds centres: copy into a new, empty database");
  await writeTransaction(target.db, async () => {
    for (const table of tables) {
      const rows = await all(source.db, source.db.select().from(table));
      for (let at = 0; at < rows.length; at += BATCH) await run(target.db, target.db.insert(table).values(rows.slice(at, at + BATCH)));
    }
  });
  const report: CopyReport["tables"] = [];
  for (const table of tables) {
    const from = await all(source.db, source.db.select().from(table));
    const to = await all(target.db, target.db.select().from(table));
    report.push({ table: getTableConfig(table).name, source: from.length, copied: to.length, same: from.length === to.length && digest(from) === digest(to) });
  }
  const sourceHead = (await verifyAuditChain(source.db)).head;
  const audit = await verifyAuditChain(target.db, sourceHead ? { anchor: sourceHead } : {});
  return { tables: report, audit, ok: audit.ok && report.every((t) => t.same) && audit.head?.seq === sourceHead?.seq };
}
