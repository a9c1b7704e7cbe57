import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findNamedPeopleIn } from "../confidentiality.ts";
import { registry } from "../index.ts";
import { findNamedPeople } from "../builtin.ts";

describe("@ilm-forms/core/confidentiality", () => {
  it("gives the same warnings as findNamedPeople for a document whose template the caller holds", () => {
    const template = registry.get("ilm-8588/session-record")!;
    const document = { id: "s1", template: template.id, data: { clientRef: "Client 1", reality: "Priya said the rota was unfair, and Will agreed." } };
    const warnings = findNamedPeopleIn([{ document, template }], []);
    expect(warnings.map((w) => [w.path, w.name])).toEqual([
      ["/reality", "Priya"],
      ["/reality", "Will"],
    ]);
    expect(warnings).toEqual(findNamedPeople(document));
  });

  it("reaches no built-in template or registry (so a one-form bundle stays small)", () => {
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(file, "utf8");
      // Type-only imports are followed too: stricter than a bundler, which drops them.
      for (const [, spec] of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gms)) visit(join(file, "..", spec!));
    };
    visit(join(import.meta.dirname, "../confidentiality.ts"));
    const files = [...reached].map((f) => f.replace(/.*\/src\//, ""));
    expect(files.some((f) => f.includes("builtinRegistry") || f.includes("generated") || f.startsWith("index"))).toBe(false);
    expect(files).toContain("confidentiality/scanNames.ts");
  });
});
