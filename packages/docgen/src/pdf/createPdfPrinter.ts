import type { Browser, BrowserContext, Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "./chromium.ts";
import { Pool } from "./pagePool.ts";

export interface PdfPrinterOptions {
  /** Chromium's executable; `CHROMIUM_PATH` or `/usr/bin/chromium` when omitted. */
  executablePath?: string;
  /** How many pages print at once (default 2: one a core here). */
  pages?: number;
}

export interface PrintOptions {
  /** Print "Page N of M" at the foot of every page (default true). */
  pageNumbers?: boolean;
}

/** Prints HTML pages to PDF with one browser and a small pool of warm pages. */
export interface PdfPrinter {
  /**
   * @param html - a complete HTML page (from `renderDocumentHtml` or `renderPortfolioHtml`)
   * @returns the PDF bytes
   */
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Closes the browser; the printer cannot be used afterwards. */
  close(): Promise<void>;
}

const FOOTER =
  '<div style="width:100%;font-size:7pt;font-family:Arial,sans-serif;text-align:right;padding:0 13mm;">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

/**
 * Creates a PDF printer over playwright-core and the system's Chromium (never a downloaded one).
 * The browser starts on the first print and is reused; pages come from a pool and are reused too.
 * JavaScript is off in every page and every network request is refused, so a document prints only
 * what its HTML holds.
 *
 * @param options - `executablePath`, `pages`
 * @returns the printer
 * @throws ChromiumNotFoundError (at once) when Chromium is not installed
 */
export function createPdfPrinter(options: PdfPrinterOptions = {}): PdfPrinter {
  const executablePath = findChromium(options.executablePath);
  let starting: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
  let closed = false;

  const start = () => {
    starting ??= (async () => {
      // playwright-core is an optional peer: HTML needs nothing more, a PDF says what to install.
      const { chromium } = await import("playwright-core").catch((error: unknown) => {
        throw new Error(
          `PDF output needs the optional package playwright-core beside @ilm-forms/docgen: run "npm install playwright-core" (HTML output works without it). ${error instanceof Error ? error.message : ""}`.trim(),
        );
      });
      // playwright gives every launch a fresh temporary profile (the --user-data-dir Chromium needs here).
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      return { browser, context };
    })();
    starting.catch(() => {
      starting = undefined;
    });
    return starting;
  };

  const pool = new Pool<Page>(Math.max(1, options.pages ?? 2), async () => (await start()).context.newPage());

  return {
    async print(html, printOptions = {}) {
      if (closed) throw new Error("This PDF printer has been closed");
      return pool.use(async (page) => {
        await page.setContent(html, { waitUntil: "load" });
        const numbers = printOptions.pageNumbers !== false;
        const pdf = await page.pdf({
          format: "A4",
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: numbers,
          headerTemplate: "<span></span>",
          footerTemplate: numbers ? FOOTER : "<span></span>",
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      if (starting) {
        const { browser } = await starting;
        await browser.close();
      }
    },
  };
}
