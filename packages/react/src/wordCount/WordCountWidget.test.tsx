import { registry } from "@ilm-forms/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IlmModuleForm } from "../form/IlmModuleForm.tsx";
import { bandOf, guidanceText, suggestedOf, suggestionText } from "./WordCountWidget.tsx";
import { countsWords, loadedWordCounting, loadWordCounting } from "./lazyWordCount.tsx";
import { wordCounts } from "@ilm-forms/core/engine";

describe("word counting, loaded only by templates that count words", () => {
  it("finds the word-count fields core counts, and a form without one renders at once without the counting code", () => {
    for (const template of registry.listAllVersions()) expect(countsWords(template), template.id).toBe(wordCounts(template, {}).length > 0);
    expect(registry.listAllVersions().filter(countsWords).length).toBeGreaterThan(0);
    const record = registry.entry("ilm-8588/session-record")!;
    expect(countsWords(record.template)).toBe(false);
    const html = renderToStaticMarkup(<IlmModuleForm template={record} draftKey={false} value={{ clientRef: "Client 7" }} />);
    expect(html).toContain('value="Client 7"');
    expect(loadedWordCounting()).toBeUndefined();
  });
});

describe("the word-count widget's guidance", () => {
  it("reads the suggestion from the field's x-ilm annotation and says where a count stands", () => {
    const suggested = { minimum: 4000, maximum: 5500 };
    expect(suggestedOf({ "x-ilm": { role: "word-count", suggested } })).toEqual(suggested);
    expect(suggestedOf({ "x-ilm": { role: "word-count" } })).toBeUndefined();
    expect(bandOf(3999, suggested)).toBe("below");
    expect(bandOf(4000, suggested)).toBe("within");
    expect(bandOf(5500, suggested)).toBe("within");
    expect(bandOf(5501, suggested)).toBe("above");
    expect(suggestionText({ minimum: 300 })).toBe("at least 300 words");
    expect(guidanceText(3999, suggested)).toBe("Below the suggested word count (4,000 to 5,500 words) by 1 word. This is guidance, not a requirement.");
    expect(guidanceText(3999, suggested, false)).toBe("Below the suggested word count (4,000 to 5,500 words). This is guidance, not a requirement.");
  });

  it("renders in any template whose ui hints name it, counted from the text, not the typed number", async () => {
    // The counting code is its own chunk; a server render (like preloadTemplate) has it loaded first.
    await loadWordCounting();
    const report = registry.entry("ilm-8588/assignment-500")!;
    const html = renderToStaticMarkup(<IlmModuleForm template={report} draftKey={false} value={{ wordCount: 70000, introduction: "One two three", definitions: "four" }} />);
    expect(html).toMatch(/<input id="root_wordCount"[^>]*readonly=""[^>]*value="4"/);
    expect(html).toContain("Below the suggested word count (4,000 to 5,500 words) by 3,996 words.");
    expect(html).toMatch(/role="status" aria-live="polite" aria-atomic="true"><\/span>/);
  });
});
