import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileTemplate } from "../compile/compileTemplate.ts";
import { createRegistry } from "../registry/createRegistry.ts";
import type { Template } from "../registry/types.ts";
import { createValidate } from "../validation/createValidate.ts";
import { loadTemplates } from "./loadTemplates.ts";

/** What `lintSchemas` found. */
export interface LintReport {
  /** One line a problem, each naming the file (and the JSON pointer or example) at fault. */
  problems: string[];
  templates: number;
  qualifications: number;
  /** Examples checked, valid and invalid. */
  examples: number;
}

interface InvalidExample {
  why?: string;
  path?: string;
  keyword?: string;
  document?: unknown;
}

/**
 * Checks a schemas folder as the build and the tests do, for a developer adding JSON: every template
 * bundles and every qualification.json matches the meta-schema and compiles its checks (the build's
 * own messages); every criterion of every unit is evidenced by some template of its scheme or declared
 * `forTheAssessor`; every authored template has examples, each valid one accepted and each invalid one
 * refused for exactly the field and keyword it declares.
 *
 * @param schemasDir - the folder that holds `common/`, `qualification.schema.json` and one folder per scheme
 * @returns the problems found (none when the folder is sound) and what was checked
 */
export function lintSchemas(schemasDir: string): LintReport {
  let sources;
  try {
    sources = loadTemplates(schemasDir);
  } catch (error) {
    return { problems: [(error as Error).message], templates: 0, qualifications: 0, examples: 0 };
  }
  const { templates, qualifications } = sources;
  const problems: string[] = [];
  const authored = templates.filter((t) => !t.annotations.generatedFrom);
  for (const qualification of qualifications) {
    const named = new Set(authored.filter((t) => t.id.startsWith(`${qualification.id}/`)).flatMap((t) => t.annotations.criteria ?? []));
    qualification.units.forEach((unit, u) =>
      unit.learningOutcomes.forEach((outcome, o) =>
        outcome.criteria.forEach((criterion, c) => {
          const ref = `${unit.id}:${criterion.id}`;
          if (named.has(ref) || (criterion.checks ?? []).some((check) => check.kind === "forTheAssessor")) return;
          problems.push(
            `${qualification.id}/qualification.json: /units/${u}/learningOutcomes/${o}/criteria/${c}: no template's x-ilm.criteria names ${ref} and it does not declare forTheAssessor`,
          );
        }),
      ),
    );
  }
  let registry;
  try {
    registry = createRegistry(templates.map(compileTemplate), qualifications);
  } catch (error) {
    return { problems: [...problems, (error as Error).message], templates: templates.length, qualifications: qualifications.length, examples: 0 };
  }
  const validate = createValidate(registry);
  let examples = 0;
  const current = authored.filter((t) => registry.get(t.id) === t);
  for (const template of current) {
    const [scheme, name] = template.id.split("/") as [string, string];
    const file = `${scheme}/examples/${name}.json`;
    if (!existsSync(join(schemasDir, file))) {
      problems.push(`${file}: missing (each template needs a valid example and invalid ones)`);
      continue;
    }
    let parsed: { valid?: unknown[]; invalid?: InvalidExample[] };
    try {
      parsed = JSON.parse(readFileSync(join(schemasDir, file), "utf8")) as typeof parsed;
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    problems.push(...lintExamples(template, file, parsed, validate));
    examples += (parsed.valid?.length ?? 0) + (parsed.invalid?.length ?? 0);
  }
  return { problems, templates: templates.length, qualifications: qualifications.length, examples };
}

function lintExamples(template: Template, file: string, examples: { valid?: unknown[]; invalid?: InvalidExample[] }, validate: ReturnType<typeof createValidate>): string[] {
  const problems: string[] = [];
  if (!Array.isArray(examples.valid) || examples.valid.length === 0) problems.push(`${file}: /valid needs at least one complete, valid document`);
  (examples.valid ?? []).forEach((document, i) => {
    const result = validate(template.id, document);
    for (const error of result.errors.slice(0, 3)) problems.push(`${file}: /valid/${i} is refused at ${error.path || "/"} (${error.rule}): ${error.message}`);
  });
  if (!Array.isArray(examples.invalid) || examples.invalid.length < 2) problems.push(`${file}: /invalid needs at least two documents, each with one problem`);
  (examples.invalid ?? []).forEach((example, i) => {
    const at = `${file}: /invalid/${i}${example.why ? ` (${example.why})` : ""}`;
    if (typeof example.path !== "string" || typeof example.keyword !== "string") {
      problems.push(`${at} needs "path" and "keyword"`);
      return;
    }
    const result = validate(template.id, example.document);
    if (result.valid) problems.push(`${at} is accepted; it should be refused at ${example.path || "/"} (${example.keyword})`);
    else if (!result.errors.some((e) => e.path === example.path && e.rule === example.keyword)) {
      problems.push(`${at} is refused, but not at ${example.path || "/"} (${example.keyword}): ${result.errors.map((e) => `${e.path || "/"} (${e.rule})`).join(", ")}`);
    } else if (result.errors.some((e) => e.path !== example.path)) {
      problems.push(`${at} has other problems too: ${result.errors.filter((e) => e.path !== example.path).map((e) => `${e.path || "/"} (${e.rule})`).join(", ")}`);
    }
  });
  return problems;
}
