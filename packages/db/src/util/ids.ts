import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A new random id (UUID v4 text: portable to PostgreSQL's `text` or `uuid`). */
export function newId(): string {
  return randomUUID();
}

/** SHA-256 of a string, as lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A random secret of 32 bytes as base64url (43 characters): session and API tokens. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The current time as an ISO-8601 UTC string (fixed width, so text order is time order). */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
