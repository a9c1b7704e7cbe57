// Start-up: a fresh process importing the precompiled validators and validating one document, against a
// fresh process compiling the same schemas with ajv and validating the same document.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { registry } from "../dist/index.js";
import { FAST, median, verdict } from "./measure.ts";

const SESSION = { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-10", duration: 1.5, goal: "Plan the first delegation." };

export function benchStartup(): void {
  const dir = mkdtempSync(join(tmpdir(), "ilm-forms-bench-"));
  const schemas = join(dir, "schemas.json");
  writeFileSync(schemas, JSON.stringify(registry.list().map((t) => ({ id: t.id, schema: t.schema }))));
  const index = pathToFileURL(join(import.meta.dirname, "../dist/index.js")).href;
  const ajvUrl = pathToFileURL(require_resolve("ajv/dist/2020.js")).href;
  const formatsUrl = pathToFileURL(require_resolve("ajv-formats")).href;
  const precompiled = `const t0 = performance.now();
const { validate } = await import(${JSON.stringify(index)});
if (!validate("ilm-8588/session-record", ${JSON.stringify(SESSION)}).valid) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const compiled = `const t0 = performance.now();
const { default: Ajv2020 } = await import(${JSON.stringify(ajvUrl)});
const { default: addFormats } = await import(${JSON.stringify(formatsUrl)});
const { readFileSync } = await import("node:fs");
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
const validators = new Map(JSON.parse(readFileSync(${JSON.stringify(schemas)}, "utf8")).map((t) => [t.id, ajv.compile(t.schema)]));
if (!validators.get("ilm-8588/session-record")(${JSON.stringify(SESSION)})) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const single = pathToFileURL(join(import.meta.dirname, "../generated/templates/ilm-8588/session-record@2.0.0.js")).href;
  const oneSchema = join(dir, "session-record.json");
  writeFileSync(oneSchema, JSON.stringify(registry.get("ilm-8588/session-record")!.schema));
  const precompiledOne = `const t0 = performance.now();
const { validate } = await import(${JSON.stringify(single)});
if (!validate(${JSON.stringify(SESSION)})) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const compiledOne = `const t0 = performance.now();
const { default: Ajv2020 } = await import(${JSON.stringify(ajvUrl)});
const { default: addFormats } = await import(${JSON.stringify(formatsUrl)});
const { readFileSync } = await import("node:fs");
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
if (!ajv.compile(JSON.parse(readFileSync(${JSON.stringify(oneSchema)}, "utf8")))(${JSON.stringify(SESSION)})) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const runs = FAST ? 3 : 7;
  const time = (code: string): number => Number(execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).trim());
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(time(precompiled));
    b.push(time(compiled));
  }
  const c: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < runs; i++) {
    c.push(time(precompiledOne));
    d.push(time(compiledOne));
  }
  const ours = median(a);
  const baseline = median(b);
  console.log(`start-up: fresh process to first validation, ${registry.list().length} templates, median of ${runs}`);
  console.log(`  import @ilm-forms/core (all precompiled validators)   ${ours.toFixed(1)} ms`);
  console.log(`  compile every template with ajv (baseline)            ${baseline.toFixed(1)} ms`);
  console.log(`  whole package vs compiling every template: ${verdict(ours / baseline, 0.1)}`);
  console.log(`  one template module (ilm-8588/session-record)   ${median(c).toFixed(1)} ms`);
  console.log(`  compile that one schema with ajv (baseline)     ${median(d).toFixed(1)} ms`);
  console.log(`  one precompiled template vs compiling it: ${verdict(median(c) / median(d), 0.1)}`);
}

function require_resolve(specifier: string): string {
  return import.meta.resolve ? new URL(import.meta.resolve(specifier)).pathname : specifier;
}
