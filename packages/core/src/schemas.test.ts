import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAjv } from "./compile/createAjv.ts";
import { registry, validate } from "./index.ts";
import { loadTemplates } from "./node/loadTemplates.ts";
import { mayWrite, WRITER_ROLES } from "./registry/mayWrite.ts";
import { ATTACHMENT_KINDS } from "./attachments/attachmentRule.ts";
import { unitCriteria } from "./qualification/findUnit.ts";
import type { JsonSchema } from "./registry/types.ts";
import { schemasDir } from "./test/schemasDir.ts";

// Data-driven: every template under schemas/ is held to the same rules, so adding a template is
// adding JSON and these tests cover it without change.
const { templates, qualifications, origins } = loadTemplates(schemasDir);
const authored = templates.filter((t) => !t.annotations.generatedFrom);

interface InvalidExample { why: string; path: string; keyword: string; document: unknown }
interface Examples { valid: unknown[]; invalid: InvalidExample[] }

function examplesOf(id: string): Examples | undefined {
  const [scheme, name] = id.split("/");
  const file = join(schemasDir, scheme!, "examples", `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Examples) : undefined;
}

function untitled(schema: JsonSchema, at: string, root: JsonSchema): string[] {
  const missing: string[] = [];
  for (const [key, child] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) {
    if (typeof child.title !== "string" || child.title.trim() === "") missing.push(`${at}/${key}`);
    missing.push(...untitled(deref(child, root), `${at}/${key}`, root));
  }
  if (schema.items && typeof schema.items === "object") missing.push(...untitled(deref(schema.items as JsonSchema, root), `${at}/items`, root));
  return missing;
}

function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== "string") return schema;
  const name = schema.$ref.replace("#/$defs/", "");
  return { ...((root.$defs as Record<string, JsonSchema>)[name] ?? {}), ...schema };
}

describe("schemas/", () => {
  it("holds every template of the source documents, authored or generated from the qualification data", () => {
    const ids = new Set(templates.map((t) => t.id));
    const expected = [
      "diary-cover", "programme-plan", "development-needs", "diagnostics", "contract", "hours-log", "session-record",
      "reflective-log", "client-feedback", "supervisor-feedback", "supervision-record", "coach-swot", "pdp",
      "cpd-monitoring", "evidence-matrix-501", "evidence-matrix-502", "evidence-matrix-503", "result-sheet-500",
      "result-sheet-501", "result-sheet-502", "result-sheet-503", "assignment-500", "authenticity-declaration",
      "professional-discussion", "exceptional-circumstances",
    ].map((name) => `ilm-8588/${name}`);
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids).toContain("ilm-l7-extended-diary/extended-diary");
    expect(ids).toContain("ilm-l7-extended-diary/result-sheet-extended-diary");
    expect(qualifications.map((q) => q.id).sort()).toEqual(["ilm-8588", "ilm-l7-extended-diary"]);
  });

  it("says who may write each template: authored ones name one or more roles of a centre, generated ones none", () => {
    const wrong = templates.filter((t) =>
      t.annotations.generatedFrom
        ? t.annotations.writers !== undefined
        : !Array.isArray(t.annotations.writers) || t.annotations.writers.length === 0 || t.annotations.writers.some((role) => !WRITER_ROLES.includes(role)),
    );
    expect(wrong.map((t) => t.id)).toEqual([]);
    for (const t of templates) expect(mayWrite(t, "learner")).toBe(!t.annotations.generatedFrom && t.annotations.writers!.includes("learner"));
  });

  it("declares evidence files (x-ilm.attachments) with a title, known kinds and a whole number of bytes, on templates a learner writes", () => {
    const declared = templates.filter((t) => t.annotations.attachments !== undefined);
    expect(declared.length).toBeGreaterThan(0);
    const wrong = declared.filter(({ annotations: { attachments: rule, writers } }) => {
      const keys = Object.keys(rule!).sort().join(",");
      return (
        keys !== "kinds,maxBytes,title" ||
        typeof rule!.title !== "string" ||
        rule!.title.trim() === "" ||
        !Array.isArray(rule!.kinds) ||
        rule!.kinds.length === 0 ||
        new Set(rule!.kinds).size !== rule!.kinds.length ||
        rule!.kinds.some((k) => !ATTACHMENT_KINDS.includes(k)) ||
        !Number.isInteger(rule!.maxBytes) ||
        rule!.maxBytes < 1 ||
        rule!.maxBytes > 1024 ** 3 ||
        !writers?.some((w) => w === "learner" || w === "centre_admin")
      );
    });
    expect(wrong.map((t) => t.id)).toEqual([]);
  });

  describe.each(templates.map((t) => [`${t.id}@${t.version}`, t] as const))("%s", (_name, template) => {
    it("compiles in ajv strict mode", () => {
      expect(() => createAjv().compile(template.schema)).not.toThrow();
    });

    it("gives every property a title", () => {
      expect(untitled(template.schema, "", template.schema)).toEqual([]);
    });

    it("bounds every string and every list, so untrusted input cannot make validation slow", () => {
      const unbounded: string[] = [];
      const visit = (node: JsonSchema, at: string, seen: Set<JsonSchema>): void => {
        const schema = deref(node, template.schema);
        if (seen.has(schema)) return;
        const next = new Set(seen).add(schema);
        const types = ([] as unknown[]).concat(schema.type ?? []);
        if (types.includes("string") && schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined) unbounded.push(`${at} (string without maxLength)`);
        if (types.includes("array") && schema.maxItems === undefined) unbounded.push(`${at} (list without maxItems)`);
        for (const [key, child] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) visit(child, `${at}/${key}`, next);
        if (schema.items && typeof schema.items === "object") visit(schema.items as JsonSchema, `${at}/items`, next);
      };
      visit(template.schema, "", new Set());
      expect(unbounded).toEqual([]);
    });

    it("names only criteria that exist in the qualification data", () => {
      const scheme = template.id.split("/")[0]!;
      const qualification = qualifications.find((q) => q.id === scheme)!;
      for (const ref of template.annotations.criteria ?? []) {
        const [unitId, criterionId] = ref.split(":");
        const unit = qualification.units.find((u) => u.id === unitId && u.current);
        expect(unit, `${template.id} names unit ${unitId}`).toBeDefined();
        expect(unitCriteria(unit!).map((c) => c.id), `${template.id} names ${ref}`).toContain(criterionId);
      }
    });
  });

  describe.each(authored.map((t) => [t.id, t] as const))("%s (authored)", (id, template) => {
    const examples = examplesOf(id);

    it("has UI hints and examples beside it", () => {
      expect(Object.keys(template.ui), `${origins.get(template)} needs a .ui.json`).not.toHaveLength(0);
      expect(examples, `schemas/${id.replace("/", "/examples/")}.json`).toBeDefined();
      expect(examples!.valid.length).toBeGreaterThanOrEqual(1);
      expect(examples!.invalid.length).toBeGreaterThanOrEqual(2);
    });

    it("orders every field in its UI hints", () => {
      const order = template.ui["ui:order"] as string[] | undefined;
      expect(order, "ui:order").toBeDefined();
      expect([...order!].filter((k) => k !== "*").sort()).toEqual(Object.keys(template.schema.properties as object).sort());
    });

    it("accepts its valid examples", () => {
      for (const document of examples?.valid ?? []) expect(validate(id, document)).toEqual({ valid: true, errors: [] });
    });

    it.each((examples?.invalid ?? []).map((c) => [c.why, c] as const))("rejects an example: %s", (_why, example) => {
      const result = validate(id, example.document);
      expect(result.valid).toBe(false);
      const reasons = result.errors.map((e) => `${e.path} ${e.rule}`);
      expect(reasons, example.why).toContain(`${example.path} ${example.keyword}`);
      // Each invalid example is valid except for its one problem.
      expect(result.errors.every((e) => e.path === example.path), JSON.stringify(result.errors)).toBe(true);
      for (const error of result.errors) expect(error.message.startsWith(error.field)).toBe(true);
    });
  });

  it("evidences every criterion of 501, 502 and 503 with at least one template", () => {
    const qualification = qualifications.find((q) => q.id === "ilm-8588")!;
    const named = new Set(authored.flatMap((t) => t.annotations.criteria ?? []));
    const missing = ["501", "502", "503"].flatMap((unitId) => {
      const unit = qualification.units.find((u) => u.id === unitId && u.current)!;
      return unitCriteria(unit).map((c) => `${unitId}:${c.id}`).filter((ref) => !named.has(ref));
    });
    expect(missing).toEqual([]);
  });

  it("gives every template file a matching id in the built registry", () => {
    const files = readdirSync(join(schemasDir, "ilm-8588", "templates")).filter((f) => f.endsWith(".schema.json"));
    for (const file of files) expect(registry.get(`ilm-8588/${file.replace(/(@[^@]+)?\.schema\.json$/, "")}`)).toBeDefined();
  });
});
