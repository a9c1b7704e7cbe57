import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { renderDocumentHtml } from "../render/renderHtml.ts";
import { demoPortfolio } from "../testing/demoPortfolio.ts";
import { firstOutOfOrder, parseHtml } from "../test/html.ts";

const { documents } = demoPortfolio({ profile: "diploma-complete" });
const resultSheets = registry.list().filter((template) => template.annotations.generatedFrom?.kind === "result-sheet");
const matrices = registry.list().filter((template) => template.annotations.generatedFrom?.kind === "evidence-matrix");

describe("result sheets (Appendices 2, 6, 7, 9)", () => {
  it.each(resultSheets.map((template) => [template.id, template] as const))("%s prints every criterion with its descriptors, in order", (_id, template) => {
    const generatedFrom = template.annotations.generatedFrom!;
    const unit = registry.unit(generatedFrom.qualification, generatedFrom.unit, generatedFrom.unitVersion)!;
    const filled = documents.find((document) => document.template === template.id);
    const data = filled?.data ?? {};
    const { text, elements } = parseHtml(renderDocumentHtml({ template: template.id, data }));
    const expected: string[] = ["Centre Number", "Learner Registration No.", ...(unit.resultSheet?.instructions ?? [])];
    const marked = (filled?.data.learningOutcomes ?? {}) as Record<string, { criteria: Record<string, { feedback: string; decision: string }> }>;
    for (const lo of unit.learningOutcomes) {
      expected.push(`Learning Outcome ${lo.number}`);
      for (const criterion of lo.criteria) {
        expected.push(`AC ${criterion.id}`, ...(criterion.descriptors?.referral ?? []), ...(criterion.descriptors?.pass ?? []));
        if (filled) expected.push(marked[lo.number]!.criteria[criterion.id]!.feedback);
      }
      expected.push(`Learning Outcome ${lo.number} comments (optional):`, "QA comments (optional):");
    }
    expected.push("Signature of Assessor", "Signature of QA");
    expect(firstOutOfOrder(text, expected)).toBeUndefined();
    if (filled) {
      // "delete as applicable": the decision not taken is struck through
      const struck = elements.filter((element) => element.tag === "s").map((element) => element.text);
      const passed = Object.values(marked).flatMap((lo) => Object.values(lo.criteria)).filter((criterion) => criterion.decision === "Pass");
      expect(passed).toHaveLength(unit.learningOutcomes.flatMap((lo) => lo.criteria).length);
      expect(struck.filter((label) => label === "Referral")).toHaveLength(passed.length);
      expect([filled.data.assessorDecision, filled.data.unitOutcome]).toEqual(["Pass", "Pass"]);
      expect(struck.filter((label) => label === "REFERRAL")).toHaveLength(2);
      expect(text).toContain((filled.data.assessorSignature as { name: string }).name);
    }
  });
});

describe("a marks unit's result sheet", () => {
  it("prints the total as the outcome, with no PASS / REFERRAL to strike, where the data declares no pass mark", () => {
    const template = resultSheets.find((t) => registry.qualification(t.annotations.generatedFrom!.qualification)?.scheme === "marks")!;
    const generatedFrom = template.annotations.generatedFrom!;
    const unit = registry.unit(generatedFrom.qualification, generatedFrom.unit, generatedFrom.unitVersion)!;
    expect(unit.passMark).toBeUndefined();
    const words = `72 out of ${unit.totalMarks}`;
    const { text, elements } = parseHtml(renderDocumentHtml({ template: template.id, data: { totalMarks: 72, assessorDecision: words, unitOutcome: words } }));
    expect(text).toMatch(new RegExp(`Assessor’s Decision:[\\s\\u0001]*${words}`));
    expect(text).toMatch(new RegExp(`Unit Outcome:[\\s\\u0001]*${words}`));
    expect(text).not.toMatch(/PASS|REFERRAL/);
    expect(elements.filter((element) => element.tag === "s")).toEqual([]);
  });
});

describe("evidence matrices (Appendix 5 and the Reflective Journal matrix)", () => {
  it.each(matrices.map((template) => [template.id, template] as const))("%s prints each criterion beside its evidence", (_id, template) => {
    const generatedFrom = template.annotations.generatedFrom!;
    const unit = registry.unit(generatedFrom.qualification, generatedFrom.unit, generatedFrom.unitVersion)!;
    const filled = documents.find((document) => document.template === template.id);
    const { text } = parseHtml(renderDocumentHtml({ template: template.id, data: filled?.data ?? {} }));
    const expected: string[] = ["Name of learner", "Signature", "Date completed", `Unit ${unit.id}`];
    for (const lo of unit.learningOutcomes) {
      for (const criterion of lo.criteria) {
        expected.push(`AC ${criterion.id}`);
        const sections = (filled?.data.sections ?? {}) as Record<string, Record<string, { title: string; reference: string }[]>>;
        for (const entry of sections[lo.number]?.[criterion.id] ?? []) expected.push(entry.title, entry.reference);
      }
    }
    expect(firstOutOfOrder(text, expected)).toBeUndefined();
  });
});
