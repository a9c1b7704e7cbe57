import type { AjvError, JsonSchema } from "../registry/types.ts";
import { fieldSchemaAt } from "./fieldSchemaAt.ts";
import type { FieldError } from "./types.ts";

/**
 * Turns an ajv error into a message a learner understands, naming the field by its title:
 * "Duration must be more than 0 hours", not "must be > 0".
 *
 * @param error - the error as ajv reports it
 * @param root - the bundled schema of the template the document was validated against
 * @returns the field error
 */
export function describeError(error: AjvError, root: JsonSchema): FieldError {
  const child = childOf(error);
  const path = child === undefined ? error.instancePath : `${error.instancePath}/${child.replaceAll("~", "~0").replaceAll("/", "~1")}`;
  const found = fieldSchemaAt(root, path);
  const schema = found?.schema ?? {};
  // A property the template does not have is named as sent; one with an empty name still needs words.
  const named = child === "" ? "A field with an empty name" : child;
  const field = found?.labels.at(-1) ?? named ?? (error.instancePath.split("/").pop() || "The document");
  const location = found && found.labels.length > 0 ? found.labels.join(" › ") : field;
  return { path, field, location, rule: error.keyword, message: `${field} ${ruleText(error, schema)}` };
}

function childOf(error: AjvError): string | undefined {
  if (error.keyword === "required") return String(error.params.missingProperty);
  if (error.keyword === "additionalProperties") return String(error.params.additionalProperty);
  return undefined;
}

function ruleText(error: AjvError, schema: JsonSchema): string {
  const p = error.params;
  const unitName = (schema["x-ilm"] as { unit?: string } | undefined)?.unit;
  /** ` minutes` after a number, ` minute` after 1. */
  const unitAfter = (n: unknown): string => (unitName ? ` ${Number(n) === 1 ? unitName.replace(/s$/, "") : unitName}` : "");
  switch (error.keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not a field of this form";
    case "type":
      return `must be ${typeText(String(p.type))}${p.type === "integer" && unitName ? ` of ${unitName}` : ""}`;
    case "exclusiveMinimum":
      return `must be more than ${p.limit}${unitAfter(p.limit)}`;
    case "minimum":
      return `must be at least ${p.limit}${unitAfter(p.limit)}`;
    case "exclusiveMaximum":
      return `must be less than ${p.limit}${unitAfter(p.limit)}`;
    case "maximum":
      return `must be at most ${p.limit}${unitAfter(p.limit)}`;
    case "multipleOf":
      return `must be a multiple of ${p.multipleOf}${unitAfter(p.multipleOf)}`;
    case "minLength":
      return Number(p.limit) === 1 ? "must not be empty" : `must be at least ${p.limit} characters long`;
    case "maxLength":
      return `must be at most ${p.limit} characters long`;
    case "minItems":
      return Number(p.limit) === 1 ? "must have at least one row" : `must have at least ${p.limit} rows`;
    case "maxItems":
      return `can have at most ${p.limit} rows`;
    case "uniqueItems":
      return `must not list the same entry twice (rows ${Number(p.j) + 1} and ${Number(p.i) + 1} are the same)`;
    case "enum":
      return `must be one of: ${((p.allowedValues as unknown[]) ?? (schema.enum as unknown[]) ?? []).map(String).join(", ")}`;
    case "const":
      return p.allowedValue === true ? "must be confirmed" : `must be ${String(p.allowedValue)}`;
    case "format":
      return formatText(String(p.format));
    case "pattern":
      return typeof schema.description === "string" ? `is not in the expected form: ${schema.description}` : "is not in the expected form";
    default:
      return error.message ? error.message.replace(/^must NOT/, "must not") : "is not valid";
  }
}

function typeText(type: string): string {
  const words: Record<string, string> = {
    number: "a number",
    integer: "a whole number",
    string: "text",
    boolean: "yes or no",
    array: "a list",
    object: "a group of fields",
    null: "empty",
  };
  return type.split(",").map((t) => words[t] ?? t).join(" or ");
}

function formatText(format: string): string {
  switch (format) {
    case "date":
      return "must be a real date, written as YYYY-MM-DD";
    case "date-time":
      return "must be a real date and time";
    case "email":
      return "must be an email address";
    case "uri":
      return "must be a web address";
    default:
      return `must be a valid ${format}`;
  }
}
