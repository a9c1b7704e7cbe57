import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Routes and components get their data through app/models/*.server.ts (issue 15, STYLE.md): a route names
// what its page needs, the models talk to @ilm-forms/db and @ilm-forms/docgen. Any mention of either
// package in a route's or component's code counts, a type-only import, a re-export or a dynamic import too.
const app = join(import.meta.dirname, "../../app");
const PACKAGE = /["'`]@ilm-forms\/(?:db|docgen)(?:\/[^"'`]*)?["'`]/;

/** The code of a file without its comments. */
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function importing(folder: string): string[] {
  return sources(join(app, folder)).filter((file) => PACKAGE.test(withoutComments(readFileSync(file, "utf8")))).map((file) => file.slice(app.length + 1));
}

describe("routes and components reach the data only through app/models", () => {
  it("the check sees every way of naming the packages, and not a comment", () => {
    for (const line of ['import { listLearners } from "@ilm-forms/db";', "import type { Db } from '@ilm-forms/db';", 'export { TEXT_LIMITS } from "@ilm-forms/db";', 'await import("@ilm-forms/docgen")', 'import "@ilm-forms/docgen/node";']) {
      expect(PACKAGE.test(withoutComments(line)), line).toBe(true);
    }
    expect(PACKAGE.test(withoutComments('// the models talk to "@ilm-forms/db"'))).toBe(false);
    expect(PACKAGE.test(withoutComments('import { registry } from "@ilm-forms/core";'))).toBe(false);
  });

  it("no file under app/routes imports @ilm-forms/db or @ilm-forms/docgen", () => {
    expect(sources(join(app, "routes")).length).toBeGreaterThan(20);
    expect(importing("routes")).toEqual([]);
  });

  it("no file under app/components does either (they run in the browser too)", () => {
    expect(sources(join(app, "components")).length).toBeGreaterThan(10);
    expect(importing("components")).toEqual([]);
  });

  it("the models do, so the check would see a route that did", () => {
    expect(importing("models").length).toBeGreaterThan(10);
  });
});
