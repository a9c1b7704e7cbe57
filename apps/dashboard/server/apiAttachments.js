// Evidence files in the JSON API (docs/api.md), before Remix and the page body limit like the pages'
// upload: a portal sends the file's bytes as the request body, streamed into the data layer up to the
// file limit; it lists, downloads and removes files of its own centre's learners.
import { addAttachment, getAttachment, listAttachments, listLearners, listRegistrations, readAttachment, removeAttachment } from "@ilm-forms/db";
import { ATTACHMENT_ID, sendAttachment } from "./attachments.js";
import { apiScopeOf } from "./apiToken.js";
import { logError } from "./log.js";

/** A JSON answer in the API's error shape (see app/models/api.server.ts). */
function problem(rule, message, path = "") {
  const field = path ? path.slice(1) : "The request";
  return { errors: [{ path, field, location: field, rule, message }] };
}

function send(res, status, body) {
  res.status(status).setHeader("Cache-Control", "no-store");
  res.json(body);
}

/**
 * Answers and closes the connection without reading the rest of the body: the socket is paused and
 * half-closed after the answer (as server/requestBody.js does), so a client still sending reads it.
 */
function refuseWith(req, res, status, body) {
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  res.setHeader("Connection", "close");
  send(res, status, body);
}

function scopeOf(req, database) {
  return apiScopeOf(database.db, req.headers.authorization ?? "", req);
}

function unauthorised(res) {
  res.setHeader("WWW-Authenticate", 'Bearer realm="ilm-forms"');
  send(res, 401, problem("token", "Send your centre's API token as Authorization: Bearer <token>. A token works until the expiry its admin chose, or until it is revoked or replaced: ask your centre admin for a new one"));
}

/** The API's view of an attachment. */
function toJson(a) {
  return { id: a.id, name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256, documentId: a.documentId, qualification: a.qualification, unit: a.unit, criteria: a.criteria, createdAt: a.createdAt, href: `/api/v1/attachments/${a.id}` };
}

// A parameter sent twice (`?learnerNumber=a&learnerNumber=b`) counts once, by its first value, as
// `form.get()` and `searchParams.get()` read pages' parameters (ASVS 15.3.7); a nested one (`?a[b]=c`) not at all.
const text = (value) => (typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : undefined);
const many = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : typeof value === "string" ? value.split(",").filter(Boolean) : []);

async function learnerByNumber(database, scope, learnerNumber) {
  return learnerNumber ? (await listLearners(database.db, scope)).find((l) => l.learnerNumber && l.learnerNumber === learnerNumber) : undefined;
}

/**
 * @param {{ maxAttachmentBytes: number, maxLearnerAttachmentBytes: number }} config
 * @param {import("@ilm-forms/db").OpenDatabase} database
 * @returns {(app: import("express").Express) => void} mounts the routes
 */
