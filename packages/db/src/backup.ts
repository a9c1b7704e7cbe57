import Database from "better-sqlite3";
import type { OpenDatabase } from "./client.ts";

/** What {@link backupDatabase} reports. */
export interface BackupReport {
  destination: string;
  totalPages: number;
  /** `PRAGMA integrity_check` of the copy: `ok` when it is sound. */
  integrity: string;
}

/**
 * Copies a live database to `destination` with SQLite's online backup API, while other work goes
 * on (writes by other connections restart the copy; writes on this one are carried into it), then
 * checks the copy's integrity.
 *
 * @param source - an open database (from `openDatabase`)
 * @param destination - the file to write (overwritten)
 * @returns pages copied and the copy's integrity check
 */
export async function backupDatabase(source: Pick<OpenDatabase, "sqlite">, destination: string): Promise<BackupReport> {
  const { totalPages } = await source.sqlite.backup(destination);
  const copy = new Database(destination, { readonly: true });
  try {
    const integrity = (copy.pragma("integrity_check", { simple: true }) as string) ?? "no answer";
    return { destination, totalPages, integrity };
  } finally {
    copy.close();
  }
}
