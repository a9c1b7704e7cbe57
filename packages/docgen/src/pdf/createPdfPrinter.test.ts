import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { orderPortfolio } from "../portfolio/orderPortfolio.ts";
import { renderDocumentHtml, renderPortfolioHtml } from "../render/renderHtml.ts";
import { demoPortfolio } from "../testing/demoPortfolio.ts";
import { registry } from "@ilm-forms/core";
import { CHROMIUM_ARGS, ChromiumNotFoundError, findChromium } from "./chromium.ts";
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

  it("fetches nothing from the network while printing: a document's text, and even raw HTML, reach no server (ASVS 13.2.4/13.2.5)", async () => {
    // A local server records every request that reaches it: Chromium must make none.
    const hits: string[] = [];
    const beacon = createServer((request, response) => {
      hits.push(request.url ?? "");
      response.writeHead(200, { "Content-Type": "image/svg+xml" }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    });
    await new Promise<void>((resolve) => beacon.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
    // Chromium's own Local Network Access checks would hide a fetch to 127.0.0.1 from a page without
    // an origin; the same Chromium with them off shows what the printer itself refuses.
    const dir = mkdtempSync(join(tmpdir(), "ilm-chromium-"));
    const open = join(dir, "chromium");
    const extra = "LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults";
    // (Given after playwright's own --disable-features, this list is the one that Chromium uses.)
    writeFileSync(open, `#!/bin/sh\nexec ${findChromium()} "$@" --disable-features=${extra}\n`, { mode: 0o755 });
    const html = (marker: string) => `<!doctype html><html><head>
        <link rel="stylesheet" href="${origin}/${marker}-link">
        <style>@import url("${origin}/${marker}-import"); body { background: url("${origin}/${marker}-background"); }
          @font-face { font-family: X; src: url("${origin}/${marker}-font"); } p { font-family: X; }</style>
        <script src="${origin}/${marker}-script"></script>
        </head><body><p>Hello</p>
        <img src="${origin}/${marker}-img"><img srcset="${origin}/${marker}-srcset 1x">
        <iframe src="${origin}/${marker}-iframe"></iframe><object data="${origin}/${marker}-object"></object>
        <video poster="${origin}/${marker}-poster"></video>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        </body></html>`;
    const openPrinter = createPdfPrinter({ executablePath: open, pages: 1 });
    try {
      // The probe sees a fetch: a plain page of that Chromium loads the page's resources from the server.
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: open, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      await page.setContent(html("probe"), { waitUntil: "load" });
      await browser.close();
      expect(hits.filter((h) => h.startsWith("/probe-")).length).toBeGreaterThan(3);
      hits.length = 0;
      // 1. HTML that asks for the network in every way a page can, printed as it is on a fresh page
      // (before any rendered document, whose Content-Security-Policy stays with a reused page): the printer alone refuses.
      const pdf = await openPrinter.print(html("printer"));
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
      // 2. Through the renderer: a learner's text is printed as text.
      const text = `<img src="${origin}/text-img"><link rel="stylesheet" href="${origin}/text-link">`;
      const document = renderDocumentHtml({ template: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 1, reality: text, goal: text } });
      expect(document).not.toContain(`<img src="${origin}`);
      await openPrinter.print(document);
      expect(hits).toEqual([]);
    } finally {
      await openPrinter.close();
      beacon.closeAllConnections();
      await new Promise((resolve) => beacon.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says plainly when Chromium is missing", () => {
    expect(() => createPdfPrinter({ executablePath: "/nonexistent/chromium" })).toThrow(ChromiumNotFoundError);
    expect(() => createPdfPrinter({ executablePath: "/nonexistent/chromium" })).toThrow(/PDF output needs Chromium.*CHROMIUM_PATH.*HTML output works without it/);
  });
});
