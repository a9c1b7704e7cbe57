import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** One document to seed: template id and data. */
export interface DemoDocument {
  templateId: string;
  data: Record<string, unknown>;
}

// src/seed and dist/seed are both three levels below the repository root.
const examplesDir = fileURLToPath(new URL("../../../../schemas/ilm-8588/examples", import.meta.url));

/**
 * Demo documents for one learner, taken from the valid examples in `schemas/ilm-8588/examples`.
 * A complete learner gets every example of every template; one falling short gets only the
 * first example of a few templates.
 *
 * TODO: switch to `generateDemoPortfolio(seed, profile)` from @ilm-forms/core once it is exported
 * (it gives consistent per-client portfolios that meet, or miss, the countable rules).
 *
 * @param complete - whether this learner's portfolio is meant to be complete
 * @returns the documents
 */
export function demoDocuments(complete: boolean): DemoDocument[] {
  const files = readdirSync(examplesDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const picked = complete ? files : files.filter((f) => ["session-record.json", "hours-log.json", "contract.json"].includes(f));
  return picked.flatMap((file) => {
    const { valid } = JSON.parse(readFileSync(join(examplesDir, file), "utf8")) as { valid: Record<string, unknown>[] };
    const templateId = `ilm-8588/${file.replace(/\.json$/, "")}`;
    return (complete ? valid : valid.slice(0, 1)).map((data) => ({ templateId, data }));
  });
}
