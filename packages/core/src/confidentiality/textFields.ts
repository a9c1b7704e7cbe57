import type { FieldRole, JsonSchema, Template } from "../registry/types.ts";
import { memoByObject } from "../roles/memoByObject.ts";

/** A free-text field of a template: where a learner might write a person's name. */
export interface TextField {
  /** Property names from the root; `*` stands for any row of an array. */
  steps: string[];
  title: string;
  /** A client reference (`x-ilm.role` `client-ref`): meant to be "Client N"-style, so any name in it is one too many. */
  reference?: true;
}

/** Fields that hold names or references on purpose, or no free text at all. */
const NOT_FREE_TEXT = new Set<FieldRole>(["person-name", "signature", "date", "session-date", "session-no", "duration", "supervision-duration", "rating", "clause"]);

const fieldsOf = memoByObject((schema: JsonSchema): TextField[] => {
  const fields: TextField[] = [];
  walk(schema, schema, [], "", fields, 0);
  return fields;
});

/**
 * Lists the free-text fields of a template (strings that are not names, dates or choices), and its
 * client references, marked as such.
 *
 * @param template - a bundled template
 * @returns the fields (computed once per schema)
 */
export function textFields(template: Template): TextField[] {
  return fieldsOf(template.schema);
}

function walk(root: JsonSchema, node: JsonSchema, steps: string[], parentTitle: string, out: TextField[], depth: number): void {
  if (depth > 16) return;
  const schema = resolve(root, node);
  const role = (schema["x-ilm"] as { role?: FieldRole } | undefined)?.role;
  if (role && NOT_FREE_TEXT.has(role)) return;
  const title = typeof schema.title === "string" ? schema.title : parentTitle;
  if (role === "client-ref") {
    if (steps.length > 0) out.push({ steps, title, reference: true });
    return;
  }
  if (schema.type === "string" && !schema.enum && !schema.format && steps.length > 0) {
    out.push({ steps, title });
    return;
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties) for (const [key, child] of Object.entries(properties)) walk(root, child, [...steps, key], title, out, depth + 1);
  if (schema.items && typeof schema.items === "object") walk(root, schema.items as JsonSchema, [...steps, "*"], title, out, depth + 1);
}

function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === "string" && hops < 8; hops++) {
    const { $ref, ...local } = current;
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    const shared = defs?.[($ref as string).replace(/^#\/\$defs\//, "")];
    if (!shared) return local;
    current = { ...shared, ...local };
  }
  return current;
}
