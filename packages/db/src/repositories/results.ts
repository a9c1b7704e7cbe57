/** A record the caller cannot see: another centre's, an unassigned learner's, or none at all. */
export type NotFound = { ok: false; reason: "not-found" };
/** The caller can see the record but its role may not make this change. */
export type Forbidden = { ok: false; reason: "forbidden" };

export const NOT_FOUND: NotFound = Object.freeze({ ok: false, reason: "not-found" }) as NotFound;
export const FORBIDDEN: Forbidden = Object.freeze({ ok: false, reason: "forbidden" }) as Forbidden;
