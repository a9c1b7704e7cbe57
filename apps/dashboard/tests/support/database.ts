// The database a dashboard test opens: a fresh SQLite file, or (under the `postgres` vitest project)
// a fresh PostgreSQL database copied from the migrated template the global setup made on a throwaway
// cluster (tests/support/pgGlobalSetup.ts). Raw SQL for assertions, written once for both engines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { OpenDatabase } from "@ilm-forms/db";
// A plain ES module, shared with @ilm-forms/db's test support.
import { copyOfTemplate } from "../../../../scripts/pg-test-databases.mjs";

// bigint (count(*)) as a number, as SQLite answers: test data never comes near 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** The engine this run tests. */
export const TEST_ENGINE: "sqlite" | "postgres" = process.env.ILM_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

export { TEMPLATE_DATABASE } from "./template.ts";
import { TEMPLATE_DATABASE } from "./template.ts";

/**
 * A new empty place for a database: a SQLite file path in a temporary folder, or a new PostgreSQL
 * database (migrated, from the template) on the test cluster.
 *
 * @param name - the SQLite file's name
 * @param engine - the engine (a test under the postgres project may want a SQLite baseline)
 * @returns the target (path or URL) and a cleanup that removes it
 */
export async function freshTarget(name = "test.sqlite", engine: "sqlite" | "postgres" = TEST_ENGINE): Promise<{ target: string; cleanup: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "ilm-dashboard-"));
    return { target: join(dir, name), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return (await copyOfTemplate({ pg, admin: inject("pgUrl" as never) as string, template: TEMPLATE_DATABASE })) as {
    target: string;
    cleanup: () => Promise<void>;
  };
}

/**
 * Raw SQL for assertions, with `?` parameters on both engines.
 *
 * @param database - the open database
 * @param text - the SQL
 * @param params - its parameters
 * @returns the rows
 */
export async function rows<R = Record<string, unknown>>(database: OpenDatabase, text: string, ...params: unknown[]): Promise<R[]> {
  if (database.engine === "postgres") {
    let n = 0;
    return (await database.pool!.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as R[];
  }
  const statement = database.sqlite.prepare(text);
  if (!statement.reader) {
    statement.run(...params);
    return [];
  }
  return statement.all(...params) as R[];
}

/**
 * The first row of a query.
 *
 * @param database - the open database
 * @param text - the SQL, `?` parameters
 * @param params - its parameters
 * @returns the row, or undefined
 */
export async function row<R = Record<string, unknown>>(database: OpenDatabase, text: string, ...params: unknown[]): Promise<R | undefined> {
  return (await rows<R>(database, text, ...params))[0];
}

/**
 * The first column of the first row, for counts and ids.
 *
 * @param database - the open database
 * @param text - the SQL, `?` parameters
 * @param params - its parameters
 * @returns the value
 */
export async function scalar<T = number>(database: OpenDatabase, text: string, ...params: unknown[]): Promise<T> {
  const first = await row(database, text, ...params);
  return (first ? Object.values(first)[0] : undefined) as T;
}
