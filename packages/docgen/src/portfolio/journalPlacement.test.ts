import type { PDFArray, PDFRef } from "pdf-lib";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { createPdfPrinter } from "../pdf/createPdfPrinter.ts";
import { renderPortfolioHtml } from "../render/renderHtml.ts";
import { parseHtml } from "../test/html.ts";
import { demoPortfolio } from "../testing/demoPortfolio.ts";

// The handbook (Unit 503): "the learner must complete a reflective journal evidence template and
// present this at the beginning of their reflective journal after the authentication sheet(s)".
// Read from the printed PDF itself: each document's anchor is a named destination on its first page.
const MATRIX = "Reflective Journal evidence matrix";
const AUTHENTICATION = "Authentication sheet";
const JOURNAL = [
  "Reflective Journal: summary statements for each assessment criteria",
  "Produce an in-depth SWOT analysis for their role as a coach or mentor",
  "Explain how they will monitor and evaluate their own ongoing Continuing Professional Development (CPD) in relation to coaching or mentoring",
];

/** The title (h1) of each document of a portfolio page, by its anchor. */
function titlesByAnchor(html: string): Map<string, string> {
  const titles = new Map<string, string>();
  let anchor: string | undefined;
  for (const element of parseHtml(html).elements) {
    const id = element.attrs.find((a) => a.name === "id")?.value;
    if (element.tag === "article" && id?.startsWith("doc-")) anchor = id;
    else if (element.tag === "h1" && anchor) {
      titles.set(anchor, element.text.replaceAll("\u0001", " ").replace(/\s+/g, " ").trim());
      anchor = undefined;
    }
  }
  return titles;
}

/** The page (from 1) each named destination of a PDF points at. */
function destinationPages(pdf: PDFDocument): Map<string, number> {
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const dests = pdf.catalog.lookup(PDFName.of("Dests"), PDFDict);
  const pages = new Map<string, number>();
  for (const [name, value] of dests.entries()) {
    const target = (pdf.context.lookup(value) as PDFArray).get(0) as PDFRef;
    pages.set(name.decodeText(), pageOf.get(target.toString())!);
  }
  return pages;
}

describe("the portfolio PDF and the Unit 503 journal evidence template", () => {
  const printer = createPdfPrinter({ pages: 1 });
  afterAll(() => printer.close());

  it("prints the Reflective Journal evidence matrix after the authentication sheets and before the journal's evidence", async () => {
    const { learner, registration, documents } = demoPortfolio({ profile: "certificate-complete", clients: 1 });
    const html = renderPortfolioHtml(documents, { learner });
    const pdf = await PDFDocument.load(await printer.print(html));
    const pages = destinationPages(pdf);
    const titles = titlesByAnchor(html);
    const pagesOf = (title: string) => [...titles].filter(([, t]) => t === title).map(([anchor]) => pages.get(anchor)!);
    const [matrix] = pagesOf(MATRIX);
    expect(pagesOf(MATRIX)).toHaveLength(1);
    expect(pagesOf(AUTHENTICATION)).toHaveLength(registration.length);
    for (const page of pagesOf(AUTHENTICATION)) expect(page).toBeLessThan(matrix!);
    for (const title of JOURNAL) {
      expect(pagesOf(title), title).toHaveLength(1);
      expect(pagesOf(title)[0], title).toBeGreaterThan(matrix!);
    }
    expect(pages.size).toBe(documents.length);
  }, 120_000);
});
