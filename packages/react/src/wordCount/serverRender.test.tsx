import { registry } from "@ilm-forms/core";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IlmForm, preloadTemplate, preloadWordCounting } from "../index.ts";

// A synchronous server render (`renderToString`) cannot wait for a chunk: a form whose template counts
// words renders whole only once its counting code is loaded, by `preloadWordCounting()` for a template
// module, or by `preloadTemplate()` for a form by id (decision 048). This file starts with neither loaded.
const GUIDANCE = "Below the suggested word count (4,000 to 5,500 words) by 3,996 words. This is guidance, not a requirement.";

describe("a form that counts words, rendered with renderToString", () => {
  const report = registry.entry("ilm-8588/assignment-500")!;
  const data = { learnerName: "Priya Shah", introduction: "One two three", definitions: "four" };

  it("needs the counting code first: without it the render fails instead of sending a form without its count", () => {
    expect(() => renderToString(<IlmForm template={report} draftKey={false} value={data} />)).toThrow(/A component suspended while responding to synchronous input/);
  });

  it("renders the count and the guidance once preloadWordCounting() has resolved", async () => {
    await preloadWordCounting();
    const html = renderToString(<IlmForm template={report} draftKey={false} value={data} />);
    expect(html).toMatch(/<input id="root_wordCount"[^>]*value="4"/);
    expect(html).toContain(GUIDANCE);
  });

  it("renders a form by id whole once preloadTemplate() has resolved (it brings the counting code with the template)", async () => {
    await preloadTemplate("ilm-8588/assignment-500");
    const html = renderToString(<IlmForm template="ilm-8588/assignment-500" draftKey={false} value={data} />);
    expect(html).not.toContain("Loading the form");
    expect(html).toContain(GUIDANCE);
  });
});
