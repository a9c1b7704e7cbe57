import { registry } from "@ilm-forms/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IlmModuleForm } from "../form/IlmModuleForm.tsx";
import { bandOf, guidanceText, suggestedOf, suggestionText } from "./WordCountWidget.tsx";
import { loadWordCounting } from "./lazyWordCount.tsx";

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
