import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { preloadWordCounting } from "@ilm-forms/react";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { logError } from "../server/log.js";
import { NonceContext } from "./utils/nonce.ts";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;
/**
 * How long a render may take before it is given up. React's server renderer yields between chunks of
 * work (setImmediate), so under overload a page's render shares the process with every other request's
 * and can take seconds of wall time with nothing wrong; the timer is for a render that is stuck, and a
 * page given up is answered 503 with Retry-After (the server is busy), never 500.
 */
const RENDER_GIVE_UP = 30_000;

/**
 * Logs what went wrong on the server, but not an address that matches no page (every scanner probing
 * for /wp-admin would fill the log; the visitor gets the 404 page) nor a request its reader abandoned.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 404) return;
  logError(error, { where: "page", request });
};

/**
 * Renders every page with the request's CSP nonce on Remix's inline scripts (the hydration data
 * of single fetch), so the Content-Security-Policy can forbid every other inline script.
 *
 * The whole document is rendered before it is answered, in one piece with its Content-Length.
 * Every loader here answers at once (SQLite, no deferred data), so streaming the shell first gains
 * a reader nothing, while piping React's small chunks through a Node stream, a web stream and back
 * cost about a tenth of a page's time under load. The abort timer is cleared as soon as the page
 * is done, so a finished render is not kept alive for seconds.
 */
export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = loadContext.cspNonce;
  // The word-count code of @ilm-forms/react is a chunk of its own (decision 048); loaded once before
  // the first render, so a form that counts words renders whole without waiting inside React.
  await preloadWordCounting();
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let shellRendered = false;
    let gaveUp = false;
    // React's abort() renders what is still pending as fallbacks; cleared once the page is done.
    const timer = setTimeout(() => {
      gaveUp = true;
      abort();
    }, RENDER_GIVE_UP);
    const body = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        const html = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(html.byteLength));
        resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          if (gaveUp) {
            responseStatusCode = 503;
            responseHeaders.set("Retry-After", "5");
            return;
          }
          responseStatusCode = 500;
          if (shellRendered) logError(error, { where: "render", request });
        },
      },
    );
  });
}
