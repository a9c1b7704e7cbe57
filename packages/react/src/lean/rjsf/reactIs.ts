// Stands in for react-is inside the prebuilt entries (decision 043). @rjsf/utils asks it two things
// only (getWidget: is this element a forwardRef, is this a memo), which react-is 18 answers from an
// element's `$$typeof` and its type's `$$typeof`; so does this, in a few lines instead of react-is's
// whole table. `standIns.test.ts` checks it against react-is.
const ELEMENT = Symbol.for("react.element");
const FORWARD_REF = Symbol.for("react.forward_ref");
const MEMO = Symbol.for("react.memo");

function typeOfElement(object: unknown): unknown {
  if (!object || typeof object !== "object" || (object as { $$typeof?: unknown }).$$typeof !== ELEMENT) return undefined;
  const type = (object as { type?: unknown }).type;
  return type && (typeof type === "object" || typeof type === "function") ? (type as { $$typeof?: unknown }).$$typeof : undefined;
}

/**
 * As react-is 18's `isForwardRef`.
 *
 * @param object - anything
 * @returns whether it is a React 18 element of a forwardRef component
 */
export function isForwardRef(object: unknown): boolean {
  return typeOfElement(object) === FORWARD_REF;
}

/**
 * As react-is 18's `isMemo`.
 *
 * @param object - anything
 * @returns whether it is a React 18 element of a memo component
 */
export function isMemo(object: unknown): boolean {
  return typeOfElement(object) === MEMO;
}

export default { isForwardRef, isMemo };
