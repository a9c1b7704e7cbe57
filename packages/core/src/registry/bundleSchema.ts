import type { JsonSchema } from "./types.ts";

/**
 * Reads a schema file by its path relative to the `schemas/` folder.
 * Supplied by the caller so that bundling works on disk (Node) and on data already in memory.
 */
export type SchemaReader = (path: string) => JsonSchema;

/**
 * Inlines every relative `$ref` (for example `../../common/date.schema.json`) of a template under
 * its own `$defs`, so that the result is one self-contained schema that ajv, RJSF and the document
 * generator can use without loading other files.
 *
 * @param path - the template's path relative to `schemas/`, e.g. `ilm-8588/templates/session-record.schema.json`
 * @param read - reads a schema file by its path relative to `schemas/`
 * @returns the bundled schema; `$defs` keys are the shared files' paths with `/` as `.` (`common.date`)
 */
export function bundleSchema(path: string, read: SchemaReader): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const root = rewrite(read(path), dirOf(path), defs, read, [path]) as JsonSchema;
  if (Object.keys(defs).length === 0) return root;
  return { ...root, $defs: { ...(root.$defs as object | undefined), ...defs } };
}

/** Keywords whose value is data, not a schema: never rewritten. */
const DATA_KEYWORDS = new Set(["x-ilm", "const", "default", "examples", "enum", "required", "title", "description"]);
/** Keywords whose value maps names to schemas: their keys are names, not keywords. */
const SCHEMA_MAPS = new Set(["properties", "$defs", "patternProperties", "dependentSchemas"]);

function rewrite(node: unknown, dir: string, defs: Record<string, JsonSchema>, read: SchemaReader, stack: string[], isMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, dir, defs, read, stack));
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (isMap) {
      out[key] = rewrite(value, dir, defs, read, stack);
    } else if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) {
      const target = joinPath(dir, value);
      const name = defName(target);
      if (stack.includes(target)) throw new Error(`Circular $ref: ${[...stack, target].join(" -> ")}`);
      if (!(name in defs)) {
        defs[name] = {};
        const { $schema: _ignored, ...shared } = rewrite(read(target), dirOf(target), defs, read, [...stack, target]) as JsonSchema;
        defs[name] = shared;
      }
      out.$ref = `#/$defs/${name}`;
    } else if (DATA_KEYWORDS.has(key)) {
      out[key] = value;
    } else {
      out[key] = rewrite(value, dir, defs, read, stack, SCHEMA_MAPS.has(key));
    }
  }
  return out;
}

function dirOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at === -1 ? "" : path.slice(0, at);
}

function joinPath(dir: string, relative: string): string {
  const parts = dir ? dir.split("/") : [];
  for (const part of relative.split("/")) {
    if (part === "..") {
      if (parts.length === 0) throw new Error(`$ref leaves the schemas folder: ${relative}`);
      parts.pop();
    } else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

function defName(path: string): string {
  return path.replace(/\.schema\.json$/, "").replaceAll("/", ".");
}
