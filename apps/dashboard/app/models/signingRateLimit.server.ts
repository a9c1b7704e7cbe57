/** How many requests an address may make to signing pages in a window. */
export const SIGNING_LIMIT = { requests: 30, windowMs: 15 * 60 * 1000 };

const seen = new Map<string, { count: number; resetAt: number }>();

/**
 * Counts a request to a signing page from an address, and says whether it is over the limit. Kept in
 * the server's memory: a signing token has 256 random bits, so this slows a guesser nobody could
 * help anyway, and keeps one address from hammering the page.
 *
 * @param address - the client's address
 * @param now - the time (tests)
 * @returns true when the address has made more requests than the limit in the window
 */
export function signingRateLimited(address: string, now = Date.now()): boolean {
  if (seen.size > 10_000) for (const [key, entry] of seen) if (entry.resetAt <= now) seen.delete(key);
  const entry = seen.get(address);
  if (!entry || entry.resetAt <= now) {
    seen.set(address, { count: 1, resetAt: now + SIGNING_LIMIT.windowMs });
    return false;
  }
  entry.count++;
  return entry.count > SIGNING_LIMIT.requests;
}
