// Evidence files over HTTP, before Remix and before the one body limit of server/requestBody.js:
// an upload is a multipart body up to the file limit (20 MB by default, ten times the page limit),
// streamed through busboy into the data layer, which stops reading at the limit; a download streams
// the stored parts out with headers that keep anything uploaded from running in the dashboard's origin.
// Origin and content type were checked by server/requestGuards.js, mounted before these routes.
import { timingSafeEqual } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Busboy from "busboy";
import { addAttachment, getSession, readAttachment, sessionEndReason } from "@ilm-forms/db";
import { expectedCsrfToken, readCookie, SESSION_COOKIE } from "./csrf.js";
import { refuse } from "./requestBody.js";
import { logError, securityEvent } from "./log.js";

const WRITERS = new Set(["learner", "centre_admin"]);
export const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Room for the form fields and part headers around the file. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/** What an upload answers when the data layer refuses it: status and the message the person reads. */
const REFUSALS = {
  "not-found": [404, "Not found"],
  forbidden: [404, "Not found"],
  locked: [409, "The unit is submitted for assessment: its files cannot change until the assessor returns it."],
  empty: [422, "Choose a file to attach: the file sent was empty."],
  "type-not-allowed": [415, "This kind of file cannot be attached. Attach PDFs, images, audio or video recordings, office documents, e-mails or plain text."],
  "not-registered": [404, "Not found"],
  "unknown-criteria": [422, "One of the criteria chosen is not a criterion of this unit."],
};

/**
 * @param {import("express").Request} req
 * @param {import("@ilm-forms/db").OpenDatabase} database
 * @param {number | undefined} idleMs - the configured idle limit (SESSION_IDLE_MINUTES)
 */
async function sessionOf(req, database, idleMs) {
  const token = readCookie(req.headers.cookie ?? "", SESSION_COOKIE);
  if (!token) return undefined;
  const session = await getSession(database.db, token, { idleMs });
  // As app/utils/auth.server.ts logs it for the pages: these routes come before Remix.
  if (!session) securityEvent("session.ended", { reason: await sessionEndReason(database.db, token, { idleMs }) }, req);
  return session;
}

/** Who a security event of these routes is about. */
const who = (session) => ({ userId: session.scope.userId, centreId: session.scope.centreId });

/** What an upload answers for a refusal of the data layer; a 404 (not in the person's scope) is logged as one. */
function refusal(req, session, reason) {
  const answer = REFUSALS[reason] ?? [422, "The file was not attached."];
  if (answer[0] === 404) securityEvent("access.refused", { rule: "scope", ...who(session) }, req);
  return answer;
}

