import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository's `schemas/` folder (this module is used from the repository only: tests and benches). */
export const schemasDir = resolve(import.meta.dirname, "../../../../schemas");

/** Every valid example of every template in `schemas/<scheme>/examples/`, with its template id. */
export function validExamples(): { template: string; index: number; data: Record<string, unknown> }[] {
  const out: { template: string; index: number; data: Record<string, unknown> }[] = [];
  for (const scheme of readdirSync(schemasDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    let files: string[] = [];
    try {
      files = readdirSync(join(schemasDir, scheme.name, "examples")).filter((file) => file.endsWith(".json"));
    } catch {
      continue;
    }
    for (const file of files) {
      const examples = JSON.parse(readFileSync(join(schemasDir, scheme.name, "examples", file), "utf8")) as { valid?: Record<string, unknown>[] };
      (examples.valid ?? []).forEach((data, index) => out.push({ template: `${scheme.name}/${file.replace(/\.json$/, "")}`, index, data }));
    }
  }
  return out;
}
