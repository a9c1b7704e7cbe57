// Stands in for @rjsf/utils's deepEquals.js (which brings fast-equals) inside the prebuilt entries
// (decision 043). RJSF compares form data, schemas, ui hints and props with it: plain objects,
// arrays, dates and primitives, functions always equal (as RJSF configures fast-equals), circular
// structures allowed. `deepEquals.test.ts` checks it against RJSF's own on those kinds of values.

/**
 * Whether two values are deeply equal, as RJSF's `deepEquals` decides.
 *
 * @param a - one value
 * @param b - the other
 * @returns true when they are equal
 */
export default function deepEquals(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

function equal(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (a === b || (a !== a && b !== b)) return true;
  if (typeof a === "function" || typeof b === "function") return typeof a === "function" && typeof b === "function";
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (a.constructor !== b.constructor) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  try {
    if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => equal(item, (b as unknown[])[index], seen));
    if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
    if (a instanceof RegExp) return String(a) === String(b);
    if (a instanceof Map) return a.size === (b as Map<unknown, unknown>).size && [...a].every(([key, value]) => (b as Map<unknown, unknown>).has(key) && equal(value, (b as Map<unknown, unknown>).get(key), seen));
    if (a instanceof Set) return a.size === (b as Set<unknown>).size && [...a].every((value) => (b as Set<unknown>).has(value));
    const keysOfA = Object.keys(a);
    if (keysOfA.length !== Object.keys(b).length) return false;
    // A React element's _owner differs between renders and may be circular: fast-equals skips it too.
    const isElement = "$$typeof" in a;
    return keysOfA.every((key) => (isElement && key === "_owner") || (Object.prototype.hasOwnProperty.call(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen)));
  } finally {
    seen.delete(a);
  }
}
