import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import standaloneCode from "ajv/dist/standalone/index.js";
import ts from "typescript";
import { createAjv } from "../compile/createAjv.ts";
import { loadTemplates } from "../node/loadTemplates.ts";
import { jsonParse, templateModule } from "./templateModule.ts";

/**
 * Build step: bundles every template of `schemas/`, generates the result sheets and evidence
 * matrices, and writes one ES module per template (its data and its precompiled validator) plus
 * `generated/registry.js`, which lists them all with the qualification data.
 */
const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "../..");
const schemasDir = resolve(packageDir, "../../schemas");
const outDir = join(packageDir, "generated");

const { templates, qualifications } = loadTemplates(schemasDir);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const runtimeSource = readFileSync(join(here, "ajvRuntime.ts"), "utf8");
const runtime = ts.transpileModule(runtimeSource, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false } });
writeFileSync(join(outDir, "runtime.js"), runtime.outputText);
const ajv = createAjv({ standalone: true });
const modules: Array<{ file: string; id: string; version: string }> = [];
for (const template of templates) {
  const validate = ajv.compile(template.schema);
  const file = `templates/${template.id}@${template.version}.js`;
  mkdirSync(dirname(join(outDir, file)), { recursive: true });
  writeFileSync(join(outDir, file), templateModule(standaloneCode(ajv, validate), template, `./${relative(dirname(join(outDir, file)), join(outDir, "runtime.js"))}`.replace(/^\.\/\.\.\//, "../")));
  writeFileSync(join(outDir, file.replace(/\.js$/, ".d.ts")), `import type { CompiledValidator, Template } from "@ilm-forms/core";\nexport declare const validate: CompiledValidator;\nexport default validate;\nexport declare const template: Template;\n`);
  modules.push({ file, id: template.id, version: template.version });
}
const lines = modules.map((m, i) => `import * as t${i} from ${JSON.stringify(`./${m.file}`)};`);
lines.push(`export const entries = [${modules.map((_m, i) => `{ template: t${i}.template, validate: t${i}.validate }`).join(", ")}];`);
lines.push(`export const qualifications = ${jsonParse(qualifications)};`);
writeFileSync(join(outDir, "registry.js"), `${lines.join("\n")}\n`);
writeFileSync(
  join(outDir, "registry.d.ts"),
  `import type { Qualification, RegistryEntry } from "../src/index.ts";\nexport declare const entries: RegistryEntry[];\nexport declare const qualifications: Qualification[];\n`,
);
console.log(`generated ${modules.length} template modules for ${qualifications.length} qualifications in ${outDir}`);
