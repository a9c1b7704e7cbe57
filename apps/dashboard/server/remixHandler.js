// Remix behind Express, as @remix-run/express does it (its request and response helpers are not
// exported, so the few lines are here), except that the request body is the one
// server/requestBody.js has already read within the limit, never the socket.
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { withReadScope } from "@ilm-forms/db";
import { withRequestLog } from "./log.js";

/**
 * @param {{ build: any, getLoadContext: (req: any, res: any) => any, mode?: string }} options
 */
export function remixHandler({ build, getLoadContext, mode = process.env.NODE_ENV }) {
  const handleRequest = createRemixHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = toRequest(req, res);
      // One read scope per request: the read caches ask the database's version once, not once per
      // cached read, until the request writes (decision 057).
      // The security events its loaders and actions write name this request (server/log.js).
      const response = await withRequestLog(req, () => withReadScope(async () => handleRequest(request, await getLoadContext(req, res))));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * @param {import("express").Request & { rawBody?: Buffer }} req
 * @param {import("express").Response} res
 */
function toRequest(req, res) {
  // req.hostname follows the "trust proxy" setting; the port comes from X-Forwarded-Host or Host.
  const portOf = (value) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  // X-Forwarded-Host is a client's word unless a trusted proxy wrote it: dropped otherwise, so
  // neither the URL nor Remix's own Origin check reads it.
  const trusted = Boolean(req.app.get("trust proxy"));
  if (!trusted) delete req.headers["x-forwarded-host"];
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  // Abort loaders and actions when the response can no longer be written (closed before it finished).
  let controller = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init = { method: req.method, headers, signal };
  if (req.method !== "GET" && req.method !== "HEAD") Object.assign(init, { body: req.rawBody ?? Buffer.alloc(0), duplex: "half" });
  return new Request(url.href, init);
}

/**
 * @param {import("express").Response} res
 * @param {Response} response
 */
async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) {
    // A route's own policy directives (a download's `sandbox`) join the site's policy as one header.
    const policy = key === "content-security-policy" ? res.getHeader(key) : undefined;
    if (typeof policy === "string") res.setHeader(key, `${policy}; ${value}`);
    else res.append(key, value);
  }
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
