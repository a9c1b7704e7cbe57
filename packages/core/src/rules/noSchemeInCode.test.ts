import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../node/loadTemplates.ts";
import { schemasDir } from "../test/schemasDir.ts";

// The engine knows the check vocabulary and the field roles, never a scheme, a unit or a template:
// those are data. Comments and JSDoc examples may name them; code may not. The demo generator (it
// writes 8588 portfolios on purpose), the command line's usage text and the tests are left out.
const src = join(import.meta.dirname, "..");
const EXEMPT = [/\.test\.ts$/, /^demo\//, /^cli\//, /^test\//, /^build\//];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The code of a file without its comments (good enough for our sources: no `//` or `/*` inside strings here). */
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("core's code names no scheme, unit or template", () => {
  const { templates, qualifications } = loadTemplates(schemasDir);
  const names = new Set<string>([...qualifications.map((q) => q.id), ...templates.map((t) => t.id)]);
  for (const q of qualifications) for (const u of q.units) if (!/^[0-9]+$/.test(u.id) || u.id.length > 2) names.add(`"${u.id}"`);

  it("in any module of src/ but the demo generator, the command line and the tests", () => {
    const found: string[] = [];
    for (const file of sources(src)) {
      const path = relative(src, file).split("\\").join("/");
      if (EXEMPT.some((pattern) => pattern.test(path))) continue;
      const code = withoutComments(readFileSync(file, "utf8"));
      for (const name of names) if (code.includes(name)) found.push(`${path}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
