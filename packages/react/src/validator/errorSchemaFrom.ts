import type { RJSFValidationError } from "@rjsf/utils";

type ErrorNode = { __errors?: string[]; [child: string]: unknown };

/** JSON pointer segments: `/sessions/2/duration` → `["sessions", "2", "duration"]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * RJSF's `property` of an error, in lodash path syntax: `.sessions.2.duration`. Keys that hold a dot
 * (the evidence matrices' `1.1`) are bracketed, so `toPath` splits the path where the document does.
 *
 * @param pointer - the JSON pointer of the field
 * @returns the property path RJSF expects
 */
export function propertyOf(pointer: string): string {
  return pointerSegments(pointer)
    .map((segment) => (/^[A-Za-z0-9_$]+$/.test(segment) ? `.${segment}` : `['${segment.replaceAll("'", "\\'")}']`))
    .join("");
}

/**
 * Builds RJSF's error tree from the errors' JSON pointers (carried by core's field errors) rather
 * than re-parsing `property`, so no key is ever split on a dot it contains.
 *
 * @param errors - the validation errors; those without a core field error attach by `property`
 * @returns the `ErrorSchema` RJSF shows beside each field
 */
export function errorSchemaFrom(errors: RJSFValidationError[]): ErrorNode {
  const tree: ErrorNode = {};
  for (const error of errors) {
    const pointer = (error as { fieldError?: { path: string } }).fieldError?.path;
    const segments = pointer !== undefined ? pointerSegments(pointer) : (error.property ?? "").split(".").filter(Boolean);
    let node = tree;
    for (const segment of segments) {
      node[segment] ??= {};
      node = node[segment] as ErrorNode;
    }
    (node.__errors ??= []).push(error.message ?? "");
  }
  return tree;
}
