// Stands in for fast-uri inside the prebuilt entries (decision 043). @rjsf/utils calls only
// `resolve` (making a schema's $refs absolute against its $id, "#" when it has none) and `equal`
// (finding an embedded $id); the platform's URL does both, and fast-uri was 8 kB of a 140 kB page.
// `uriResolver.test.ts` checks it against fast-uri on the ILM templates' $refs and on RFC 3986's
// examples.

/** A base for relative URIs, stripped again from the result. */
const PLACEHOLDER = "http://ilm-forms.invalid";

function isAbsolute(uri: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(uri);
}

/**
 * Resolves a reference against a base URI (RFC 3986 section 5), as `fast-uri`'s `resolve` does.
 *
 * @param base - the base URI, absolute or relative (e.g. "#" or "schema.json")
 * @param reference - the reference to resolve
 * @returns the resolved URI; relative when the base and the reference both are
 */
export function resolve(base: string | undefined, reference: string): string {
  try {
    if (isAbsolute(reference)) return new URL(reference).href;
    if (base !== undefined && isAbsolute(base)) return new URL(reference, base).href;
    const relativeBase = base ?? "";
    const placed = new URL(reference, new URL(relativeBase.startsWith("/") ? relativeBase : `/${relativeBase}`, PLACEHOLDER)).href.slice(PLACEHOLDER.length);
    return relativeBase.startsWith("/") ? placed : placed.slice(1);
  } catch {
    return reference;
  }
}

/**
 * Whether two URIs name the same resource after normalisation, as `fast-uri`'s `equal` does.
 *
 * @param a - one URI
 * @param b - the other
 * @returns true when they are the same
 */
export function equal(a: string, b: string): boolean {
  return resolve(undefined, a) === resolve(undefined, b);
}

export default { resolve, equal };
