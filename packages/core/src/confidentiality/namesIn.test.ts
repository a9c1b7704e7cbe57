import { describe, expect, it } from "vitest";
import firstNames from "./firstNames.json" with { type: "json" };
import { mulberry32 } from "../demo/prng.ts";
import { namesIn } from "./findNamedPeople.ts";

// The hand-written character scan that namesIn used before it became one regular expression, kept
// here word for word as the reference the new scan must agree with.
const NAMES = new Set(firstNames.names);
const AMBIGUOUS = new Set(firstNames.ambiguous);
const MONTHS = new Set(["April", "May", "June", "August"]);
const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isLetter = (code: number): boolean => isUpper(code) || isLower(code) || code > 127;

function referenceNamesIn(text: string, known: Set<string> = new Set()): string[] {
  let names: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 65 || code > 90 || (i > 0 && isLetter(text.charCodeAt(i - 1)))) continue;
    let end = i + 1;
    while (end < text.length && isLower(text.charCodeAt(end))) end++;
    if (end === i + 1 || (end < text.length && isUpper(text.charCodeAt(end)))) {
      i = end;
      continue;
    }
    const word = text.slice(i, end);
    if (known.has(word) || NAMES.has(word) || (AMBIGUOUS.has(word) && ambiguousIsName(text, word, i, end))) {
      names ??= [];
      if (!names.includes(word)) names.push(word);
    }
    i = end;
  }
  return names ?? [];
}

function ambiguousIsName(text: string, word: string, at: number, end: number): boolean {
  if (atSentenceStart(text, at)) return false;
  if (!MONTHS.has(word)) return true;
  const next = /^\s+([A-Z][a-z]+)\b/.exec(text.slice(end, end + 40));
  return next !== null && !NAMES.has(next[1]!);
}

function atSentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const char = text[i]!;
    if (char === " " || char === "\t" || char === "\"" || char === "“" || char === "‘" || char === "'" || char === "(") continue;
    return char === "." || char === "!" || char === "?" || char === ":" || char === "\n" || char === ";" || char === "-" || char === "•";
  }
  return true;
}

describe("namesIn() as one regular expression", () => {
  it("finds exactly what the character-by-character scan found, over 5,000 generated texts", () => {
    const { next, pick } = mulberry32(8588);
    const names = [...NAMES];
    const ambiguous = [...AMBIGUOUS];
    const pieces = [
      () => pick(names),
      () => pick(ambiguous),
      () => pick(["Zofia", "Adeyemi", "Oyelaran", "Kettering"]),
      () => pick(["the", "client", "GROW", "Client 1", "McKay", "O'Brien", "Mary-Jane", "Zoë", "São", "naïve", "x2", "_", "Sarahs", "SARAH", "sarah", "A", "I"]),
      () => pick([". ", "! ", "? ", ": ", "; ", "- ", "• ", "\n", " ", " ", " ", "(", "\"", "“", "‘", "'", "’s ", "é", "😀", "1", ","]),
    ];
    const known = new Set(["Zofia", "Adeyemi", "O'Neil", "Grace", "Sarah"]);
    let withNames = 0;
    for (let n = 0; n < 5000; n++) {
      let text = "";
      const length = 1 + Math.floor(next() * 14);
      for (let i = 0; i < length; i++) text += pick(pieces)();
      const knownSet = n % 2 === 0 ? known : new Set<string>();
      const expected = referenceNamesIn(text, knownSet);
      if (expected.length > 0) withNames++;
      expect(namesIn(text, knownSet), JSON.stringify(text)).toEqual(expected);
    }
    expect(withNames).toBeGreaterThan(1000);
  });
});
