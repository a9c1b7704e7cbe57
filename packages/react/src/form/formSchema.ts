// The schema RJSF renders from: the template's schema with its local `$ref`s resolved once
// (decision 060). RJSF resolves a `$ref` again for every field on every render (a copy of the
// referenced schema and a second retrieval pass per field), and for a 2020-12 schema it first copies
// the whole schema to make every `$ref` absolute, then compares that copy with the schema it was given
// on every change. The templates' `$ref`s are local pointers into `$defs` (the shared field kinds),
// so they can be resolved once per template, as RJSF resolves them: the referenced schema with the
// referring schema's own keywords over it. Validation and error wording keep the template's own
// schema (the precompiled validator and core's `describeError`); only rendering reads this view.

type Schema = Record<string, unknown>;

/** Keywords whose values are data, not schemas: a `$ref` key inside them is not a reference. */
const DATA_KEYWORDS = new Set(["const", "enum", "default", "examples"]);

const views = new WeakMap<object, Schema>();

/**
 * The schema RJSF renders a template's form from.
 *
 * @param schema - the template's schema
 * @returns the schema with its `$ref`s resolved, without `$defs` (nothing refers to them any more)
 *   and without `$schema` (RJSF reads it only to resolve references); the schema itself when a
 *   reference is not a local pointer, leads to another bare reference or round in a circle, or when
 *   the schema has an `$id` anywhere (then RJSF resolves as before)
 */
export function formSchemaOf(schema: object): Schema {
  let view = views.get(schema);
  if (!view) {
    view = resolveLocalReferences(schema as Schema) ?? (schema as Schema);
    views.set(schema, view);
  }
  return view;
}

class Unresolvable extends Error {}

function resolveLocalReferences(root: Schema): Schema | undefined {
  const resolve = (node: unknown, path: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, path));
    if (!node || typeof node !== "object") return node;
    const schema = node as Schema;
    if ("$id" in schema) throw new Unresolvable();
    let merged = schema;
    const ref = schema.$ref;
    if (ref !== undefined) {
      if (typeof ref !== "string" || !ref.startsWith("#/") || path.includes(ref)) throw new Unresolvable();
      const target = pointer(root, ref);
      // A referenced schema that refers on (RJSF 2020-12 would make an allOf of it): left to RJSF.
      if (!target || typeof target !== "object" || Array.isArray(target) || "$ref" in target) throw new Unresolvable();
      const { $ref: _ref, ...own } = schema;
      merged = { ...(target as Schema), ...own };
      path = [...path, ref];
    }
    const out: Schema = {};
    for (const [key, value] of Object.entries(merged)) {
      out[key] = DATA_KEYWORDS.has(key) || key.startsWith("x-") ? value : resolve(value, path);
    }
    return out;
  };
  try {
    const { $defs: _defs, definitions: _definitions, $schema: _schema, ...rest } = root;
    return resolve(rest, []) as Schema;
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
}

/** A JSON pointer (`#/$defs/common.date`) into the schema. */
function pointer(root: Schema, ref: string): unknown {
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!node || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Schema)[key];
  }
  return node;
}
