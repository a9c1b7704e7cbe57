import { describe, expect, it } from "vitest";
import { criteriaEvidenced, generateDemoPortfolio, registry, unitCriteria, validate, type PortfolioDocument } from "../index.ts";
import { generateDemoPortfolio as generateWithoutData } from "./generateDemoPortfolio.ts";
import { DEMO_PROFILES } from "./profiles.ts";
import { withAssessment } from "./assessmentDocuments.ts";

const template = (id: string, version?: string) => registry.get(id, version)!;
const generatedFrom = (id: string) => registry.get(id)?.annotations.generatedFrom;

describe("generateDemoPortfolio(seed, profile, { assessment: true })", () => {
  for (const profile of DEMO_PROFILES) {
    it(`${profile}: adds the assessment after the learner's documents, which stay byte-identical, and every document is valid`, () => {
      for (const seed of [1, 99]) {
        const plain = generateDemoPortfolio(seed, profile);
        const assessed = generateDemoPortfolio(seed, profile, { assessment: true });
        expect(JSON.stringify(assessed.documents.slice(0, plain.documents.length))).toBe(JSON.stringify(plain.documents));
        expect(JSON.stringify({ ...assessed, documents: [] })).toBe(JSON.stringify({ ...plain, documents: [] }));
        expect(assessed.documents.length).toBeGreaterThan(plain.documents.length);
        const invalid = assessed.documents.map((d) => ({ id: d.id, result: validate(d.template, d.data, { version: d.version }) })).filter((r) => !r.result.valid);
        expect(invalid).toEqual([]);
        expect(new Set(assessed.documents.map((d) => d.id)).size).toBe(assessed.documents.length);
      }
    });
  }

  it("gives every registered unit its authenticity declaration, its introduction where a template introduces it, its result sheet, and every unit that has one its evidence matrix", () => {
    const { registration, documents } = generateDemoPortfolio(3, "diploma-complete", { assessment: true });
    for (const { qualification, unit } of registration) {
      const declarationId = `${qualification}/${registry.qualification(qualification)!.authenticityDeclaration!}`;
      expect(documents.filter((d) => d.template === declarationId && d.data.unit === unit), unit).toHaveLength(1);
      const generated = (kind: string) => documents.filter((d) => generatedFrom(d.template)?.unit === unit && generatedFrom(d.template)?.kind === kind);
      expect(generated("result-sheet"), unit).toHaveLength(1);
      const introduces = registry.list().filter((t) => t.annotations.portfolioPart === "introduction" && t.annotations.criteria?.some((c) => c.startsWith(`${unit}:`)));
      expect(documents.filter((d) => introduces.some((t) => t.id === d.template) && d.data.unit === unit), unit).toHaveLength(introduces.length);
      const hasMatrix = registry.unit(qualification, unit)!.evidenceMatrix !== undefined;
      expect(generated("evidence-matrix"), unit).toHaveLength(hasMatrix ? 1 : 0);
    }
  });

  it("evidences every criterion of every registered unit (Unit 500 by its assignment), and each matrix lists, under each criterion, the documents of the portfolio that evidence it, as many as the matrix takes", () => {
    for (const profile of ["certificate-complete", "diploma-complete"] as const) {
      const { registration, documents } = generateDemoPortfolio(5, profile, { assessment: true });
      const evidenced = new Set(documents.flatMap((d) => criteriaEvidenced(template(d.template, d.version), d.data)));
      for (const r of registration) {
        const missing = unitCriteria(registry.unit(r.qualification, r.unit)!).map((c) => `${r.unit}:${c.id}`).filter((c) => !evidenced.has(c));
        expect(missing, `${profile} ${r.unit}`).toEqual([]);
      }
      const byId = new Map(documents.map((d) => [d.id, d]));
      const matrices = documents.filter((d) => generatedFrom(d.template)?.kind === "evidence-matrix");
      expect(matrices.length).toBe(2);
      for (const matrix of matrices) {
        const unit = generatedFrom(matrix.template)!.unit;
        const sections = matrix.data.sections as Record<string, Record<string, Array<{ title: string; reference: string }>>>;
        const criteria = Object.values(sections).flatMap((section) => Object.entries(section));
        expect(criteria.map(([id]) => id).sort()).toEqual(unitCriteria(registry.unit("ilm-8588", unit)!).map((c) => c.id).sort());
        const limits = Object.values((template(matrix.template).schema.properties as Record<string, { properties: Record<string, { properties: Record<string, { maxItems: number }> }> }>).sections!.properties).flatMap((section) => Object.entries(section.properties));
        for (const [id, rows] of criteria) {
          expect(rows.length, `${unit}:${id}`).toBeGreaterThan(0);
          const all = documents.filter((d) => criteriaEvidenced(template(d.template, d.version), d.data).includes(`${unit}:${id}`)).map((d) => d.id);
          expect(rows.map((row) => row.reference), `${unit}:${id}`).toEqual(all.slice(0, limits.find(([c]) => c === id)![1].maxItems));
          for (const row of rows) {
            const document = byId.get(row.reference)!;
            expect(criteriaEvidenced(template(document.template, document.version), document.data), `${row.reference} under ${unit}:${id}`).toContain(`${unit}:${id}`);
            expect(row.title).toContain(template(document.template).title);
          }
        }
      }
    }
  });

  it("marks every criterion of a result sheet and signs it as the assessor and the QA, after the learner completed the portfolio", () => {
    const { learner, documents } = generateDemoPortfolio(5, "certificate-complete", { assessment: true });
    const sessionDates = documents.filter((d) => d.template === "ilm-8588/session-record").map((d) => String(d.data.sessionDate));
    const lastSession = sessionDates.sort().pop()!;
    for (const sheet of documents.filter((d) => generatedFrom(d.template)?.kind === "result-sheet")) {
      const from = generatedFrom(sheet.template)!;
      const los = sheet.data.learningOutcomes as Record<string, { criteria: Record<string, { decision: string; feedback: string }> }>;
      const decided = Object.values(los).flatMap((lo) => Object.entries(lo.criteria));
      expect(decided.map(([id]) => id).sort()).toEqual(unitCriteria(registry.unit(from.qualification, from.unit)!).map((c) => c.id).sort());
      for (const [id, criterion] of decided) {
        expect(criterion.decision).toBe("Pass");
        expect(criterion.feedback).toMatch(new RegExp(`^AC ${id.replace(".", "\\.")}: `));
      }
      expect(sheet.data.learnerRegistrationNo).toBe(learner.registrationNo);
      const assessor = sheet.data.assessorSignature as { name: string; role: string; date: string };
      const qa = sheet.data.qaSignature as { name: string; role: string; date: string };
      expect([assessor.role, qa.role]).toEqual(["Assessor", "Internal Quality Assurer"]);
      expect(assessor.date > lastSession && qa.date > assessor.date).toBe(true);
    }
  });

  it("fills in a marks scheme's result sheet from its data alone: full marks within each maximum, totalled", () => {
    const qualification = registry.qualifications().find((q) => q.scheme === "marks")!;
    const unit = qualification.units.find((u) => u.current)!;
    const portfolio = withAssessment({ learner: { name: "Priya Shah", registrationNo: "ILM1" }, registration: [{ qualification: qualification.id, unit: unit.id }], documents: [] as PortfolioDocument[] }, registry, { date: "2026-03-02" });
    const sheet = portfolio.documents.find((d) => generatedFrom(d.template)?.kind === "result-sheet")!;
    expect(validate(sheet.template, sheet.data).valid).toBe(true);
    const total = unitCriteria(unit).reduce((sum, c) => sum + c.maxMarks!, 0);
    expect(sheet.data.totalMarks).toBe(total);
    expect(sheet.data.unitOutcome).toBe(`${total} out of ${unit.totalMarks}`);
    for (const document of portfolio.documents) expect(validate(document.template, document.data).errors, document.id).toEqual([]);
  });

  it("needs a date where the portfolio has no session to date it from, and a registry in the engine's version", () => {
    const empty = { learner: { name: "Priya Shah", registrationNo: "ILM1" }, registration: [{ qualification: "ilm-8588", unit: "501" }], documents: [] as PortfolioDocument[] };
    expect(() => withAssessment(empty, registry)).toThrow(/no session date .* options\.date/);
    expect(() => withAssessment({ ...empty, registration: [{ qualification: "ilm-8588", unit: "599" }] }, registry, { date: "2026-01-01" })).toThrow("There is no unit 599 of ilm-8588 to assess");
    expect(() => generateWithoutData(1, "certificate-complete", { assessment: true })).toThrow("generateDemoPortfolio needs options.registry for the assessment: @ilm-forms/core/engine holds no templates");
    expect(generateWithoutData(1, "certificate-complete", { assessment: true, registry })).toEqual(generateDemoPortfolio(1, "certificate-complete", { assessment: true }));
  });
});
