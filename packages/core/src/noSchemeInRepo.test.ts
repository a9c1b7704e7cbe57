import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "./node/loadTemplates.ts";
import { schemasDir } from "./test/schemasDir.ts";

// No package or app names a scheme or a template id in its logic: those are data in schemas/ (issue 16).
// Comments may name them; code may not, in any string (a message's example too). Demo data (the generator, the demo seed, the gallery's sample
// choices), tests and their fixtures, benchmarks, generated files and command-line usage text are left out;
// the command lines' code is not (a default qualification there is a scheme named in logic).
const root = join(schemasDir, "..");
const FOLDERS = [...readdirSync(join(root, "packages")).map((p) => `packages/${p}/src`), ...readdirSync(join(root, "apps")).flatMap((a) => ["app", "server", "src"].map((d) => `apps/${a}/${d}`))];
const EXEMPT = [/\.test\.tsx?$/, /\/test\//, /\/tests\//, /\/testing\//, /\/demo\//, /\/seed\//, /\/generated\//, /\/fixtures\//, /\/bench\//, /\/build\//];

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The code of a file without its comments (good enough here: no `//` or `/*` inside the strings searched). */
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** The code without a command line's usage text (`const USAGE = \`...\`;`), whose examples may name them. */
const withoutUsage = (code: string): string => code.replace(/\bUSAGE = `[\s\S]*?`;/g, "");

describe("no package or app names a scheme or a template id in its code", () => {
  const { templates, qualifications } = loadTemplates(schemasDir);
  const names = [...new Set([...qualifications.map((q) => q.id), ...templates.map((t) => t.id)])];
  // A unit is named by its id in quotes ("501"); one- and two-digit ids are too common in code to tell apart.
  const units = [...new Set(qualifications.flatMap((q) => q.units.map((u) => u.id)))].filter((id) => !/^[0-9]{1,2}$/.test(id));

  it("in packages/*/src and apps/*/{app,server,src}, demo data, tests and usage text aside: no qualification, template or unit", () => {
    const found: string[] = [];
    let files = 0;
    for (const folder of FOLDERS) {
      for (const file of sources(join(root, folder))) {
        const path = relative(root, file).split("\\").join("/");
        if (EXEMPT.some((pattern) => pattern.test(path))) continue;
        files++;
        const code = withoutUsage(withoutComments(readFileSync(file, "utf8")));
        for (const name of names) if (code.includes(name)) found.push(`${path}: ${name}`);
        for (const unit of units) if (["\"", "'", "`"].some((q) => code.includes(`${q}${unit}${q}`))) found.push(`${path}: unit ${unit}`);
      }
    }
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
