import type { JsonSchema } from "../registry/types.ts";

/** The schema of one field, with the titles of the fields that lead to it. */
export interface FieldSchema {
  /** The field's own schema, its `$ref` resolved and the use-site keywords (title ...) laid over it. */
  schema: JsonSchema;
  /** Titles from the document's root to the field; array items appear as `Row N`. */
  labels: string[];
}

/**
 * Finds the schema of the field at a JSON pointer, following `properties`, `items` and local `$ref`s.
 *
 * @param root - a bundled template schema
 * @param pointer - a JSON pointer into a document, e.g. `/sessions/2/duration`
 * @returns the field's schema and the trail of titles, or `undefined` if the schema has no such field
 */
export function fieldSchemaAt(root: JsonSchema, pointer: string): FieldSchema | undefined {
  let schema = resolve(root, root);
  const labels: string[] = [];
  if (pointer === "") return { schema, labels };
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.hasOwn(properties, key)) {
      schema = resolve(root, properties[key]!);
      labels.push(typeof schema.title === "string" ? schema.title : key);
    } else if (schema.items && typeof schema.items === "object" && /^\d+$/.test(key)) {
      schema = resolve(root, schema.items as JsonSchema);
      labels.push(`Row ${Number(key) + 1}`);
    } else {
      return undefined;
    }
  }
  return { schema, labels };
}

/** Resolves a local `$ref` (possibly chained) and lays the referring schema's own keywords over it. */
function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; typeof current.$ref === "string" && depth < 32; depth++) {
    const { $ref, ...local } = current;
    const target = pointerGet(root, ($ref as string).replace(/^#/, ""));
    if (!target) return local;
    current = { ...target, ...local };
  }
  return current;
}

function pointerGet(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === "object" ? (node as JsonSchema) : undefined;
}
