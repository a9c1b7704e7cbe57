// A static server for a built portal, with the Content-Security-Policy a careful centre sets.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

/**
 * @param dir - the built site
 * @param csp - the policy header, or null for none (the baseline needs eval)
 * @returns the server's address and a way to close it
 */
export function serveStatic(dir, csp = STRICT_CSP) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://portal").pathname;
    const file = join(dir, normalize(path === "/" ? "/index.html" : path));
    const headers = csp ? { "content-security-policy": csp } : {};
    if (!file.startsWith(dir)) return void response.writeHead(403, headers).end();
    // The fixture pages have no icon; a 404 for the one Chromium asks for would read as a console error.
    if (path === "/favicon.ico") return void response.writeHead(204, headers).end();
    try {
      const content = await readFile(file);
      response.writeHead(200, { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(content);
    } catch {
      response.writeHead(404, headers).end("Not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
