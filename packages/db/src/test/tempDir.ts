import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary folder for database files, removed by `cleanup()`. */
export function tempDir(): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "ilm-db-"));
  return { dir, file: (name = "ilm.sqlite") => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