/** Only a path of this site: the page to go back to after an upload. */
function safePath(value) {
  // eslint-disable-next-line no-control-regex
  if (typeof value !== "string" || value.length > 500 || !/^\/(?![/\\])/.test(value) || /[\\\s\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}

function csrfMatches(req, given, session) {
  const expected = expectedCsrfToken(req.headers.cookie ?? "");
  const matches = typeof given === "string" && expected !== undefined && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!matches) securityEvent("csrf.refused", { reason: typeof given !== "string" || given === "" ? "missing" : "mismatch", ...who(session) }, req);
  return matches;
}

function megabytes(bytes) {
  return `${Math.floor((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * `POST /attachments`: a multipart form with `csrf` (or an `X-CSRF-Token` header), then either
 * `documentId` or `learnerId`, `qualification`, `unit` and any number of `criteria`, then `returnTo`
 * and one `file`, in that order (a browser sends the fields in the order of the form). A file past
 * the limit is answered 413 as soon as the limit is passed; the rest of the body is never read.
 *
 * @param {{ maxAttachmentBytes: number, maxLearnerAttachmentBytes: number, sessionIdleMs?: number }} config
 * @param {import("@ilm-forms/db").OpenDatabase} database
 */
export function attachmentUpload(config, database) {
  const limits = { maxFileBytes: config.maxAttachmentBytes, maxLearnerBytes: config.maxLearnerAttachmentBytes };
  return (req, res, next) => {
    sessionOf(req, database, config.sessionIdleMs).then((session) => upload(req, res, session), next);
  };
  function upload(req, res, session) {
    if (!session) {
      res.setHeader("Connection", "close");
      return refuseRedirect(req, res, `/sign-in?redirectTo=${encodeURIComponent(safePath(req.query.returnTo))}`);
    }
    if (!WRITERS.has(session.scope.role)) {
      securityEvent("access.refused", { rule: "role", role: session.scope.role, ...who(session) }, req);
      return refuse(req, res, 404, "Not found");
    }
    const declared = req.headers["content-length"];
    if (declared !== undefined && !/^\d{1,15}$/.test(declared)) return refuse(req, res, 400, "The Content-Length header is not a number of bytes.");
    if (declared !== undefined && Number(declared) > limits.maxFileBytes + FORM_OVERHEAD_BYTES) return refuse(req, res, 413, tooLarge(limits.maxFileBytes));

    const multipart = /^multipart\/form-data\s*;/i.test(req.headers["content-type"] ?? "");
    let parser;
    try {
      parser = Busboy({ headers: req.headers, defParamCharset: "utf8", limits: { files: 1, fields: 40, parts: 41, fieldSize: 4096, fileSize: limits.maxFileBytes + 1 } });
    } catch {
      return refuse(req, res, 415, "Send the file as a form (multipart/form-data).");
    }
    const fields = { criteria: [] };
    let fileSeen = false;
    let answered = false;
    let fileStream;
    const answer = (status, message) => {
      if (answered) return;
      answered = true;
      req.unpipe(parser);
      // A file still being read ends here, so the data layer's read loop ends too and lets go of what it held.
      fileStream?.destroy();
      refuse(req, res, status, message);
    };
    parser.on("field", (name, value) => {
      if (name === "criteria") fields.criteria.push(value);
      else fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (fileSeen || name !== "file") return stream.resume();
      fileSeen = true;
      fileStream = stream;
      if (!csrfMatches(req, req.headers["x-csrf-token"] ?? fields.csrf, session)) {
        stream.resume();
        return answer(403, "The form has expired or did not come from this site. Go back, reload the page and try again.");
      }
      addAttachment(database.db, session.scope, { target: targetOf(fields), name: info.filename ?? "file", content: stream }, limits).then(
        (result) => {
          if (result.ok) {
            if (answered) return;
            answered = true;
            // The body has been read to its end by now (the file was the last part), or is read and dropped.
            req.resume();
            return res.redirect(303, safePath(fields.returnTo));
          }
          stream.resume();
          if (result.reason === "too-large") {
            return answer(413, result.which === "file" ? tooLarge(limits.maxFileBytes) : `This file would take your files past the ${megabytes(limits.maxLearnerBytes)} a learner may hold (${megabytes(result.limitBytes)} left). Remove a file you no longer need first.`);
          }
          // The document's template allows other kinds or smaller files: its list is named, with the rule.
          if (result.reason === "template-rule") return answer(result.rule === "size" ? 413 : 415, result.message);
          const [status, message] = refusal(req, session, result.reason);
          answer(status, message);
        },
        (error) => {
          if (answered) return;
          logError(error, { where: "attachment upload", request: req });
          answer(500, "The file could not be stored. Try again.");
        },
      );
    });
    parser.on("close", () => {
      if (fileSeen || answered) return;
      if (!csrfMatches(req, req.headers["x-csrf-token"] ?? fields.csrf, session)) return answer(403, "The form has expired or did not come from this site. Go back, reload the page and try again.");
      // No file: the target is still checked (404 for what the caller cannot see, 409 when locked) before "choose a file".
      addAttachment(database.db, session.scope, { target: targetOf(fields), name: "", content: nothing() }, limits).then(
        (result) => {
          const [status, message] = result.ok ? [500, "A file with no content was stored."] : refusal(req, session, result.reason);
          answer(status, result.ok || result.reason === "empty" ? "Choose a file to attach." : message);
        },
        () => answer(500, "The file could not be stored. Try again."),
      );
    });
    parser.on("error", () => answer(400, "The form could not be read."));
    req.on("error", () => (answered = true));
    // The whole body is counted too: a form without a file (or a body that is not multipart) gets
    // the room of the fields only, and no body reads past the file limit and that room.
    const bodyLimit = (multipart ? limits.maxFileBytes : 0) + FORM_OVERHEAD_BYTES;
    let received = 0;
    req.on("data", (chunk) => {
      received += chunk.length;
      if (received > bodyLimit) answer(413, multipart ? tooLarge(limits.maxFileBytes) : "The form is too large.");
    });
    req.pipe(parser);
  }
}

/** Where the form's fields say the file goes. */
function targetOf(fields) {
  return typeof fields.documentId === "string"
    ? { documentId: fields.documentId }
    : { learnerId: String(fields.learnerId ?? ""), qualification: String(fields.qualification ?? ""), unit: String(fields.unit ?? ""), criteria: fields.criteria };
}

async function* nothing() {}

function tooLarge(limit) {
  return `The file is larger than ${megabytes(limit)}, the most a file may be. Attach a smaller file (a shorter recording, or a scan at a lower resolution).`;
}

function refuseRedirect(req, res, location) {
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  res.redirect(302, location);
}

/** `filename=` for old clients (ASCII, quotes and backslashes replaced) and `filename*=` (RFC 6266/8187) with the real name. */
function contentDisposition(name) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * `GET /attachments/:id`: the file, to whoever may see its learner (404 otherwise), always as a
 * download, never sniffed, and in a sandbox with nothing allowed if a browser shows it anyway.
 *
 * @param {import("@ilm-forms/db").OpenDatabase} database
 * @param {{ sessionIdleMs?: number }} config
 */
export function attachmentDownload(database, config) {
  return async (req, res, next) => {
    const session = await sessionOf(req, database, config.sessionIdleMs);
    if (!session) return res.redirect(302, `/sign-in?redirectTo=${encodeURIComponent(req.originalUrl.slice(0, 500))}`);
    const found = ATTACHMENT_ID.test(req.params.id ?? "") ? (await readAttachment(database.db, session.scope, req.params.id)) : undefined;
    if (!found) {
      securityEvent("access.refused", { rule: "scope", ...who(session) }, req);
      return res.status(404).type("text/plain").send("Not found");
    }
    await sendAttachment(req, res, next, found);
  };
}

/**
 * Sends a stored file as a download: its sniffed type, never sniffed again by the browser, never
 * shown inline, and sandboxed with nothing allowed should a browser show it anyway.
 *
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {import("express").NextFunction} next
 * @param {{ attachment: import("@ilm-forms/db").Attachment, content: AsyncIterable<Buffer> }} found
 */
export async function sendAttachment(req, res, next, found) {
  const { attachment, content } = found;
  res.setHeader("Content-Type", attachment.mediaType === "text/plain" || attachment.mediaType === "message/rfc822" ? `${attachment.mediaType}; charset=utf-8` : attachment.mediaType);
  res.setHeader("Content-Length", String(attachment.size));
  res.setHeader("Content-Disposition", contentDisposition(attachment.name));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Cache-Control", "private, no-store");
  res.setHeader("ETag", `"${attachment.sha256}"`);
  if (req.method === "HEAD") return res.end();
  try {
    await pipeline(Readable.from(content), res);
  } catch (error) {
    if (!res.headersSent) next(error);
    else res.destroy();
  }
}
