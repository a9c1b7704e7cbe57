import type { JsonSchema } from "@ilm-forms/core/engine";

/**
 * Does `data` fit `schema`, judged on the keywords that pick a `oneOf`/`anyOf` branch: `type`,
 * `const`, `enum`, `required`, `properties` (recursively) and local `$ref`s. Other keywords are not
 * checked: precompiled validators exist only for whole templates, and compiling a sub-schema in the
 * browser is what this package avoids. The ILM templates use no `oneOf`, `anyOf` or `if`, so RJSF
 * never asks; a host template that does gets a best-effort branch choice, and the full precompiled
 * validation on submit still decides validity.
 *
 * @param schema - the sub-schema RJSF asks about
 * @param data - the form data
 * @param root - the template's bundled schema, for `$ref`s
 * @returns whether the data matches on the keywords above
 */
export function matchesSubschema(schema: JsonSchema, data: unknown, root: JsonSchema, depth = 0): boolean {
  if (depth > 32) return true;
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith("#/")) {
    const target = resolvePointer(root, ref.slice(1));
    if (target && !matchesSubschema(target, data, root, depth + 1)) return false;
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(data)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((value) => JSON.stringify(value) === JSON.stringify(data))) return false;
  if (schema.type !== undefined && !typeMatches(schema.type, data)) return false;
  if (isObject(data)) {
    if (Array.isArray(schema.required) && schema.required.some((key) => data[String(key)] === undefined)) return false;
    if (isObject(schema.properties)) {
      for (const [key, child] of Object.entries(schema.properties)) {
        if (data[key] !== undefined && isObject(child) && !matchesSubschema(child, data[key], root, depth + 1)) return false;
      }
    }
  }
  return true;
}

function typeMatches(type: unknown, data: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case "null": return data === null;
      case "array": return Array.isArray(data);
      case "object": return isObject(data);
      case "integer": return Number.isInteger(data);
      case "number": return typeof data === "number";
      default: return typeof data === t;
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolvePointer(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}
