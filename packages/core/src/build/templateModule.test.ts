import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import standaloneCode from "ajv/dist/standalone/index.js";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compileTemplate } from "../compile/compileTemplate.ts";
import { createAjv } from "../compile/createAjv.ts";
import type { CompiledValidator, JsonSchema, Template } from "../registry/types.ts";
import { endOfJson, jsonParse, replaceSchemaConstants, templateModule, useRuntime } from "./templateModule.ts";

const here = dirname(fileURLToPath(import.meta.url));
const generatedDir = resolve(here, "../../generated");

describe("jsonParse()", () => {
  it("gives back an equal value, whatever quotes, backslashes and line separators the text holds", () => {
    const value = { a: "it's a \\ \"quote\"\n", b: [1, null, true, 2.5], c: "\u2028\u2029’", d: {} };
    expect(new Function(`return ${jsonParse(value)}`)()).toEqual(value);
    expect(jsonParse(value)).toMatch(/^JSON\.parse\('/);
  });
});

describe("endOfJson()", () => {
  it("finds the end of an object whose strings hold braces and escaped quotes", () => {
    const code = `const s = {"a":"}\\"{","b":[{"c":"]"}]};rest`;
    const start = code.indexOf("{");
    expect(code.slice(start, endOfJson(code, start))).toBe(`{"a":"}\\"{","b":[{"c":"]"}]}`);
    expect(code.slice(endOfJson(code, start))).toBe(";rest");
  });
});

describe("replaceSchemaConstants()", () => {
  const schema: JsonSchema = { type: "object", properties: { a: { $ref: "#/$defs/x" } }, $defs: { x: { type: "string", maxLength: 3 } } };
  it("drops unread constants, points read ones into the schema, and keeps others as JSON.parse", () => {
    const code = [
      `const schema1 = ${JSON.stringify(schema)};`,
      `const schema2 = ${JSON.stringify(schema.$defs)};`,
      `const schema3 = {"type":"string","maxLength":3};`,
      `const schema4 = {"other":true};`,
      `function v(d){return schema1.properties && schema3.maxLength && schema4.other;}`,
    ].join("");
    const out = replaceSchemaConstants(code, schema, "template.schema");
    expect(out).toContain("const schema1 = template.schema;");
    expect(out).not.toContain("schema2");
    expect(out).toContain(`const schema3 = template.schema["$defs"]["x"];`);
    expect(out).toContain(`const schema4 = JSON.parse('{"other":true}');`);
    expect(out).toContain("function v(d){");
  });
});

describe("useRuntime()", () => {
  it("points ajv's helpers at the runtime module and refuses a format the runtime does not have", () => {
    const code = `"use strict";const f = require("ajv/dist/runtime/ucs2length").default;const d = require("ajv-formats/dist/formats").fullFormats.date;`;
    const out = useRuntime(code, "../../runtime.js");
    expect(out).toBe(`import { ucs2length as __ilm_ucs2length, fullFormats as __ilm_fullFormats } from "../../runtime.js";\nconst f = __ilm_ucs2length;const d = __ilm_fullFormats.date;`);
    expect(() => useRuntime(`const e = require("ajv-formats/dist/formats").fullFormats.email;`, "./runtime.js")).toThrow(/"email"/);
    expect(useRuntime(`const x = 1;`, "./runtime.js")).toBe(`const x = 1;`);
  });
});

describe("templateModule()", () => {
  it("writes a module whose validator answers exactly as ajv's run-time compile does", async () => {
    const template: Template = {
      id: "test/form",
      version: "1.0.0",
      title: "Form",
      ui: {},
      annotations: { version: "1.0.0" },
      schema: {
        type: "object",
        additionalProperties: false,
        required: ["when"],
        properties: { when: { $ref: "#/$defs/date", title: "When" }, note: { type: "string", maxLength: 2 }, rows: { type: "array", items: { $ref: "#/$defs/date" } } },
        $defs: { date: { type: "string", format: "date" } },
      },
    };
    const ajv = createAjv({ standalone: true });
    const dir = mkdtempSync(join(tmpdir(), "ilm-forms-module-"));
    const runtime = ts.transpileModule(readFileSync(join(here, "ajvRuntime.ts"), "utf8"), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(join(dir, "runtime.js"), runtime.outputText);
    const source = templateModule(standaloneCode(ajv, ajv.compile(template.schema)), template, "./runtime.js");
    expect(source).not.toMatch(/require\(|from "ajv/);
    expect(source).not.toMatch(/const schema\d+ = \{/);
    writeFileSync(join(dir, "form.js"), source);
    const loaded = (await import(pathToFileURL(join(dir, "form.js")).href)) as { template: Template; validate: CompiledValidator; default: CompiledValidator };
    expect(loaded.template).toEqual(template);
    expect(loaded.default).toBe(loaded.validate);
    const runtimeCompiled = compileTemplate(template).validate;
    const documents = [{ when: "2026-02-29" }, { when: "2024-02-29", note: "😀😀" }, { when: "2024-02-29", note: "abc", extra: 1 }, { rows: ["2026-01-01", "x"] }, "text", { when: 7 }];
    for (const document of documents) {
      expect(loaded.validate(document), JSON.stringify(document)).toBe(runtimeCompiled(document));
      expect(loaded.validate.errors ?? null).toEqual(runtimeCompiled.errors ?? null);
    }
  });

  it("is how every generated template module is written: no ajv CommonJS, no second copy of the schema", () => {
    const files = readdirSync(join(generatedDir, "templates"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(join(generatedDir, "templates", file), "utf8");
      expect(source, file).not.toMatch(/from "ajv|require\(/);
      expect(source, file).not.toMatch(/const schema\d+ = \{/);
      expect(source, file).toMatch(/^export const template = JSON\.parse\('/m);
    }
  });
});
