export { renderDocumentHtml, renderPortfolioHtml } from "./render/renderHtml.ts";
