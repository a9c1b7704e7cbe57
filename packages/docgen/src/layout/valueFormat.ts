import type { JsonSchema } from "@ilm-forms/core";
import { asObject } from "./resolveSchema.ts";
import type { ValueFormat } from "./types.ts";

const TYPES = new Set(["string", "number", "integer", "boolean", "array"]);

/**
 * Works out how a field's value is written from its (resolved) schema and UI hints.
 *
 * @param schema - the field's schema, `$ref` already resolved
 * @param ui - the field's uiSchema
 * @returns the format: type, date, unit, multiline
 */
export function valueFormat(schema: JsonSchema, ui: Record<string, unknown> | undefined): ValueFormat {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  const type = (typeof declared === "string" && TYPES.has(declared) ? declared : "unknown") as ValueFormat["type"];
  const xIlm = asObject(schema["x-ilm"]);
  const role = xIlm?.role;
  const format: ValueFormat = { type };
  if (schema.format === "date" || role === "date" || role === "session-date") format.date = true;
  if (typeof xIlm?.unit === "string") format.unit = xIlm.unit;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : 0;
  if (ui?.["ui:widget"] === "textarea" || role === "swot-quadrant" || maxLength > 500 || type === "array") format.multiline = true;
  return format;
}
