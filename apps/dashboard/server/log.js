// The dashboard's error log: one JSON object a line on stderr, so text from a request (an address, an
// e-mail, a message that quotes them) can never start a line of its own (ASVS 16.4.1), every entry has
// its time in UTC (16.2.2), and a multi-line stack stays inside its entry.

/**
 * Writes one error to stderr as a JSON line: `{"time","level":"error","where","method","path","message","stack"}`.
 *
 * @param {unknown} error - what was thrown
 * @param {{ where?: string, request?: { method?: string, url?: string } }} [context] - where it happened and the request
 */
export function logError(error, context = {}) {
  const entry = { time: new Date().toISOString(), level: "error" };
  if (context.where) entry.where = context.where;
  if (context.request) {
    entry.method = context.request.method;
    try {
      entry.path = new URL(context.request.url ?? "", "http://localhost").pathname;
    } catch {
      entry.path = String(context.request.url);
    }
  }
  entry.message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof Error && error.cause !== undefined) entry.cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
  if (error instanceof Error && error.stack) entry.stack = error.stack;
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}
