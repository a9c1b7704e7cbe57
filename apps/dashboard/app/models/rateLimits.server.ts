import { json } from "@remix-run/node";
import { reserveRequest, type Db } from "@ilm-forms/db";
import { securityEvent } from "../../server/log.js";

/** Logs a refusal of one of these limits (the security log names the limiter) and passes the answer on. */
function logged(limiter: string, refused: boolean): boolean {
  if (refused) securityEvent("rate-limit.refused", { limiter });
  return refused;
}

/** How many requests an address may make to signing pages in a window. */
export const SIGNING_LIMIT = { requests: 30, windowMs: 15 * 60 * 1000 };

/**
 * Counts a request to a signing page from an address, and says whether it is over the limit. Kept in
 * the database (db's `reserveRequest`, an atomic reservation like sign-in's), so every process of the
 * dashboard counts the same requests. A signing token has 256 random bits: this slows a guesser nobody
 * could help anyway, and keeps one address from hammering the page.
 *
 * @param db - the connection
 * @param address - the client's address
 * @param now - the time (tests)
 * @returns true when the address has made as many requests as the limit in the window already
 */
export async function signingRateLimited(db: Db, address: string, now = new Date()): Promise<boolean> {
  return logged("signing-page", !(await reserveRequest(db, { bucket: "signing-page", key: address, requests: SIGNING_LIMIT.requests, windowMs: SIGNING_LIMIT.windowMs, now })));
}

/** The window of the printed-download limit. */
export const PRINTED_DOWNLOAD_WINDOW_MS = 10 * 60 * 1000;

/**
 * Counts a PDF or ZIP download asked for by a person, and says whether it is over their limit: each
 * PDF takes the server's Chromium for a while, so one person asking for hundreds would make everyone
 * wait. Kept in the database like the signing pages' limit, so every process counts the same requests.
 *
 * @param db - the connection
 * @param userId - who asks
 * @param limit - downloads in ten minutes (the `PRINTED_DOWNLOADS_PER_10_MINUTES` setting)
 * @param now - the time (tests)
 * @returns true when the person has asked for as many as the limit in the window already
 */
export async function printedDownloadLimited(db: Db, userId: string, limit: number, now = new Date()): Promise<boolean> {
  return logged("printed-download", !(await reserveRequest(db, { bucket: "printed-download", key: userId, requests: limit, windowMs: PRINTED_DOWNLOAD_WINDOW_MS, now })));
}

/** The window of the document-save and API limits: ten minutes. */
export const SAVE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Counts a document save from a page (a new document or a change) by a person, and, past their limit,
 * gives the answer to send instead of saving: 429 with Retry-After and a message that names the rule.
 * Checked before anything is stored, so a refused save stores nothing; the page keeps the draft in the
 * browser (`DocumentEditor`), so the person saves again once the window has room. Kept in the database
 * like the other limits, so every process counts the same saves (decision 072).
 *
 * @param db - the connection
 * @param userId - who saves
 * @param limit - saves in ten minutes (the `DOCUMENT_SAVES_PER_10_MINUTES` setting)
 * @param now - the time (tests)
 * @returns undefined to go on and save, or the refusal to return from the action
 */
export async function documentSaveRefusal(db: Db, userId: string, limit: number, now = new Date()) {
  if (!logged("document-save", !(await reserveRequest(db, { bucket: "document-save", key: userId, requests: limit, windowMs: SAVE_WINDOW_MS, now })))) return undefined;
  const message = `You have saved documents ${limit === 1 ? "once" : `${limit} times`} in the last ten minutes, as many as the dashboard takes from one person. Nothing was saved this time; your changes are kept in this browser. Wait a few minutes and press Save again.`;
  return json(
    { errors: [{ path: "", field: "The document", location: "The document", rule: "rate-limit", message }] },
    { status: 429, headers: { "Retry-After": String(SAVE_WINDOW_MS / 1000) } },
  );
}
