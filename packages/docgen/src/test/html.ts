import { parse } from "parse5";

export interface HtmlElement {
  tag: string;
  attrs: { name: string; value: string }[];
  classes: string[];
  text: string;
}

type Node = { nodeName: string; tagName?: string; value?: string; data?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

/** Parses an HTML page as a browser would and returns every element (document order) and the body's text. */
export function parseHtml(html: string): { elements: HtmlElement[]; text: string; comments: string[] } {
  const document = parse(html) as unknown as Node;
  const elements: HtmlElement[] = [];
  const comments: string[] = [];
  const textOf = (node: Node): string => {
    if (node.nodeName === "#text") return node.value ?? "";
    return (node.childNodes ?? []).map(textOf).join(node.tagName && BLOCKS.has(node.tagName) ? "\u0001" : "");
  };
  const walk = (node: Node) => {
    if (node.nodeName === "#comment") comments.push(node.data ?? "");
    if (node.tagName) {
      const attrs = node.attrs ?? [];
      elements.push({ tag: node.tagName, attrs, classes: (attrs.find((a) => a.name === "class")?.value ?? "").split(/\s+/).filter(Boolean), text: textOf(node) });
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(document);
  const body = elements.find((element) => element.tag === "body");
  return { elements, text: body?.text ?? "", comments };
}

const BLOCKS = new Set(["td", "th", "li", "p", "h1", "h2", "h3", "div", "tr", "section", "article", "header", "span", "strong", "s", "a"]);

/**
 * Asserts that the texts appear in the page's text in this order; returns the first one that does not.
 * Whitespace is compared loosely (runs of spaces and line breaks as one space).
 */
export function firstOutOfOrder(text: string, expected: string[]): string | undefined {
  const haystack = squash(text);
  let from = 0;
  for (const item of expected) {
    const needle = squash(item);
    if (needle === "") continue;
    const at = haystack.indexOf(needle, from);
    if (at < 0) return item;
    from = at + needle.length;
  }
  return undefined;
}

function squash(text: string): string {
  return text.replaceAll("\u0001", " ").replace(/\s+/g, " ").trim();
}
