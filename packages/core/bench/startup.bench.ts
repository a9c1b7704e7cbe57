// Start-up: a fresh process importing the precompiled validators and validating one document, against a
// fresh process compiling the same schemas with ajv and validating the same document. The precompiled
// side imports the package by its name from the package's own folder, so Node resolves it exactly as
// it would for a user (the `node` export condition: dist/index.node.js).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registry } from "../dist/index.js";
import { FAST, median, verdict } from "./measure.ts";

const SESSION = { clientRef: "Client 1", sessionNo: 1, sessionDate: "2026-03-10", duration: 90, goal: "Plan the first delegation." };

export function benchStartup(): void {
  const dir = mkdtempSync(join(tmpdir(), "ilm-forms-bench-"));
  const schemas = join(dir, "schemas.json");
  writeFileSync(schemas, JSON.stringify(registry.list().map((t) => ({ id: t.id, schema: t.schema }))));
  const packageDir = join(import.meta.dirname, "..");
  const precompiled = `const t0 = performance.now();
const { validate } = await import("@ilm-forms/core");
if (!validate("ilm-8588/session-record", ${JSON.stringify(SESSION)}).valid) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const compiled = `const t0 = performance.now();
const { default: Ajv2020 } = await import("ajv/dist/2020.js");
const { default: addFormats } = await import("ajv-formats");
const { readFileSync } = await import("node:fs");
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
const validators = new Map(JSON.parse(readFileSync(${JSON.stringify(schemas)}, "utf8")).map((t) => [t.id, ajv.compile(t.schema)]));
if (!validators.get("ilm-8588/session-record")(${JSON.stringify(SESSION)})) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const oneSchema = join(dir, "session-record.json");
  writeFileSync(oneSchema, JSON.stringify(registry.get("ilm-8588/session-record")!.schema));
  const precompiledOne = `const t0 = performance.now();
const { validate } = await import("@ilm-forms/core/templates/ilm-8588/session-record@${registry.get("ilm-8588/session-record")!.version}.js");
if (!validate(${JSON.stringify(SESSION)})) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const compiledOne = `const t0 = performance.now();
const { default: Ajv2020 } = await import("ajv/dist/2020.js");
const { default: addFormats } = await import("ajv-formats");
const { readFileSync } = await import("node:fs");
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
if (!ajv.compile(JSON.parse(readFileSync(${JSON.stringify(oneSchema)}, "utf8")))(${JSON.stringify(SESSION)})) throw new Error("invalid");
console.log(performance.now() - t0);`;
  const runs = FAST ? 5 : 21;
  // Each run prints wall-clock and CPU milliseconds from its first line to its first validation.
  const time = (code: string): [number, number] => {
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", `const c0 = process.cpuUsage();\n${code.replace("console.log(performance.now() - t0);", "const c = process.cpuUsage(c0);\nconsole.log(performance.now() - t0, (c.user + c.system) / 1000);")}`], { encoding: "utf8", cwd: packageDir });
    const [wall, cpu] = printed.trim().split(" ").map(Number);
    return [wall!, cpu!];
  };
  // Alternate the two sides run by run so both see the same machine load.
  const pair = (ours: string, baseline: string) => {
    const samples = { ours: [] as Array<[number, number]>, baseline: [] as Array<[number, number]> };
    for (let i = 0; i < runs; i++) {
      samples.ours.push(time(ours));
      samples.baseline.push(time(baseline));
    }
    return samples;
  };
  const all = pair(precompiled, compiled);
  const one = pair(precompiledOne, compiledOne);
  console.log(`start-up: fresh process to first validation, ${registry.list().length} templates, median of ${runs} runs each (spread: 10th to 90th percentile)`);
  report("import @ilm-forms/core (all precompiled validators)", "compile every template with ajv (baseline)", "whole package vs compiling every template", all);
  report("one template module (ilm-8588/session-record)", "compile that one schema with ajv (baseline)", "one precompiled template vs compiling it", one);
}

function report(ours: string, baseline: string, verdictLabel: string, samples: { ours: Array<[number, number]>; baseline: Array<[number, number]> }): void {
  const column = (values: Array<[number, number]>, i: 0 | 1) => values.map((v) => v[i]);
  const spread = (values: number[]) => `${percentile(values, 0.1).toFixed(1)}–${percentile(values, 0.9).toFixed(1)}`;
  for (const [label, values] of [[ours, samples.ours], [baseline, samples.baseline]] as const) {
    const wall = column(values, 0);
    const cpu = column(values, 1);
    console.log(`  ${label.padEnd(54)} ${median(wall).toFixed(1)} ms wall (${spread(wall)}), ${median(cpu).toFixed(1)} ms CPU`);
  }
  const ratios = samples.ours.map((o, i) => o[0] / samples.baseline[i]![0]);
  const ratioSpread = `${percentile(ratios, 0.1).toFixed(3)}–${percentile(ratios, 0.9).toFixed(3)}x`;
  const cpuRatio = median(column(samples.ours, 1)) / median(column(samples.baseline, 1));
  console.log(`  ${verdictLabel}: ${verdict(median(column(samples.ours, 0)) / median(column(samples.baseline, 0)), 0.1)} (run by run ${ratioSpread}; CPU ${cpuRatio.toFixed(3)}x)`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
}
