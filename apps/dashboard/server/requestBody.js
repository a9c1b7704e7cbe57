// One limit for every request body, counted as the bytes arrive (a chunked body has no length to
// check in advance), before any route or parser sees it. A body over the limit is answered 413 at
// once; the connection is closed a moment later, and nothing past the limit is read. What fits is kept as one
// Buffer (`req.rawBody`) and handed to Remix whole (server/remixHandler.js).

/**
 * @param {{ maxBodyBytes: number }} config
 */
export function boundedBody(config) {
  const limit = config.maxBodyBytes;
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") {
      req.rawBody = undefined;
      return next();
    }
    const declared = req.headers["content-length"];
    if (declared !== undefined && !/^\d{1,15}$/.test(declared)) return refuse(req, res, 400, "The Content-Length header is not a number of bytes.");
    if (declared !== undefined && Number(declared) > limit) return refuse(req, res, 413, tooLarge(limit));
    const chunks = [];
    let size = 0;
    let settled = false;
    const onData = (chunk) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        refuse(req, res, 413, tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (settled) return;
      settled = true;
      req.rawBody = Buffer.concat(chunks, size);
      next();
    });
    req.once("error", () => {
      settled = true;
    });
    req.once("aborted", () => {
      settled = true;
    });
  };
}

function tooLarge(limit) {
  return `The request body is larger than ${limit} bytes.`;
}

/**
 * Answers, then closes the connection without reading the rest of the body. The socket is paused
 * (nothing more is read); the answer says `Connection: close`, so no client reuses the connection.
 * Node would destroy the socket as soon as the answer is written, which resets a connection whose
 * client is still sending, and the client can lose the answer: instead the socket is half-closed
 * (the answer, then FIN) and destroyed a moment later.
 */
export function refuse(req, res, status, message) {
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  res.setHeader("Connection", "close");
  res.status(status).type("text/plain").send(message);
}
