import { describe, expect, it } from "vitest";
import { validate } from "../index.ts";
import { generateDemoPortfolio } from "./generateDemoPortfolio.ts";
import { DEMO_PROFILES } from "./profiles.ts";
import { mulberry32 } from "./prng.ts";

describe("generateDemoPortfolio()", () => {
  for (const profile of DEMO_PROFILES) {
    it(`${profile}: every document is valid against its template`, () => {
      for (const seed of [1, 99, 123456]) {
        const { documents } = generateDemoPortfolio(seed, profile);
        const invalid = documents.map((d) => ({ id: d.id, result: validate(d.template, d.data) })).filter((r) => !r.result.valid);
        expect(invalid).toEqual([]);
      }
    });
  }

  it("gives byte-identical output for the same seed and different output for another", () => {
    const a = JSON.stringify(generateDemoPortfolio(42, "diploma-complete"));
    expect(JSON.stringify(generateDemoPortfolio(42, "diploma-complete"))).toBe(a);
    expect(JSON.stringify(generateDemoPortfolio(43, "diploma-complete"))).not.toBe(a);
  });

  it("registers the Certificate and Diploma learners on their routes' units", () => {
    expect(generateDemoPortfolio(1, "certificate-complete").registration.map((r) => r.unit)).toEqual(["500", "501", "503"]);
    expect(generateDemoPortfolio(1, "diploma-complete").registration.map((r) => r.unit)).toEqual(["500", "502", "503"]);
  });

  it("writes varied text: session records differ from one another", () => {
    const { documents } = generateDemoPortfolio(8, "diploma-60-sessions");
    const records = documents.filter((d) => d.template === "ilm-8588/session-record");
    expect(records).toHaveLength(60);
    const texts = new Set(records.map((r) => `${String(r.data.goal)}|${String(r.data.reality)}|${String(r.data.options)}`));
    expect(texts.size).toBeGreaterThan(40);
  });

  it("rejects an unknown profile", () => {
    expect(() => generateDemoPortfolio(1, "nope" as never)).toThrow("There is no demo profile nope");
  });
});

describe("mulberry32()", () => {
  it("repeats its sequence for a seed", () => {
    const a = mulberry32(5);
    const b = mulberry32(5);
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
    expect(mulberry32(1).next()).toBeCloseTo(0.6270739405881613, 12);
  });
});