export function apiAttachmentRoutes(config, database) {
  const limits = { maxFileBytes: config.maxAttachmentBytes, maxLearnerBytes: config.maxLearnerAttachmentBytes };
  const tooLarge = (which, left) =>
    problem("maxBytes", which === "file" ? `The file is larger than ${limits.maxFileBytes} bytes, the most a file may be` : `The learner's files would pass the ${limits.maxLearnerBytes} bytes a learner may hold (${left} bytes left)`);

  return (app) => {
    // POST /api/v1/attachments?documentId=…&name=…  or  ?learnerNumber=…&unit=…&criteria=501:1.1,501:2.2&name=…
    app.post("/api/v1/attachments", async (req, res) => {
      const scope = await scopeOf(req, database);
      if (!scope) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="ilm-forms"');
        return refuseWith(req, res, 401, problem("token", "Send your centre's API token as Authorization: Bearer <token>. A token works until the expiry its admin chose, or until it is revoked or replaced: ask your centre admin for a new one"));
      }
      const declared = req.headers["content-length"];
      if (declared !== undefined && (!/^\d{1,15}$/.test(declared) || Number(declared) > limits.maxFileBytes)) {
        return refuseWith(req, res, /^\d{1,15}$/.test(declared) ? 413 : 400, /^\d{1,15}$/.test(declared) ? tooLarge("file") : problem("length", "The Content-Length header is not a number of bytes"));
      }
      const query = req.query;
      let target;
      const documentId = text(query.documentId);
      if (documentId) target = { documentId };
      else {
        const learner = await learnerByNumber(database, scope, text(query.learnerNumber));
        const unit = text(query.unit);
        const registration = learner && unit ? (await listRegistrations(database.db, scope, learner.id)).find((r) => r.unit === unit && (!text(query.qualification) || r.qualification === text(query.qualification))) : undefined;
        if (!learner || !registration) {
          return refuseWith(req, res, 404, problem("learner", "There is no learner with this learnerNumber registered on this unit in your centre", "/learnerNumber"));
        }
        target = { learnerId: learner.id, qualification: registration.qualification, unit: registration.unit, criteria: many(query.criteria) };
      }
      let result;
      try {
        result = await addAttachment(database.db, scope, { target, name: text(query.name) ?? "file", content: req.iterator({ destroyOnReturn: false }) }, limits);
      } catch (error) {
        if (req.destroyed) return;
        logError(error, { where: "API attachment upload", request: req });
        return send(res, 500, problem("stored", "The file could not be stored. Try again."));
      }
      if (result.ok) return send(res, 201, toJson(result.attachment));
      const answer = (status, body) => refuseWith(req, res, status, body);
      switch (result.reason) {
        case "too-large":
          return answer(413, tooLarge(result.which, result.limitBytes));
        case "locked":
          return answer(409, { ...problem("locked", "The unit is submitted for assessment: its files cannot change until the assessor returns it"), submission: result.submission });
        case "empty":
          return answer(422, problem("empty", "The body is empty: send the file's bytes as the request body"));
        case "type-not-allowed":
          return answer(415, problem("mediaType", "This kind of file cannot be attached (the type is read from the bytes): PDFs, images, audio, video, office documents, e-mails and plain text can"));
        case "template-rule":
          // The document's template allows other kinds or smaller files: its list is named, with the rule.
          return answer(result.rule === "size" ? 413 : 415, problem("file", result.message));
        case "unknown-criteria":
          return answer(422, problem("criteria", `Not criteria of this unit: ${result.criteria.slice(0, 10).join(", ").slice(0, 200)}`, "/criteria"));
        default:
          return answer(404, problem("target", "There is no such document or learner in your centre"));
      }
    });

    // GET /api/v1/attachments?learnerNumber=…[&documentId=…][&unit=…]
    app.get("/api/v1/attachments", async (req, res, next) => {
      try {
      const scope = await scopeOf(req, database);
      if (!scope) return unauthorised(res);
      const learner = await learnerByNumber(database, scope, text(req.query.learnerNumber));
      if (!learner) return send(res, 404, problem("learner", "There is no learner with this learnerNumber in your centre", "/learnerNumber"));
      const filter = { learnerId: learner.id, ...(text(req.query.documentId) ? { documentId: text(req.query.documentId) } : {}), ...(text(req.query.unit) ? { unit: text(req.query.unit) } : {}) };
      send(res, 200, { attachments: (await listAttachments(database.db, scope, filter)).map(toJson) });
      } catch (error) {
        next(error);
      }
    });

    // GET /api/v1/attachments/:id: the file itself, with the same headers as the pages' download.
    app.get("/api/v1/attachments/:id", async (req, res, next) => {
      const scope = await scopeOf(req, database);
      if (!scope) return unauthorised(res);
      const found = ATTACHMENT_ID.test(req.params.id) ? (await readAttachment(database.db, scope, req.params.id)) : undefined;
      if (!found) return send(res, 404, problem("attachment", "There is no such file in your centre"));
      await sendAttachment(req, res, next, found);
    });

    // DELETE /api/v1/attachments/:id
    app.delete("/api/v1/attachments/:id", async (req, res, next) => {
      try {
      const scope = await scopeOf(req, database);
      if (!scope) return unauthorised(res);
      const result = ATTACHMENT_ID.test(req.params.id) && (await getAttachment(database.db, scope, req.params.id)) ? (await removeAttachment(database.db, scope, req.params.id)) : { ok: false, reason: "not-found" };
      if (result.ok) return res.status(204).end();
      if (result.reason === "locked") return send(res, 409, { ...problem("locked", "The unit is submitted for assessment: its files cannot change until the assessor returns it"), submission: result.submission });
      send(res, 404, problem("attachment", "There is no such file in your centre"));
      } catch (error) {
        next(error);
      }
    });
  };
}
