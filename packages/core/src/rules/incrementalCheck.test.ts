import { describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "../demo/generateDemoPortfolio.ts";
import { mulberry32, type Random } from "../demo/prng.ts";
import type { PortfolioDocument } from "../portfolio/types.ts";
import { builtinRegistry as registry } from "../registry/builtinRegistry.ts";
import { checkPortfolio, createPortfolioChecker } from "./checkPortfolio.ts";

// The incremental checker keeps what it read of each unchanged document; its answers must be exactly
// the full check's after any edit. Edits are random but seeded: a value anywhere in a document
// (a duration, a date, a client reference, a name in free text, a row), a document removed, one added
// back, an approval given, a signature made by its signer, a revision with the same data.

const options = { registry, today: "2027-06-01" };
const TEXTS = ["Client 3", "client 1", "I met Priya Shah to review the plan.", "", "2026-02-03", "2027-09-09", "  ", "Client 12"];

/** A copy of the data with one value somewhere in it (a leaf, or a row of an array) replaced. */
function edited(data: Record<string, unknown>, random: Random): Record<string, unknown> {
  const copy = structuredClone(data);
  let container: Record<string, unknown> | unknown[] = copy;
  for (let depth = 0; depth < 6; depth++) {
    const keys: (string | number)[] = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    if (keys.length === 0) break;
    const key = keys[Math.floor(random.next() * keys.length)]!;
    const value = (container as Record<string | number, unknown>)[key];
    if (value !== null && typeof value === "object" && random.next() < 0.8) {
      if (Array.isArray(value) && value.length > 0 && random.next() < 0.15) {
        value.splice(Math.floor(random.next() * value.length), 1);
        return copy;
      }
      container = value as Record<string, unknown> | unknown[];
      continue;
    }
    const replacement =
      typeof value === "number" ? Math.floor(random.next() * 300) : typeof value === "boolean" ? !value : TEXTS[Math.floor(random.next() * TEXTS.length)]!;
    (container as Record<string | number, unknown>)[key] = replacement;
    return copy;
  }
  return copy;
}

describe("createPortfolioChecker()", () => {
  for (const [profile, unit] of [["diploma-60-sessions", "502"], ["certificate-complete", "501"], ["certificate-complete", "503"]] as const) {
    it(`answers exactly as checkPortfolio after each of 150 random edits (${profile}, Unit ${unit})`, () => {
      const random = mulberry32(unit.length * 7919 + profile.length);
      const rng = (): number => random.next();
      const { documents } = generateDemoPortfolio(60, profile);
      const checker = createPortfolioChecker(options);
      let current: PortfolioDocument[] = documents.map((d) => ({ ...d, revision: 1 }));
      const removed: PortfolioDocument[] = [];
      expect(checker.check(unit, current)).toEqual(checkPortfolio(unit, current, options));
      let changedAnswers = 0;
      let previous = JSON.stringify(checkPortfolio(unit, current, options));
      for (let step = 0; step < 150; step++) {
        const roll = rng();
        const at = Math.floor(rng() * current.length);
        const doc = current[at]!;
        if (roll < 0.7) {
          current = current.with(at, { ...doc, data: edited(doc.data, random), revision: Number(doc.revision ?? 0) + 1 });
        } else if (roll < 0.78 && current.length > 10) {
          removed.push(doc);
          current = current.toSpliced(at, 1);
        } else if (roll < 0.86 && removed.length > 0) {
          current = [...current, removed.pop()!];
        } else if (roll < 0.9) {
          current = current.with(at, { ...doc, approved: !doc.approved });
        } else if (roll < 0.95) {
          current = current.with(at, { ...doc, signerSignatures: { clientSignature: { name: "A Client", date: "2026-03-01", matching: rng() < 0.5 } } });
        } else {
          // The same revision, a new object with equal data: nothing to read again, nothing changes.
          current = current.with(at, { ...doc, data: structuredClone(doc.data) });
        }
        const full = checkPortfolio(unit, current, options);
        expect(checker.check(unit, current)).toEqual(full);
        const now = JSON.stringify(full);
        if (now !== previous) changedAnswers++;
        previous = now;
      }
      // The edits reached the answers (otherwise equality would prove little).
      expect(changedAnswers).toBeGreaterThan(20);
      expect(checker.size).toBe(current.length);
    });
  }

  it("takes a document with the same id and revision as unchanged, and reads it again at a new revision", () => {
    const { documents } = generateDemoPortfolio(60, "diploma-60-sessions");
    const checker = createPortfolioChecker(options);
    const portfolio = documents.map((d) => ({ ...d, revision: 1 }));
    const before = checker.check("502", portfolio);
    const at = portfolio.findIndex((d) => d.template.endsWith("/hours-log"));
    const rows = portfolio[at]!.data.sessions as { duration: number }[];
    const emptied = { ...portfolio[at]!, data: { ...portfolio[at]!.data, sessions: rows.map((r) => ({ ...r, duration: r.duration * 2 })) } };
    // Same revision: the checker keeps what it read (the caller promised nothing changed).
    expect(checker.check("502", portfolio.with(at, emptied))).toEqual(before);
    const after = checker.check("502", portfolio.with(at, { ...emptied, revision: 2 }));
    expect(after).toEqual(checkPortfolio("502", portfolio.with(at, emptied), options));
    expect(after.summary.coachingHours).not.toBe(before.summary.coachingHours);
  });

  it("hands out answers of the caller's own: changing one changes nothing the next re-check says", () => {
    const { documents } = generateDemoPortfolio(60, "diploma-60-sessions");
    const checker = createPortfolioChecker(options);
    let portfolio = documents.map((d) => ({ ...d, revision: 1 }));
    const expected = structuredClone(checkPortfolio("502", portfolio, options));
    // A caller that scribbles on what it was given (every list and figure the checker might keep).
    const scribble = (answer: ReturnType<typeof checkPortfolio>): void => {
      for (const finding of answer.findings) {
        finding.status = "not met";
        finding.reasons.push("scribbled");
        finding.pointers.push({ document: "scribbled" });
      }
      answer.summary.hoursByClient["Client 1"] = -1;
      answer.summary.clients.push("scribbled");
      answer.summary.hoursDisagreements.push({ client: "x", logHours: 1, recordHours: 2, pointers: [] });
      answer.summary.invalidDocuments.push({ document: "x", template: "x", errors: [] });
      answer.summary.unknownDocuments.push("x");
    };
    const at = portfolio.findIndex((d) => d.template.endsWith("/reflective-log"));
    // Nothing changed, then a reflective log read again at a new revision with the same data: the answers stand.
    for (let step = 0; step < 4; step++) {
      if (step === 2) portfolio = portfolio.with(at, { ...portfolio[at]!, data: structuredClone(portfolio[at]!.data), revision: 2 });
      const answer = checker.check("502", portfolio);
      expect(answer).toEqual(expected);
      scribble(answer);
    }
    expect(checkPortfolio("502", portfolio, options)).toEqual(expected);
  });
});
