import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileTemplate } from "../compile/compileTemplate.ts";
import { createValidate } from "../validation/createValidate.ts";
import { registry, validate } from "../index.ts";
import { createRegistry } from "./createRegistry.ts";
import type { Template } from "./types.ts";

const generatedDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../generated/templates");

describe("createRegistry()", () => {
  it("lists the current version of every template in id order", () => {
    const ids = registry.list().map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("ilm-8588/session-record");
    expect(ids).toContain("ilm-8588/result-sheet-501");
    expect(ids).toContain("ilm-8588/evidence-matrix-503");
  });

  it("keeps the earlier Unit 501 beside the current one and answers each by version", () => {
    expect(registry.unit("ilm-8588", "501")).toMatchObject({ version: "2.0", current: true, thresholds: { coachingHours: 18, clients: { min: 2, max: 3 } } });
    expect(registry.unit("ilm-8588", "501", "earlier")).toMatchObject({ current: false, thresholds: { coachingHours: 12, clients: { min: 1 } } });
    expect(registry.get("ilm-8588/result-sheet-501")!.version).toBe("2.0");
    expect(registry.get("ilm-8588/result-sheet-501", "earlier")!.annotations.current).toBe(false);
  });

  it("adds a template that arrives later, compiled at run time", () => {
    const own = createRegistry([], []);
    const template: Template = {
      id: "centre/own-form",
      version: "1.0.0",
      title: "Our form",
      ui: {},
      annotations: { version: "1.0.0" },
      schema: { type: "object", required: ["hours"], properties: { hours: { title: "Hours", type: "number", exclusiveMinimum: 0, "x-ilm": { unit: "hours" } } } },
    };
    own.add(compileTemplate(template));
    const check = createValidate(own);
    expect(check("centre/own-form", { hours: 0 }).errors[0]!.message).toBe("Hours must be more than 0 hours");
    expect(() => own.add(compileTemplate(template))).toThrow(/registered twice/);
  });

  it("serves older template versions when asked and the newest by default", () => {
    const own = createRegistry([], []);
    const make = (version: string, maximum: number): Template => ({
      id: "centre/v", version, title: "v", ui: {}, annotations: { version },
      schema: { type: "object", properties: { n: { title: "N", type: "integer", maximum } } },
    });
    own.add(compileTemplate(make("1.0.0", 5)));
    own.add(compileTemplate(make("1.10.0", 50)));
    own.add(compileTemplate(make("1.2.0", 20)));
    expect(own.get("centre/v")!.version).toBe("1.10.0");
    const check = createValidate(own);
    expect(check("centre/v", { n: 10 }, { version: "1.0.0" }).valid).toBe(false);
    expect(check("centre/v", { n: 10 }).valid).toBe(true);
  });
});

describe("precompiled validators", () => {
  const modules = readdirSync(generatedDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));

  it("contain no eval or new Function, so a strict Content-Security-Policy page can run them", () => {
    expect(modules.length).toBeGreaterThan(20);
    for (const file of modules) expect(readFileSync(join(generatedDir, file), "utf8")).not.toMatch(/\beval\(|new Function|Function\(/);
  });

  it("give the same answers as validators compiled at run time", () => {
    for (const template of registry.list()) {
      const runtime = createValidate(createRegistry([compileTemplate(template)], []));
      for (const document of [{}, { clientRef: 7 }, { sessionNo: -1, extra: true }]) {
        expect(validate(template.id, document), template.id).toEqual(runtime(template.id, document));
      }
    }
  });
});
