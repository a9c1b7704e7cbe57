import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { createAjv } from "../compile/createAjv.ts";
import type { Qualification } from "../qualification/types.ts";
import type { Template } from "../registry/types.ts";
import { compileUnitRules, RulesError } from "../rules/compileRules.ts";

/**
 * Checks a qualification.json: against the meta-schema (`schemas/qualification.schema.json`: an
 * unknown key, a misspelt threshold, an unknown check kind or a parameter it does not take), then by
 * compiling every unit's declared checks against the templates (a template name, a threshold or a role
 * that is not there).
 *
 * @param qualification - the parsed data
 * @param file - where it was read from, for the message
 * @param schemasDir - the folder that holds `qualification.schema.json`
 * @param templates - every template loaded, so the checks' template names and roles can be looked up
 * @throws Error naming the file, the JSON pointer of the fault and what is wrong
 */
export function checkQualification(qualification: Qualification, file: string, schemasDir: string, templates: Template[]): void {
  const validate = metaSchemaValidator(schemasDir);
  if (!validate(qualification)) throw new Error(`${file}: ${describe(validate.errors ?? [])}`);
  const declaration = qualification.authenticityDeclaration;
  if (declaration !== undefined && !templates.some((t) => t.id === `${qualification.id}/${declaration}`)) {
    throw new Error(`${file}: /authenticityDeclaration: there is no template "${declaration}" in ${qualification.id}`);
  }
  for (const [index, unit] of qualification.units.entries()) {
    if (unit.passMark !== undefined && unit.totalMarks !== undefined && unit.passMark > unit.totalMarks) {
      throw new Error(`${file}: /units/${index}/passMark: ${unit.passMark} is more than the unit's totalMarks of ${unit.totalMarks}`);
    }
    try {
      compileUnitRules(qualification, unit, templates);
    } catch (error) {
      if (error instanceof RulesError) throw new Error(`${file}: ${error.message}`);
      throw error;
    }
  }
}

const validators = new Map<string, ReturnType<ReturnType<typeof createAjv>["compile"]>>();

function metaSchemaValidator(schemasDir: string): ReturnType<ReturnType<typeof createAjv>["compile"]> {
  let validate = validators.get(schemasDir);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(schemasDir, "qualification.schema.json"), "utf8")) as object;
    validators.set(schemasDir, (validate = createAjv().compile(schema)));
  }
  return validate;
}

/**
 * The error that says most: an unknown key or a parameter a kind does not take before the branches
 * of if/then and oneOf that only report that they failed.
 */
function describe(errors: ErrorObject[]): string {
  const rank = (e: ErrorObject): number => (e.keyword === "additionalProperties" || e.keyword === "enum" || e.keyword === "required" ? 0 : e.keyword === "if" || e.keyword === "oneOf" ? 2 : 1);
  const best = [...errors].sort((a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length)[0];
  if (!best) return "does not match qualification.schema.json";
  const detail =
    best.keyword === "additionalProperties"
      ? `has an unknown key "${String(best.params.additionalProperty)}"`
      : best.keyword === "enum"
        ? `must be one of ${(best.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`
        : (best.message ?? best.keyword);
  return `${best.instancePath || "/"} ${detail} (qualification.schema.json)`;
}
