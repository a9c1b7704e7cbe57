/**
 * The two helpers ajv's standalone validators call, as one small ES module (the build writes it to
 * `generated/runtime.js`). ajv ships them as CommonJS (`ajv/dist/runtime/ucs2length`,
 * `ajv-formats/dist/formats`); in Node, loading any CommonJS file from an ES module starts the
 * CommonJS loader and its export scanner, which cost more than the validator itself, and in a browser
 * bundle the whole formats file came along for one function. They give the same answers as ajv 8's
 * and ajv-formats 3's (copied from them; `ucs2length` has a fast path for text without surrogates);
 * a test checks them against the originals.
 */

/** Any UTF-16 surrogate: only a string holding one can have fewer code points than code units. */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The length of a string in Unicode code points, as JSON Schema counts `minLength`/`maxLength`
 * (ajv's `ucs2length`, with the same answer for every string). Most text has no surrogate, and then
 * the length is `str.length`: the regular expression engine finds that out natively (for a one-byte
 * string at once), where counting character by character was most of the time of validating a
 * document of free text.
 *
 * @param str - the string
 * @returns its length in code points
 */
export function ucs2length(str: string): number {
  if (!SURROGATE.test(str)) return str.length;
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value: number;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      // high surrogate, and there is a next character
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++; // low surrogate
    }
  }
  return length;
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** full-date of RFC 3339 section 5.6, a date that exists (ajv-formats' `date`). */
function date(str: string): boolean {
  const matches = DATE.exec(str);
  if (!matches) return false;
  const year = +matches[1]!;
  const month = +matches[2]!;
  const day = +matches[3]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

function compareDate(d1: string, d2: string): number | undefined {
  if (!(d1 && d2)) return undefined;
  if (d1 > d2) return 1;
  if (d1 < d2) return -1;
  return 0;
}

/** The formats of ajv-formats' `fullFormats` that the templates use, in the same shape. */
export const fullFormats = {
  date: { validate: date, compare: compareDate },
};
