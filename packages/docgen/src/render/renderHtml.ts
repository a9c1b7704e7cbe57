import { registry as builtInRegistry } from "@ilm-forms/core";
import type { DocumentView } from "../layout/viewTypes.ts";
import { orderPortfolio } from "../portfolio/orderPortfolio.ts";
import { asObject } from "../layout/resolveSchema.ts";
import { specialisedPage } from "../specialised/specialisedPage.ts";
import { documentView, templateOf } from "./documentView.ts";
import { environment } from "./environment.ts";
import type { DocumentInput, PortfolioOptions, RenderOptions } from "./types.ts";

/**
 * Renders one document as a complete HTML page with print CSS (A4), laid out like the official template.
 * Every value is escaped; the page carries a Content-Security-Policy that allows no script.
 *
 * @param document - a `PortfolioDocument` or `{ template, version?, data }`
 * @param options - `registry` (the built-in one when omitted)
 * @returns the HTML page
 */
export function renderDocumentHtml(document: DocumentInput, options: RenderOptions = {}): string {
  const page = specialisedPage(templateOf(options.registry ?? builtInRegistry, document));
  return page ? page(asObject(document.data) ?? {}) : renderGenericDocumentHtml(document, options);
}

/**
 * Renders one document through the generic partials only, never a specialised template: what
 * {@link renderDocumentHtml} prints for templates the build did not specialise. Not public; the
 * tests compare both paths byte for byte.
 *
 * @param document - a `PortfolioDocument` or `{ template, version?, data }`
 * @param options - `registry` (the built-in one when omitted)
 * @returns the HTML page
 */
export function renderGenericDocumentHtml(document: DocumentInput, options: RenderOptions = {}): string {
  const view = documentView(options.registry ?? builtInRegistry, document, "doc-1");
  return environment().page({ title: view.title, documents: [view] });
}

/**
 * Renders a whole portfolio as one HTML page: a contents page, then the documents in the handbook's
 * order (authentication sheets, evidence matrices, the evidence, result sheets), each starting on a
 * new page.
 *
 * @param documents - the learner's documents, in any order (`PortfolioDocument[]`)
 * @param options - `learner`, `title`, `contents` (default true), `registry`
 * @returns the HTML page
 */
export function renderPortfolioHtml(documents: readonly DocumentInput[], options: PortfolioOptions = {}): string {
  const registry = options.registry ?? builtInRegistry;
  const views: DocumentView[] = orderPortfolio(registry, documents).map((document, index) => documentView(registry, document, `doc-${index + 1}`, true));
  const title = options.title ?? "Portfolio of evidence";
  const learner = [
    { title: "Learner Name", value: options.learner?.name ?? "" },
    { title: "Learner Registration No.", value: options.learner?.registrationNo ?? "" },
  ].filter((row) => row.value !== "");
  const contents =
    options.contents === false
      ? undefined
      : { title, learner: learner.length > 0 ? learner : undefined, entries: views.map((view) => ({ anchor: view.anchor, title: view.title, caption: view.caption })) };
  return environment().page({ title, contents, documents: views });
}
