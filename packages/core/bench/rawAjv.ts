// The baseline of the validation benchmarks: plain ajv (Ajv2020, ajv-formats, strict, all errors),
// compiling the registry's schemas at run time, as a project without @ilm-forms/core would.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { registry, validate, type PortfolioDocument } from "../dist/index.js";

/**
 * A raw ajv validator for each template version, compiled on first use.
 *
 * @returns `(templateId, version?) => ajv's compiled validator` for the registry's schema
 */
export function rawAjv(): (templateId: string, version?: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-ilm", schemaType: "object" });
  const compiled = new Map<string, ValidateFunction>();
  return (templateId, version) => {
    const template = registry.get(templateId, version);
    if (!template) throw new Error(`There is no template ${templateId} ${version ?? ""}`);
    const key = `${template.id}@${template.version}`;
    let validator = compiled.get(key);
    if (!validator) compiled.set(key, (validator = ajv.compile(template.schema)));
    return validator;
  };
}

/**
 * Two ways to validate every document of a portfolio, each answering whether all are valid: raw ajv
 * (validators looked up once, outside the timing) and our `validate()`. Throws unless both say valid.
 *
 * @param documents - the portfolio's documents
 * @param raw - raw ajv validators already compiled by the caller, when it has them
 * @returns `{ ajvAll, validateAll }`
 */
export function validatingAll(documents: PortfolioDocument[], raw = rawAjv()): { ajvAll: () => boolean; validateAll: () => boolean } {
  const validators = documents.map((d) => raw(d.template, d.version));
  const ajvAll = () => documents.every((d, i) => validators[i]!(d.data));
  const validateAll = () => documents.every((d) => validate(d.template, d.data, { version: d.version }).valid);
  if (!ajvAll() || !validateAll()) throw new Error("benchmark portfolio must be valid");
  return { ajvAll, validateAll };
}
