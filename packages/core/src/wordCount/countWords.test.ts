import { describe, expect, it } from "vitest";
import { countWords } from "./countWords.ts";

describe("countWords()", () => {
  it("counts words separated by any white space", () => {
    expect(countWords("Coaching is  a\tpartnership.\n\nIt works.")).toBe(6);
  });

  it("counts hyphenated words, numbers and possessives as one word each", () => {
    expect(countWords("A non-judgmental approach, 360º feedback and Client 1's goals")).toBe(9);
  });

  it("does not count a dash or a bullet standing alone", () => {
    expect(countWords("Barriers – individual · organisational")).toBe(3);
  });

  it("counts words in any script", () => {
    expect(countWords("Café naïve Ångström")).toBe(3);
  });

  it("counts nothing in empty text, white space or a value that is not text", () => {
    expect(countWords("")).toBe(0);
    expect(countWords(" \n\t ")).toBe(0);
    expect(countWords(undefined)).toBe(0);
    expect(countWords(42)).toBe(0);
  });
});
