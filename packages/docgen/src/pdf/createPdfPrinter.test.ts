import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { orderPortfolio } from "../portfolio/orderPortfolio.ts";
import { renderDocumentHtml, renderPortfolioHtml } from "../render/renderHtml.ts";
import { demoPortfolio } from "../testing/demoPortfolio.ts";
import { registry } from "@ilm-forms/core";
import { ChromiumNotFoundError } from "./chromium.ts";
import { createPdfPrinter } from "./createPdfPrinter.ts";

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

describe("createPdfPrinter()", () => {
  const printer = createPdfPrinter({ pages: 2 });
  afterAll(() => printer.close());

  it("prints a demo portfolio as one PDF whose pages are the contents plus every document's own pages", async () => {
    // Core's demo Certificate portfolio with its assessment, one client's documents kept (each document is printed alone too).
    const { learner, documents } = demoPortfolio({ profile: "certificate-complete", clients: 1 });
    const pdf = await printer.print(renderPortfolioHtml(documents, { learner }));
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
    const ordered = orderPortfolio(registry, documents);
    const perDocument = await Promise.all(ordered.map(async (document) => pageCount(await printer.print(renderDocumentHtml(document)))));
    const contents = await pageCount(await printer.print(renderPortfolioHtml([], { learner })));
    expect(contents).toBe(1);
    expect(perDocument.every((pages) => pages >= 1)).toBe(true);
    // The contents page runs onto a second page once the list of documents is long enough.
    const documentPages = perDocument.reduce((sum, pages) => sum + pages, 0);
    expect(await pageCount(await printer.print(renderPortfolioHtml(documents, { learner, contents: false })))).toBe(documentPages);
    expect(await pageCount(pdf)).toBeGreaterThanOrEqual(contents + documentPages);
    expect(await pageCount(pdf)).toBeLessThanOrEqual(contents + 1 + documentPages);
  });

  it("prints several documents at once through the page pool", async () => {
    const html = renderDocumentHtml({ template: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1 } });
    const pdfs = await Promise.all(Array.from({ length: 5 }, () => printer.print(html)));
    expect(await Promise.all(pdfs.map(pageCount))).toEqual([1, 1, 1, 1, 1]);
  });

  it("says plainly when Chromium is missing", () => {
    expect(() => createPdfPrinter({ executablePath: "/nonexistent/chromium" })).toThrow(ChromiumNotFoundError);
    expect(() => createPdfPrinter({ executablePath: "/nonexistent/chromium" })).toThrow(/PDF output needs Chromium.*CHROMIUM_PATH.*HTML output works without it/);
  });
});
