import type { FieldRole, JsonSchema, Template } from "../registry/types.ts";

/** A field of a template found by its `x-ilm` role. */
export interface RoleField {
  role: FieldRole;
  /** Property names from the root; `*` stands for any row of an array. */
  steps: string[];
  /** The field's title as the template prints it. */
  title: string;
}

const cache = new WeakMap<JsonSchema, RoleField[]>();
const byRoleCache = new WeakMap<JsonSchema, Map<FieldRole, RoleField[]>>();
const NONE: RoleField[] = [];

/** The fields of one role, from an index built once per schema (the rules read roles many times). */
function fieldsOfRole(template: Template, role: FieldRole): RoleField[] {
  let index = byRoleCache.get(template.schema);
  if (!index) {
    index = new Map();
    for (const field of fieldsByRole(template)) index.set(field.role, [...(index.get(field.role) ?? []), field]);
    byRoleCache.set(template.schema, index);
  }
  return index.get(role) ?? NONE;
}

/**
 * Lists every field of a template that carries an `x-ilm` role, its own or its shared definition's.
 * Signatures are leaves: their inner name and date are not listed separately.
 *
 * @param template - a bundled template
 * @returns the fields, in schema order (computed once per schema)
 */
export function fieldsByRole(template: Template): RoleField[] {
  const cached = cache.get(template.schema);
  if (cached) return cached;
  const fields: RoleField[] = [];
  walk(template.schema, template.schema, [], fields, 0);
  cache.set(template.schema, fields);
  return fields;
}

function walk(root: JsonSchema, node: JsonSchema, steps: string[], out: RoleField[], depth: number): void {
  if (depth > 16) return;
  const schema = resolve(root, node);
  const role = (schema["x-ilm"] as { role?: FieldRole } | undefined)?.role;
  if (role && steps.length > 0) {
    out.push({ role, steps, title: typeof schema.title === "string" ? schema.title : steps[steps.length - 1]! });
    if (role === "signature") return;
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties) for (const [key, child] of Object.entries(properties)) walk(root, child, [...steps, key], out, depth + 1);
  if (schema.items && typeof schema.items === "object") walk(root, schema.items as JsonSchema, [...steps, "*"], out, depth + 1);
}

/** Lays the use-site keywords (title, x-ilm) over a local `$ref` target, as a reader of the form sees them. */
function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === "string" && hops < 8; hops++) {
    const { $ref, ...local } = current;
    const target = ($ref as string).replace(/^#\/\$defs\//, "");
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    const shared = defs?.[target.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (!shared) return local;
    current = { ...shared, ...local };
  }
  return current;
}

/** A value found in a document at a role field, with its JSON pointer. */
export interface RoleValue {
  path: string;
  value: unknown;
  title: string;
}

/**
 * Reads the values of a document at every field of the given role.
 *
 * @param template - the document's template
 * @param data - the document
 * @param role - e.g. `session-date`
 * @returns each value present, with its JSON pointer (missing fields are left out)
 */
export function valuesByRole(template: Template, data: unknown, role: FieldRole): RoleValue[] {
  const fields = fieldsOfRole(template, role);
  const found: RoleValue[] = [];
  for (const field of fields) collect(data, field, 0, [], found);
  return found;
}

const escapedSteps = new WeakMap<RoleField, string[]>();

/** Walks to the values of one field; the JSON pointer is written once, at each value found. */
function collect(node: unknown, field: RoleField, at: number, rows: number[], out: RoleValue[]): void {
  const { steps } = field;
  if (at === steps.length) {
    if (node !== undefined) out.push({ path: pointerOf(field, rows), value: node, title: field.title });
    return;
  }
  const step = steps[at]!;
  if (step === "*") {
    if (!Array.isArray(node)) return;
    for (let index = 0; index < node.length; index++) {
      rows.push(index);
      collect(node[index], field, at + 1, rows, out);
      rows.pop();
    }
  } else if (node !== null && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, step)) {
    collect((node as Record<string, unknown>)[step], field, at + 1, rows, out);
  }
}

function pointerOf(field: RoleField, rows: number[]): string {
  let escaped = escapedSteps.get(field);
  if (!escaped) escapedSteps.set(field, (escaped = field.steps.map(escape)));
  let path = "";
  let row = 0;
  for (const step of escaped) path += `/${step === "*" ? rows[row++] : step}`;
  return path;
}

function escape(step: string): string {
  return step.includes("~") || step.includes("/") ? step.replaceAll("~", "~0").replaceAll("/", "~1") : step;
}
