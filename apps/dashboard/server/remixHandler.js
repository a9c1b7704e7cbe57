// Remix behind Express, as @remix-run/express does it, except that the request body is the one
// server/requestBody.js has already read within the limit, never the socket.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express";
import { createRequestHandler as createRemixHandler } from "@remix-run/node";

/**
 * @param {{ build: any, getLoadContext: (req: any, res: any) => any, mode?: string }} options
 */
export function remixHandler({ build, getLoadContext, mode = process.env.NODE_ENV }) {
  const handleRequest = createRemixHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = toRequest(req, res);
      const response = await handleRequest(request, await getLoadContext(req, res));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toRequest(req, res) {
  if (req.method === "GET" || req.method === "HEAD") return createRemixRequest(req, res);
  // createRemixRequest reads the body from the socket; ask it for the URL, headers and abort signal
  // of a body-less request and put the bounded body in.
  const method = req.method;
  req.method = "GET";
  let base;
  try {
    base = createRemixRequest(req, res);
  } finally {
    req.method = method;
  }
  return new Request(base.url, { method, headers: base.headers, signal: base.signal, body: req.rawBody ?? Buffer.alloc(0), duplex: "half" });
}
