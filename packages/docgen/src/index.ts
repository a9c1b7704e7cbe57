// The public API of @ilm-forms/docgen: what is not listed here is private.

/** Renders one document as an HTML page with print CSS. See `render/renderHtml.ts`. */
export { renderDocumentHtml, renderPortfolioHtml } from "./render/renderHtml.ts";
export type { DocumentInput, Learner, PortfolioOptions, RenderOptions } from "./render/types.ts";
/** Prints HTML to PDF with one reused Chromium and a small page pool. */
export { createPdfPrinter } from "./pdf/createPdfPrinter.ts";
export type { PdfPrinter, PdfPrinterOptions, PrintOptions } from "./pdf/createPdfPrinter.ts";
export { ChromiumNotFoundError, findChromium } from "./pdf/chromium.ts";
/** The file-name convention: `<registration>_<unit>_<document>[_<client>][_s<NN>|_<date>].<ext>`. */
export { documentFileName } from "./naming/documentFileName.ts";
export type { FileNameParts } from "./naming/documentFileName.ts";
export { documentFacts } from "./naming/documentFacts.ts";
export { documentCaption } from "./naming/documentCaption.ts";
export type { DocumentFacts } from "./naming/documentFacts.ts";
export { orderPortfolio, portfolioPart } from "./portfolio/orderPortfolio.ts";
export type { PortfolioPart } from "./portfolio/orderPortfolio.ts";
/** The layout a template prints with, worked out from its schema and UI hints (for tools and tests). */
export { planTemplate } from "./layout/planTemplate.ts";
export type { DocumentPlan, FieldPlan, PlanNode, ValueFormat } from "./layout/types.ts";
export { formatValue } from "./layout/formatValue.ts";
