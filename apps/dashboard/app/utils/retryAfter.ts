import type { HeadersFunction } from "@remix-run/node";

/**
 * A route's `headers`: passes the `Retry-After` of its action's answer, or of a response it threw (a
 * refused save, decision 072; used-up password tries, decision 073), on to the page the browser gets;
 * Remix sends a route's action and error headers only through this export.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
