// The PostgreSQL tables, built from the SQLite declarations in this folder: the tables are declared
// once (decision 038). drizzle-kit reads this module to generate the PostgreSQL migrations in
// `drizzle-pg/`; at run time the repositories use the SQLite declarations on both engines (drizzle
// renders a table by its names, whatever the dialect it was declared with), so nothing here is
// used by a query. `schema.test.ts` checks that every SQLite table has its PostgreSQL twin here.
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { is, Table } from "drizzle-orm";
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  type PgColumn,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from "drizzle-orm/pg-core";
import * as sqliteSchema from "./index.ts";

/** `bytea`, read and written as a Node Buffer (SQLite's `blob({ mode: "buffer" })`). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** The PostgreSQL column for a SQLite column: text, integer and buffer blobs are all this package uses. */
function pgColumn(column: SQLiteColumn): PgColumnBuilderBase {
  let builder;
  switch (column.columnType) {
    case "SQLiteText":
      builder = text(column.name);
      break;
    case "SQLiteInteger":
      builder = integer(column.name);
      break;
    case "SQLiteBlobBuffer":
      builder = bytea(column.name);
      break;
    default:
      throw new Error(`schema/pg: column ${column.name} has type ${column.columnType}, which has no PostgreSQL twin here yet`);
  }
  if (column.primary) builder = builder.primaryKey();
  if (column.notNull && !column.primary) builder = builder.notNull();
  if (column.hasDefault && column.default !== undefined) builder = builder.default(column.default as never);
  if (column.isUnique) builder = builder.unique(column.uniqueName);
  return builder;
}

type AnyPgTable = PgTableWithColumns<{ name: string; schema: undefined; columns: Record<string, PgColumn>; dialect: "pg" }>;

const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((value): value is SQLiteTable => is(value, Table));
const built = new Map<string, AnyPgTable>();

function twinOf(table: SQLiteTable): AnyPgTable {
  const config = getTableConfig(table);
  const columns: Record<string, PgColumnBuilderBase> = {};
  for (const column of config.columns) columns[column.name] = pgColumn(column);
  const pg = pgTable(config.name, columns, (t) => {
    const col = (c: { name: string }) => t[c.name] as PgColumn;
    return [
      ...config.indexes.map((i) => {
        const on = i.config.columns.map((c) => col(c as SQLiteColumn)) as [PgColumn, ...PgColumn[]];
        return (i.config.unique ? uniqueIndex(i.config.name) : index(i.config.name)).on(...on);
      }),
      ...config.primaryKeys.map((k) => primaryKey({ columns: k.columns.map(col) as [PgColumn, ...PgColumn[]] })),
      ...config.uniqueConstraints.map((u) => unique(u.name).on(...(u.columns.map(col) as [PgColumn, ...PgColumn[]]))),
      ...config.checks.map((c) => check(c.name, c.value)),
      ...config.foreignKeys.map((f) => {
        const reference = f.reference();
        const foreign = built.get(getTableConfig(reference.foreignTable).name)!;
        return foreignKey({
          columns: reference.columns.map(col) as [PgColumn, ...PgColumn[]],
          foreignColumns: reference.foreignColumns.map((c) => foreign[c.name] as PgColumn) as [PgColumn, ...PgColumn[]],
          ...(reference.name ? { name: reference.name } : {}),
        });
      }),
    ];
  }) as unknown as AnyPgTable;
  return pg;
}

for (const table of sqliteTables) built.set(getTableConfig(table).name, twinOf(table));

/** Every table, by its SQL name. */
export const pgTables: ReadonlyMap<string, AnyPgTable> = built;

// drizzle-kit looks for exported table objects: export each under its SQL name.
export const {
  centres, users, memberships, learners, registrations, assessor_assignments, documents, submissions, assessor_decisions,
  qa_ratifications, submission_documents, assessment_comments, sessions, sign_in_attempts, audit_log, evidence_blobs,
  evidence_blob_parts, attachments, signing_links, signer_signatures, rate_limit_hits, document_endorsements, password_resets, eqa_reviews,
} = Object.fromEntries(built) as Record<string, AnyPgTable>;
