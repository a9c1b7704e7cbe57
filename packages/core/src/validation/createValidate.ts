import type { Registry } from "../registry/createRegistry.ts";
import { describeError } from "./describeError.ts";
import type { FieldError, ValidateOptions, ValidationResult } from "./types.ts";

const VALID: ValidationResult = Object.freeze({ valid: true, errors: [] }) as ValidationResult;

/**
 * Makes the `validate` function of a registry.
 *
 * @param registry - where templates and their validators are looked up
 * @returns `validate(templateId, document, options)`, which never throws for a bad document
 */
export function createValidate(registry: Registry) {
  /**
   * Validates a document against a template.
   *
   * @param templateId - e.g. `ilm-8588/session-record`
   * @param document - the document, already parsed (use `parseDocument` for untrusted JSON text)
   * @param options - the template version, and whether this is a draft
   * @returns `{ valid: true }` or the field errors, each naming the field and the rule
   */
  return function validate(templateId: string, document: unknown, options: ValidateOptions = {}): ValidationResult {
    const entry = registry.entry(templateId, options.version);
    if (!entry) {
      // Quote at most 100 characters of what was asked for: an error never echoes a megabyte back.
      const quoted = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);
      const what = options.version === undefined ? quoted(templateId) : `${quoted(templateId)} version ${quoted(String(options.version))}`;
      return { valid: false, errors: [{ path: "", field: "Template", location: "Template", rule: "template", message: `There is no template ${what}` }] };
    }
    if (entry.validate(document)) return VALID;
    let errors: FieldError[] = (entry.validate.errors ?? []).map((error) => describeError(error, entry.template.schema));
    if (options.draft) errors = errors.filter((error) => error.rule !== "required");
    if (errors.length === 0) return VALID;
    return { valid: false, errors: dedupe(errors) };
  };
}

/** ajv can report one problem once per failed branch; a learner needs to read it once. */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
