import { registry } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { generateDocument } from "../testing/generateDocument.ts";
import { seededRandom } from "../testing/random.ts";
import { validExamples } from "../test/examples.ts";
import { expectedTexts } from "../test/expectedTexts.ts";
import { firstOutOfOrder, parseHtml } from "../test/html.ts";
import { renderDocumentHtml } from "./renderHtml.ts";

const examples = validExamples();

describe("renderDocumentHtml()", () => {
  it("has an example for every hand-written template of the registry", () => {
    const handWritten = registry.list().filter((template) => !template.annotations.generatedFrom);
    const covered = new Set(examples.map((example) => example.template));
    expect(handWritten.filter((template) => !covered.has(template.id)).map((t) => t.id)).toEqual([]);
  });

  it.each(examples.map((example) => [`${example.template} #${example.index + 1}`, example] as const))(
    "prints every field title and value of %s, in the template's order",
    (_name, example) => {
      const template = registry.get(example.template)!;
      const { text, elements } = parseHtml(renderDocumentHtml({ template: example.template, data: example.data }));
      const expected = expectedTexts(template, example.data);
      expect(expected.length).toBeGreaterThan(2);
      expect(firstOutOfOrder(text, [template.title, ...expected])).toBeUndefined();
      expect(elements.filter((element) => element.tag === "h1")[0]?.text).toBe(template.title);
    },
  );

  it("marks the chosen score in each 1-to-10 rating row, and only that one", () => {
    const example = examples.find((e) => e.template === "ilm-8588/client-feedback")!;
    const { elements } = parseHtml(renderDocumentHtml({ template: example.template, data: example.data }));
    const rows = elements.filter((element) => element.tag === "tr" && element.text.includes("Builds rapport"));
    expect(rows).toHaveLength(1);
    const chosen = elements.filter((element) => element.tag === "td" && element.classes.includes("chosen")).map((cell) => Number(cell.text));
    const ratings = example.data.ratings as Record<string, number>;
    expect(chosen).toEqual(Object.values(ratings));
    expect(elements.filter((element) => element.tag === "td" && /^\d+$/.test(element.text) && element.text !== "").length).toBeGreaterThanOrEqual(17 * 10);
  });

  it("prints the SWOT as a 2-by-2 grid", () => {
    const example = examples.find((e) => e.template === "ilm-8588/diagnostics")!;
    const { elements } = parseHtml(renderDocumentHtml({ template: example.template, data: example.data }));
    const grid = elements.filter((element) => element.tag === "table" && element.classes.includes("swot-grid"));
    expect(grid).toHaveLength(1);
    const rows = elements.filter((element) => element.tag === "tr" && /Strengths|Opportunities/.test(element.text) && element.text.length < 6000);
    expect(rows.map((row) => /Weaknesses/.test(row.text) || /Threats/.test(row.text))).toEqual([true, true]);
  });

  it("writes the contract's review number into its clause", () => {
    const example = examples.find((e) => e.template === "ilm-8588/contract")!;
    const data = { ...example.data, agreement: { ...(example.data.agreement as object), reviewAfterSessions: 7 } };
    const { elements } = parseHtml(renderDocumentHtml({ template: example.template, data }));
    const clause = elements.find((element) => element.tag === "li" && element.text.includes("To review the contract after"))!;
    expect(clause.text.replaceAll("\u0001", "|")).toContain("To review the contract after |7| sessions");
    expect(elements.filter((element) => element.classes.includes("signature"))).toHaveLength(3);
  });

  it("renders a draft with no data at all", () => {
    for (const template of registry.list()) {
      const html = renderDocumentHtml({ template: template.id, data: {} });
      expect(parseHtml(html).text).toContain(template.title);
    }
  });

  it("renders every template with a generated document, result sheets and evidence matrices included", () => {
    const random = seededRandom(7);
    for (const template of registry.list()) {
      const data = generateDocument(template, random, 0);
      const html = renderDocumentHtml({ template: template.id, data });
      expect(parseHtml(html).text).toContain(template.title);
    }
  });

  it("says which template is missing", () => {
    expect(() => renderDocumentHtml({ template: "ilm-8588/nope", data: {} })).toThrow(/No template "ilm-8588\/nope"/);
  });
});
