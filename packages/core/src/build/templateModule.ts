import type { JsonSchema, Template } from "../registry/types.ts";
import { fullFormats } from "./ajvRuntime.ts";
import { toEsm } from "./toEsm.ts";

/**
 * What ajv's standalone code asks for (`require("…")` plus the property read) and the export of
 * `generated/runtime.js` (built from `ajvRuntime.ts`) that replaces it. Anything else stays an import
 * of ajv's own CommonJS file.
 */
const RUNTIME_EXPORTS: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': "ucs2length",
  'require("ajv-formats/dist/formats").fullFormats': "fullFormats",
};

/**
 * Writes the ES module of one precompiled template: its data and its validator, from ajv's
 * standalone code. Made for start-up time and size:
 *
 * - the template is one `JSON.parse('…')` call, which V8 reads faster than the same object literal
 *   (a JSON string is scanned once; an object literal is parsed as code);
 * - ajv's own copies of the schema (`const schema12 = {…}`) are dropped when the code never reads them,
 *   and otherwise point into the template's schema, which is the very object ajv read them from
 *   (ajv's run-time compile keeps a reference to the caller's schema in the same way).
 *
 * - ajv's CommonJS helpers come from `runtime`, an ES module with the same functions.
 *
 * @param code - ajv's standalone code for the template (ESM mode)
 * @param template - the bundled template the code was compiled from
 * @param runtime - the import specifier of `generated/runtime.js` from this module
 * @returns the module source, exporting `template`, `validate` and `validate` as default
 */
export function templateModule(code: string, template: Template, runtime: string): string {
  const { header, body } = splitImports(toEsm(useRuntime(code, runtime)));
  const { body: withoutExports, validateName } = takeExports(body);
  const statements = replaceSchemaConstants(withoutExports, template.schema, "template.schema");
  return [
    header,
    `export const template = ${jsonParse(template)};`,
    statements,
    `export const validate = ${validateName};`,
    `export default ${validateName};`,
    "",
  ].join("\n");
}

/**
 * `JSON.parse('…')` of a value: the cheapest way to ship a large constant to V8. The JSON text sits in
 * single quotes with only `\\` and `'` escaped, so it stays about the size of the JSON itself.
 *
 * @param value - any JSON value
 * @returns a JavaScript expression that evaluates to a copy of the value
 */
export function jsonParse(value: unknown): string {
  const text = JSON.stringify(value).replace(/[\\']/g, (char) => `\\${char}`).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `JSON.parse('${text}')`;
}

/**
 * Points ajv's helper `require`s at the ES runtime module, as named imports.
 *
 * @param code - ajv's standalone code
 * @param runtime - the import specifier of the runtime module
 * @returns the code, with the import at its top when anything was replaced
 */
export function useRuntime(code: string, runtime: string): string {
  const used = new Set<string>();
  let out = code.replace(/^"use strict";/, "");
  for (const [expression, name] of Object.entries(RUNTIME_EXPORTS)) {
    if (!out.includes(expression)) continue;
    used.add(name);
    out = out.replaceAll(expression, `__ilm_${name}`);
  }
  for (const match of out.matchAll(/__ilm_fullFormats(?:\.([\w$]+)|\[("[^"]+")\])/g)) {
    const format = match[1] ?? (JSON.parse(match[2]!) as string);
    if (!Object.hasOwn(fullFormats, format)) throw new Error(`Format "${format}" is not in src/build/ajvRuntime.ts: add it there (copied from ajv-formats)`);
  }
  if (out.split("__ilm_fullFormats").length - 1 !== [...out.matchAll(/__ilm_fullFormats[.[]/g)].length) throw new Error("ajv's code reads fullFormats as a whole; only single formats are in the runtime");
  if (used.size === 0) return code;
  const names = [...used].map((name) => `${name} as __ilm_${name}`).join(", ");
  return `import { ${names} } from ${JSON.stringify(runtime)};\n${out}`;
}

function splitImports(code: string): { header: string; body: string } {
  const lines = code.split("\n");
  let at = 0;
  while (at < lines.length && (lines[at]!.startsWith("import ") || lines[at]!.startsWith("const __ajvRuntime") || lines[at]!.trim() === "")) at++;
  return { header: lines.slice(0, at).filter((l) => l.trim() !== "").join("\n"), body: lines.slice(at).join("\n") };
}

const EXPORTS = /export const validate = (validate\d+);export default \1;/;

function takeExports(body: string): { body: string; validateName: string } {
  const match = EXPORTS.exec(body);
  if (!match) throw new Error("ajv's standalone code did not export its validator as expected");
  return { body: body.replace(EXPORTS, ""), validateName: match[1]! };
}

/**
 * Finds each `const schemaN = {…};` ajv emitted and drops it when nothing else names it, or replaces
 * its literal with the path of the same subschema of the template (`template.schema.$defs["x"]`).
 * A constant that matches no subschema keeps its value, as `JSON.parse`.
 *
 * @param code - statements of ajv's standalone code
 * @param schema - the schema the code was compiled from
 * @param expression - how the code reaches that schema, e.g. `template.schema`
 * @returns the statements
 */
export function replaceSchemaConstants(code: string, schema: JsonSchema, expression: string): string {
  const constants: Array<{ name: string; start: number; end: number; value: unknown }> = [];
  const declaration = /const (schema\d+) = /g;
  for (let match = declaration.exec(code); match; match = declaration.exec(code)) {
    const valueStart = match.index + match[0].length;
    const valueEnd = endOfJson(code, valueStart);
    if (code[valueEnd] !== ";") throw new Error(`Unexpected code after ${match[1]}`);
    constants.push({ name: match[1]!, start: match.index, end: valueEnd + 1, value: JSON.parse(code.slice(valueStart, valueEnd)) });
    declaration.lastIndex = valueEnd;
  }
  if (constants.length === 0) return code;
  const paths = subschemaPaths(schema, expression);
  let out = "";
  let from = 0;
  for (const constant of constants) {
    out += code.slice(from, constant.start);
    from = constant.end;
    const rest = code.slice(0, constant.start) + code.slice(constant.end);
    if (!new RegExp(`\\b${constant.name}\\b`).test(rest)) continue;
    const path = paths.get(JSON.stringify(constant.value));
    out += `const ${constant.name} = ${path ?? jsonParse(constant.value)};`;
  }
  return out + code.slice(from);
}

/** Every object inside a schema by its JSON text, with the expression that reaches it (the first found). */
function subschemaPaths(schema: JsonSchema, expression: string): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node !== "object" || depth > 32) return;
    const text = JSON.stringify(node);
    if (!paths.has(text)) paths.set(text, path);
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    else for (const [key, value] of Object.entries(node)) walk(value, `${path}[${JSON.stringify(key)}]`, depth + 1);
  };
  walk(schema, expression, 0);
  return paths;
}

/**
 * The index just past the JSON value (object, array, string or scalar) that starts at `start`.
 *
 * @param code - the text
 * @param start - where the value begins
 */
export function endOfJson(code: string, start: number): number {
  let depth = 0;
  let i = start;
  for (; i < code.length; i++) {
    const char = code[i]!;
    if (char === '"') {
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === "\\") i++;
      if (depth === 0) return i + 1;
    } else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (char === ";" || char === "," || char === ")")) return i;
  }
  throw new Error("Unterminated JSON value in generated code");
}
