import ucs2lengthAjv from "ajv/dist/runtime/ucs2length.js";
import { fullFormats as ajvFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/prng.ts";
import { fullFormats, ucs2length } from "./ajvRuntime.ts";

const original = (ucs2lengthAjv as unknown as { default?: typeof ucs2length }).default ?? (ucs2lengthAjv as unknown as typeof ucs2length);
const ajvDate = ajvFormats.date as { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined };

describe("the runtime module that replaces ajv's CommonJS helpers", () => {
  it("counts string lengths in code points exactly as ajv does", () => {
    for (const text of ["", "Client 1", "naïve", "😀", "a😀b", "\ud83d", "\ude00x", "\ud83d\ud83d\ude00", "日本語", "x".repeat(500), `${"y".repeat(300)}😀`, "\udfff\ud800", "\ud7ff\ue000", "\ud800"]) {
      expect(ucs2length(text), JSON.stringify(text)).toBe(original(text));
    }
  });

  it("counts as ajv does on 5,000 random strings drawn around the surrogate range (the one-byte and no-surrogate fast path included)", () => {
    const random = mulberry32(2020);
    // Code units near the edges that matter: ASCII, Latin-1, just below, inside and just above the surrogates.
    const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0xff], [0xd700, 0xd7ff], [0xd800, 0xdbff], [0xdc00, 0xdfff], [0xe000, 0xe0ff]];
    for (let n = 0; n < 5000; n++) {
      const allowed = ranges.filter(() => random.next() < 0.5);
      let text = "";
      const length = random.int(0, 40);
      for (let i = 0; i < length && allowed.length > 0; i++) {
        const [low, high] = allowed[random.int(0, allowed.length - 1)]!;
        text += String.fromCharCode(random.int(low, high));
      }
      expect(ucs2length(text), JSON.stringify(text)).toBe(original(text));
    }
  });

  it("accepts and rejects the same dates as ajv-formats, every day of four centuries' edge years", () => {
    const years = [1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400, 9999, 0];
    let checked = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          expect(fullFormats.date.validate(text), text).toBe(ajvDate.validate(text));
          checked++;
        }
      }
    }
    expect(checked).toBe(years.length * 14 * 33);
    for (const text of ["2026-2-3", "2026-02-03T00:00:00Z", " 2026-02-03", "2026-02-03\n", "20260203", "", "2026-13-01", "2024-02-29", "2023-02-29"]) {
      expect(fullFormats.date.validate(text), text).toBe(ajvDate.validate(text));
    }
  });

  it("compares dates as ajv-formats does", () => {
    for (const [a, b] of [["2026-01-01", "2026-01-02"], ["2026-01-02", "2026-01-01"], ["2026-01-01", "2026-01-01"], ["", "2026-01-01"]] as const) {
      expect(fullFormats.date.compare(a, b)).toBe(ajvDate.compare(a, b));
    }
  });
});
