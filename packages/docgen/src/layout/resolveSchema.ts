import type { JsonSchema } from "@ilm-forms/core";

/**
 * Resolves a bundled schema's local `$ref` (`#/$defs/common.date`) and lays the use-site keywords
 * (the template's own `title`, `description`, `x-ilm` ...) over the definition, as a reader of the
 * template expects: the field is called what the template calls it.
 *
 * @param schema - a property schema from a bundled template
 * @param root - the template's root schema, which holds `$defs`
 * @returns the merged schema (the input itself when it has no `$ref`)
 */
export function resolveSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  const target = pointer(root, ref.slice(2));
  if (!target) return schema;
  const resolved = resolveSchema(target, root);
  const { $ref: _ref, ...useSite } = schema;
  const xIlm = { ...(asObject(resolved["x-ilm"]) ?? {}), ...(asObject(useSite["x-ilm"]) ?? {}) };
  return { ...resolved, ...useSite, "x-ilm": xIlm };
}

function pointer(root: JsonSchema, path: string): JsonSchema | undefined {
  let node: unknown = root;
  for (const raw of path.split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = asObject(node)?.[key];
  }
  return asObject(node);
}

/** The value as a plain object, or `undefined` when it is not one. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
