/**
 * The longest text each kind of stored column accepts. Documents are bounded by their templates'
 * schemas (every string has a maxLength) and by the request limit; these bound everything else a
 * person types that the database keeps (and the audit log keeps forever).
 */
export const TEXT_LIMITS = {
  /** RFC 5321: 254 characters at most in an address that can be used. */
  email: 254,
  /** A person's or centre's name. */
  name: 200,
  /** The awarding body's learner number. */
  learnerNumber: 64,
  /** An address as the server saw it (IPv6 with zone at most about 50). */
  ip: 64,
  /** An ISO date. */
  date: 10,
  /** Assessor feedback and comments: the result sheet's bound, so everything stored is printed whole. */
  comments: 5000,
} as const;

/** A text that is too long for its column: nothing was stored. */
export type TooLong = { ok: false; reason: "too-long"; field: string; limit: number };

/**
 * The first of the named texts that is longer than its limit.
 *
 * @param texts - field name → [value, limit]
 * @returns the refusal to return, or undefined when every text fits
 */
export function tooLong(texts: Record<string, [string | null | undefined, number]>): TooLong | undefined {
  for (const [field, [value, limit]] of Object.entries(texts)) {
    if (typeof value === "string" && value.length > limit) return { ok: false, reason: "too-long", field, limit };
  }
  return undefined;
}

/**
 * A text cut to its limit, for values kept only as a record of what was sent (sign-in attempts), where
 * refusing would say nothing more.
 *
 * @param value - the text
 * @param limit - its limit
 * @returns the text, at most `limit` characters
 */
export function boundText(value: string, limit: number): string {
  return value.length > limit ? value.slice(0, limit) : value;
}
