/**
 * JSON with object keys sorted at every depth and no whitespace: the same value always gives
 * the same text, which is what hashes (audit chain, submission content) need.
 *
 * @param value - any JSON value (undefined members are dropped, as JSON.stringify does)
 * @returns the canonical JSON text
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}
