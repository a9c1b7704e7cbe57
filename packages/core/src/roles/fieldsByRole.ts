import type { FieldRole, JsonSchema, Template } from "../registry/types.ts";
import { memoByObject } from "./memoByObject.ts";

/** A field of a template found by its `x-ilm` role. */
export interface RoleField {
  role: FieldRole;
  /** Property names from the root; `*` stands for any row of an array. */
  steps: string[];
  /** The field's title as the template prints it. */
  title: string;
  /** The one criterion the field answers (`x-ilm.criterion`, e.g. `503:1.1`), where it says so. */
  criterion?: string;
  /** What a number in the field counts (`x-ilm.unit`, e.g. `hours` or `minutes` for a duration), where it says so. */
  unit?: string;
  /** On a signature someone other than the writer makes: who (`x-ilm.signer`, e.g. `client`). */
  signer?: string;
}

const NONE: RoleReader[] = [];

/** The readers of each role's fields, built once per schema (the rules read roles many times). */
const readersByRole = memoByObject((schema: JsonSchema): Map<FieldRole, RoleReader[]> => {
  const index = new Map<FieldRole, RoleReader[]>();
  for (const field of fieldsOf(schema)) index.set(field.role, [...(index.get(field.role) ?? []), readerOf(field)]);
  return index;
});

/** The readers of a template's role fields, by role: look them up once per document, then read many roles. */
export type RoleReaders = ReadonlyMap<FieldRole, RoleReader[]>;

/**
 * The readers of every role field of a template (made once per schema).
 *
 * @param template - a bundled template
 * @returns the readers by role
 */
export function roleReaders(template: Template): RoleReaders {
  return readersByRole(template.schema);
}

/**
 * Visits the values of a document at every field of the given role, in the order of `valuesByRole`,
 * without making a `RoleValue` or a pointer for each.
 *
 * @param readers - `roleReaders(template)`
 * @param data - the document
 * @param role - e.g. `session-date`
 * @param visit - called with each value present, the object or array holding it, and its pointer in two parts
 */
export function eachValueIn(readers: RoleReaders, data: unknown, role: FieldRole, visit: RoleVisitor): void {
  const found = readers.get(role);
  if (found !== undefined) for (const reader of found) reader.read(data, visit);
}

/**
 * `valuesByRole` with the template's readers already looked up.
 *
 * @param readers - `roleReaders(template)`
 * @param data - the document
 * @param role - e.g. `session-date`
 * @returns each value present, with its JSON pointer (missing fields are left out)
 */
export function valuesIn(readers: RoleReaders, data: unknown, role: FieldRole): RoleValue[] {
  const found: RoleValue[] = [];
  for (const reader of readers.get(role) ?? NONE) reader.read(data, (value, _container, base, tail) => found.push({ path: base + tail, value, title: reader.field.title }));
  return found;
}

/**
 * The first value present at a role's fields (in the order of `valuesIn`), with no pointer made.
 *
 * @param readers - `roleReaders(template)`
 * @param data - the document
 * @param role - e.g. `session-date`
 * @returns the value, or `undefined` when no field of the role holds one
 */
export function firstValueIn(readers: RoleReaders, data: unknown, role: FieldRole): unknown {
  let first: unknown;
  let found = false;
  eachValueIn(readers, data, role, (value) => {
    if (!found) {
      found = true;
      first = value;
    }
  });
  return first;
}

/**
 * How many values are present at a role's fields that pass a test, with no pointer made.
 *
 * @param readers - `roleReaders(template)`
 * @param data - the document
 * @param role - e.g. `development-need`
 * @param test - which values count
 * @returns the number of values that pass
 */
export function countValuesIn(readers: RoleReaders, data: unknown, role: FieldRole, test: (value: unknown) => boolean): number {
  let n = 0;
  eachValueIn(readers, data, role, (value) => {
    if (test(value)) n++;
  });
  return n;
}

const fieldsOf = memoByObject((schema: JsonSchema): RoleField[] => {
  const fields: RoleField[] = [];
  walk(schema, schema, [], fields, 0);
  return fields;
});

/**
 * Lists every field of a template that carries an `x-ilm` role, its own or its shared definition's.
 * Signatures are leaves: their inner name and date are not listed separately.
 *
 * @param template - a bundled template
 * @returns the fields, in schema order (computed once per schema)
 */
export function fieldsByRole(template: Template): RoleField[] {
  return fieldsOf(template.schema);
}

