import type { JsonSchema } from "../registry/types.ts";

/** Someone who signs or is named on a demo document. */
export interface DemoPerson {
  name: string;
  /** How they sign (a value of the shared signature's `role` list). */
  signsAs: string;
  /** The date they sign on, where it is not the document's date. */
  signsOn?: string;
}

/** What a filled-in field may hold, decided by the caller from where the field is. */
export interface FillContext {
  /** The person a name or signature field at `key` belongs to. */
  person(key: string): DemoPerson;
  /** The date a date field of this document carries. */
  date: string;
  /** The unit a `unit-ref` field names. */
  unit?: string;
  /** The value of a top-level field the caller knows by its key (a registration number, a centre ...), if any. */
  known(key: string): unknown;
  /** The criteria (`unit:ac`) an `assessment-criteria` list of this document names, one list per row. */
  criteriaRows?: string[][];
  /** Text for a free-text field, from its key and the keys above it; `undefined` leaves it empty. */
  text(key: string, path: readonly string[]): string | undefined;
}

/** Strings that a required field with a `pattern` may hold, tried in order: a time counter, later in each row. */
const patterned = (row: number): string[] => [`${2 + row * 9}:00`];

/**
 * Fills a template's schema generically: every field a demo document can fill is filled from its
 * type, `enum`, limits and `x-ilm` role (a name, a signature, a date, a unit, a clause agreed, a list
 * of assessment criteria, a duration); read-only fields are left to the software that computes them.
 * Nothing is drawn at random: the same schema and context give the same document.
 *
 * @param schema - the bundled template schema (its `$defs` resolve the `$ref`s)
 * @param context - the people, date, known values and wording of this document
 * @returns the document's data
 */
export function fillFromSchema(schema: JsonSchema, context: FillContext): Record<string, unknown> {
  const resolve = (node: JsonSchema): JsonSchema => {
    const ref = node.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return node;
    const target = (schema.$defs as Record<string, JsonSchema> | undefined)?.[ref.slice("#/$defs/".length)] ?? {};
    const base = resolve(target);
    const { $ref: _ref, ...rest } = node;
    return { ...base, ...rest, "x-ilm": { ...(base["x-ilm"] as object), ...(rest["x-ilm"] as object) } };
  };
  const fill = (raw: JsonSchema, path: readonly string[], inCriterion: boolean, required = true): unknown => {
    const key = path[path.length - 1] ?? "";
    const node = resolve(raw);
    if (node.readOnly === true) return undefined;
    const ilm = (node["x-ilm"] ?? {}) as { role?: string; criterion?: string };
    const known = path.length === 1 ? context.known(key) : undefined;
    if (known !== undefined && accepts(node, known)) return known;
    if (ilm.role === "unit-ref" && context.unit !== undefined) return context.unit;
    if (Array.isArray(node.enum)) return node.enum[0];
    switch (ilm.role) {
      case "signature": {
        const person = context.person(key);
        return { name: person.name, role: person.signsAs, date: person.signsOn ?? context.date };
      }
      case "person-name":
        return context.person(key).name;
      case "date":
      case "session-date":
        return context.date;
      case "clause":
        return node.type === "boolean" ? true : undefined;
      case "assessment-criteria":
        return undefined; // filled row by row below
      default:
        break;
    }
    switch (node.type) {
      case "object":
        return fillObject(node, path, inCriterion || ilm.criterion !== undefined);
      case "array":
        return fillArray(node, path, inCriterion);
      case "integer":
      case "number": {
        const min = typeof node.minimum === "number" ? node.minimum : 0;
        const max = typeof node.maximum === "number" ? node.maximum : min;
        if (ilm.role === "duration") return Math.min(max, Math.max(min, 60));
        return inCriterion ? max : min;
      }
      case "boolean":
        return true;
      case "string": {
        if (typeof node.pattern === "string") {
          if (!required) return undefined; // a made-up hash or code would mislead
          const pattern = new RegExp(node.pattern, "u");
          const row = Number(path.findLast((step) => /^\d+$/.test(step)) ?? 0);
          return patterned(row).find((candidate) => pattern.test(candidate) && accepts(node, candidate));
        }
        if (node.format === "date") return context.date;
        const text = context.text(key, path);
        return typeof node.maxLength === "number" ? text?.slice(0, node.maxLength) : text;
      }
      default:
        return undefined;
    }
  };
  const fillObject = (node: JsonSchema, path: readonly string[], inCriterion: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
      const value = fill(property, [...path, key], inCriterion, required.has(key));
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  const fillArray = (node: JsonSchema, path: readonly string[], inCriterion: boolean): unknown[] | undefined => {
    const items = resolve((node.items ?? {}) as JsonSchema);
    const lists = Object.entries((items.properties ?? {}) as Record<string, JsonSchema>).filter(([, p]) => (resolve(p)["x-ilm"] as { role?: string } | undefined)?.role === "assessment-criteria");
    if (lists.length > 0 && context.criteriaRows) {
      return context.criteriaRows.map((criteria, row) => ({ ...fillObject(items, [...path, String(row)], inCriterion), ...Object.fromEntries(lists.map(([name]) => [name, criteria])) }));
    }
    const count = typeof node.minItems === "number" ? node.minItems : 0;
    if (count === 0) return undefined;
    return Array.from({ length: count }, (_, row) => fill(items, [...path, String(row)], inCriterion));
  };
  return fillObject(resolve(schema), [], false);
}

/** Whether a known value fits the field's own type and list (a unit the template does not list is refused). */
function accepts(node: JsonSchema, value: unknown): boolean {
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return false;
  if (node.type === "string") return typeof value === "string" && (typeof node.maxLength !== "number" || value.length <= node.maxLength);
  if (node.type === "integer") return Number.isInteger(value);
  return node.type === undefined || typeof value === node.type || (node.type === "object" && typeof value === "object");
}
