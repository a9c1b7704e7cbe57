import { registry, type Template } from "@ilm-forms/core";
import { createRegistry } from "@ilm-forms/core/engine";
import { describe, expect, it } from "vitest";
import { renderDocumentHtml, renderGenericDocumentHtml } from "../render/renderHtml.ts";
import { validExamples } from "../test/examples.ts";
import { demoPortfolio } from "../testing/demoPortfolio.ts";
import { generateDocument } from "../testing/generateDocument.ts";
import { seededRandom } from "../testing/random.ts";
import { specialisedPage } from "./specialisedPage.ts";

const templates = registry.listAllVersions();
const forms = templates.filter((template) => !template.annotations.generatedFrom);
const generated = templates.filter((template) => template.annotations.generatedFrom);

/** Both paths print the page; the first differing place is shown when they do not agree. */
function expectSamePage(template: Template, data: Record<string, unknown>): void {
  const document = { template: template.id, version: template.version, data };
  const fast = renderDocumentHtml(document);
  const generic = renderGenericDocumentHtml(document);
  if (fast !== generic) {
    let at = 0;
    while (fast[at] === generic[at]) at++;
    expect(fast.slice(Math.max(0, at - 60), at + 60), `${template.id}@${template.version} at ${at}`).toBe(generic.slice(Math.max(0, at - 60), at + 60));
  }
  expect(fast).toBe(generic);
}

describe("specialised page templates", () => {
  it("exist for every form template of the built-in registry, and only for those", () => {
    expect(forms.filter((template) => !specialisedPage(template)).map((template) => template.id)).toEqual([]);
    expect(generated.filter((template) => specialisedPage(template)).map((template) => template.id)).toEqual([]);
    expect(forms.length).toBeGreaterThan(15);
  });

  it.each(validExamples().map((example) => [`${example.template} #${example.index + 1}`, example] as const))(
    "print %s byte for byte as the generic partials do",
    (_name, example) => {
      const template = registry.get(example.template)!;
      expect(specialisedPage(template)).toBeDefined();
      expectSamePage(template, example.data);
    },
  );

  it("print empty drafts and generated hostile documents of every template (result sheets and evidence matrices included) as the generic partials do", () => {
    const random = seededRandom(20260502);
    let compared = 0;
    for (let round = 0; round < 40; round++) {
      for (const template of templates) {
        expectSamePage(template, round === 0 ? {} : generateDocument(template, random, round % 2 === 0 ? 0.8 : 0.1));
        compared++;
      }
    }
    expect(compared).toBe(40 * templates.length);
  });

  it("print the filled-in result sheets and evidence matrices of a demo portfolio as the generic partials do", () => {
    const { documents } = demoPortfolio({ profile: "diploma-complete" });
    const filled = documents.filter((document) => registry.get(document.template)?.annotations.generatedFrom);
    expect(filled.length).toBeGreaterThan(3);
    for (const document of filled) expectSamePage(registry.get(document.template)!, document.data);
  });

  it("are not used for a run-time template whose layout differs from the built-in one (same id)", () => {
    const original = registry.get("ilm-8588/session-record")!;
    const schema = structuredClone(original.schema);
    (schema.properties as Record<string, { title?: string }>).goal!.title = "Goal <b>changed</b> at run time";
    const changed: Template = { ...original, schema };
    const custom = createRegistry([{ ...registry.entry(original.id)!, template: changed }], []);
    expect(specialisedPage(changed)).toBeUndefined();
    const html = renderDocumentHtml({ template: original.id, data: { goal: "x" } }, { registry: custom });
    expect(html).toContain("Goal &lt;b&gt;changed&lt;/b&gt; at run time");
    expect(html).toBe(renderGenericDocumentHtml({ template: original.id, data: { goal: "x" } }, { registry: custom }));
  });

  it("are used for a run-time registry holding the built-in template unchanged", () => {
    const original = registry.get("ilm-8588/session-record")!;
    const copy: Template = { ...original };
    expect(specialisedPage(copy)).toBeDefined();
  });
});