function walk(root: JsonSchema, node: JsonSchema, steps: string[], out: RoleField[], depth: number): void {
  if (depth > 16) return;
  const schema = resolve(root, node);
  const { role, criterion, unit, signer } = (schema["x-ilm"] as { role?: FieldRole; criterion?: unknown; unit?: unknown; signer?: unknown } | undefined) ?? {};
  if (role && steps.length > 0) {
    const field: RoleField = { role, steps, title: typeof schema.title === "string" ? schema.title : steps[steps.length - 1]! };
    if (typeof criterion === "string") field.criterion = criterion;
    if (typeof unit === "string") field.unit = unit;
    if (typeof signer === "string") field.signer = signer;
    out.push(field);
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
  return valuesIn(readersByRole(template.schema), data, role);
}

/**
 * Called with each value found: the object or array that holds it, and its JSON pointer in two parts
 * (`base + tail`) so that a caller that needs no pointer makes none.
 */
export type RoleVisitor = (value: unknown, container: unknown, base: string, tail: string) => void;

/** Reads the values of one field of a template. */
export interface RoleReader {
  field: RoleField;
  read(data: unknown, visit: RoleVisitor): void;
}

/**
 * A reader for one field, made once: the steps are cut at each `*` into runs of property names, and
 * the JSON pointer of each run is written in advance, so a value's pointer is a few joins.
 */
function readerOf(field: RoleField): RoleReader {
  const runs = runsOf(field.steps);
  const plan: ReadPlan = { runs, pointers: runs.map((run) => run.map((step) => `/${escapeStep(step)}`).join("")), ownOnly: needsOwnCheck(field.steps) };
  return { field, read: (data, visit) => readRun(plan, data, undefined, 0, "", visit) };
}

interface ReadPlan {
  runs: string[][];
  pointers: string[];
  /** `needsOwnCheck(steps)`: some step is also the name of a member every object inherits. */
  ownOnly: boolean;
}

/** One function for every field (so it is optimised once), driven by the field's plan. */
function readRun(plan: ReadPlan, node: unknown, parent: unknown, at: number, base: string, visit: RoleVisitor): void {
  let container = parent;
  const run = plan.runs[at]!;
  for (let i = 0; i < run.length; i++) {
    const step = run[i]!;
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    const next = (node as Record<string, unknown>)[step];
    if (next === undefined || (plan.ownOnly && !Object.hasOwn(node, step))) return;
    container = node;
    node = next;
  }
  if (at === plan.runs.length - 1) {
    if (node !== undefined) visit(node, container, base, plan.pointers[at]!);
    return;
  }
  if (!Array.isArray(node)) return;
  const rowBase = `${base}${plan.pointers[at]!}/`;
  for (let index = 0; index < node.length; index++) readRun(plan, node[index], node, at + 1, rowBase + index, visit);
}

/**
 * Whether reading these steps must ask `Object.hasOwn` at each: only when a step is also the name of a
 * member every object inherits (`constructor`, `toString` ...). For any other name a document's value
 * is its own property or nothing, so one property read answers both questions.
 *
 * @param steps - property names from the root, `*` for any row of an array
 * @returns true when an inherited member could be mistaken for a value
 */
export function needsOwnCheck(steps: string[]): boolean {
  return steps.some((step) => step in Object.prototype);
}

/**
 * A field's steps cut at each `*` into runs of property names: `["rows", "*", "when"]` → `[["rows"], ["when"]]`.
 *
 * @param steps - property names from the root, `*` for any row of an array
 * @returns the runs, one more than there are `*`
 */
export function runsOf(steps: string[]): string[][] {
  const runs: string[][] = [[]];
  for (const step of steps) {
    if (step === "*") runs.push([]);
    else runs[runs.length - 1]!.push(step);
  }
  return runs;
}

/**
 * A property name as one step of a JSON pointer (`~` → `~0`, `/` → `~1`).
 *
 * @param step - a property name
 * @returns the escaped step
 */
export function escapeStep(step: string): string {
  return step.includes("~") || step.includes("/") ? step.replaceAll("~", "~0").replaceAll("/", "~1") : step;
}

/**
 * How many minutes one of a duration field's numbers stands for: 1 where the field counts minutes
 * (`x-ilm.unit: "minutes"`), 60 where it counts hours (as every duration did before minutes).
 *
 * @param field - a duration field
 * @returns minutes per unit
 */
export function minutesPerUnit(field: Pick<RoleField, "unit">): number {
  return field.unit === "minutes" ? 1 : 60;
}
