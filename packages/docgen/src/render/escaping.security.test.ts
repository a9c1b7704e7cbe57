import { registry, type PortfolioDocument } from "@ilm-forms/core";
import { describe, expect, it } from "vitest";
import { generateDocument, HOSTILE_STRINGS } from "../testing/generateDocument.ts";
import { seededRandom } from "../testing/random.ts";
import { type HtmlElement, parseHtml } from "../test/html.ts";
import { renderDocumentHtml, renderPortfolioHtml } from "./renderHtml.ts";

// Everything the templates themselves write. Anything else in a parsed page came from data.
const TAGS = new Set(["html", "head", "body", "meta", "title", "style", "article", "header", "section", "p", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "span", "strong", "s", "a", "br", "div"]);
const CLASSES = new Set(["document", "doc-header", "criteria", "intro", "help", "kv", "grid", "text", "signature", "sign", "date-label", "date", "ratings", "chosen", "group", "swot", "swot-grid", "clauses", "tick", "inline-number", "rows", "entry", "list", "instructions", "result", "ac", "feedback", "decision", "note", "lo", "decisions", "matrix", "ref", "contents", "toc", "number", "caption"]);
const ATTRIBUTES: Record<string, RegExp> = {
  lang: /^en-GB$/,
  charset: /^utf-8$/,
  "http-equiv": /^Content-Security-Policy$/,
  name: /^generator$/,
  content: /^(default-src 'none'; style-src 'unsafe-inline'; img-src data:|@ilm-forms\/docgen)$/,
  id: /^doc-\d+$/,
  href: /^#doc-\d+$/,
  scope: /^(row|col|rowgroup)$/,
  rowspan: /^\d+$/,
  colspan: /^\d+$/,
};

function intruders(elements: HtmlElement[]): string[] {
  const found: string[] = [];
  for (const element of elements) {
    if (!TAGS.has(element.tag)) found.push(`<${element.tag}>`);
    for (const { name, value } of element.attrs) {
      if (name === "class") {
        for (const cls of value.split(/\s+/).filter(Boolean)) if (!CLASSES.has(cls)) found.push(`class ${cls}`);
      } else if (!ATTRIBUTES[name]?.test(value)) found.push(`${name}=${value}`);
    }
  }
  return found;
}

describe("escaping (security): data never becomes markup", () => {
  const templates = registry.list();

  it("prints thousands of generated hostile documents without an element or attribute from data", () => {
    const random = seededRandom(20260501);
    let rendered = 0;
    for (let round = 0; round < 80; round++) {
      for (const template of templates) {
        const data = generateDocument(template, random, 0.8);
        const html = renderDocumentHtml({ template: template.id, data });
        const page = parseHtml(html);
        const found = intruders(page.elements);
        if (found.length > 0) throw new Error(`${template.id} (round ${round}): ${found.join(", ")}`);
        expect(page.comments).toEqual([]);
        expect(page.elements.filter((element) => element.tag === "style")).toHaveLength(1);
        expect(page.elements.filter((element) => element.tag === "title")[0]?.text).toBe(template.title);
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(2000);
  });

  it("would notice markup that came from data (the check itself)", () => {
    const page = parseHtml('<html><body><p class="kv x" onclick="y"><script>1</script><a href="javascript:alert(1)">z</a></p></body></html>');
    expect(intruders(page.elements)).toEqual(["class x", "onclick=y", "<script>", "href=javascript:alert(1)"]);
  });

  it("keeps hostile text as text: it is printed, not interpreted", () => {
    const html = renderDocumentHtml({ template: "ilm-8588/session-record", data: { clientRef: HOSTILE_STRINGS[0], goal: HOSTILE_STRINGS[1], nextSession: "javascript:alert(1)" } });
    const { text } = parseHtml(html);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script>");
    expect(html).not.toMatch(/<img/);
  });

  it("escapes the learner and captions of a hostile portfolio", () => {
    const random = seededRandom(99);
    const documents: PortfolioDocument[] = templates.map((template, index) => ({ id: `d${index}`, template: template.id, data: generateDocument(template, random, 1) }));
    const html = renderPortfolioHtml(documents, { learner: { name: HOSTILE_STRINGS[0], registrationNo: HOSTILE_STRINGS[1] }, title: HOSTILE_STRINGS[5] });
    const page = parseHtml(html);
    expect(intruders(page.elements)).toEqual([]);
    expect(page.text).toContain(HOSTILE_STRINGS[0]);
  });

  it("ignores prototype keys in data (no prototype lookups through Handlebars)", () => {
    const data = JSON.parse('{"__proto__": {"polluted": "<b>x</b>"}, "clientRef": "Client 1", "constructor": {"name": "<i>y</i>"}}') as Record<string, unknown>;
    const page = parseHtml(renderDocumentHtml({ template: "ilm-8588/session-record", data }));
    expect(intruders(page.elements)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
