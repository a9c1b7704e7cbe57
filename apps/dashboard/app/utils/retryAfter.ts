import type { HeadersFunction } from "@remix-run/node";

/**
 * A route's `headers`: passes its action's `Retry-After` (a refused save, decision 072) on to the page
 * the browser gets; Remix sends a route's action headers only through this export.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
