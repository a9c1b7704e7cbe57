// The database a dashboard test opens: a fresh SQLite file, or (under the `postgres` vitest project)
// a fresh PostgreSQL database copied from the migrated template the global setup made on a throwaway
// cluster (tests/support/pgGlobalSetup.ts). Raw SQL for assertions, written once for both engines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { OpenDatabase } from "@ilm-forms/db";

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
 * @returns the target (path or URL) and a cleanup that removes it
 */
export async function freshTarget(name = "test.sqlite"): Promise<{ target: string; cleanup: () => Promise<void> }> {
  if (TEST_ENGINE === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "ilm-dashboard-"));
    return { target: join(dir, name), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = inject("pgUrl" as never) as string;
  const database = `ilm_t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${database} template ${TEMPLATE_DATABASE}`);
        break;
      } catch (error) {
        if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return {
    target: url.toString(),
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${database} with (force)`);
      } finally {
        await dropper.end();
      }
    },
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
