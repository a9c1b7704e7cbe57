/**
 * Whether a value is a date written as `YYYY-MM-DD` (the shape only, as `/^\d{4}-\d{2}-\d{2}$/`
 * would say; whether the day exists is the schema's `format: date` to judge). Read character by
 * character: the rules ask it of every session date, and a regular expression costs more per call.
 *
 * @param value - anything
 * @returns true for a string of four digits, a hyphen, two digits, a hyphen and two digits
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : code < 48 || code > 57) return false;
  }
  return true;
}
