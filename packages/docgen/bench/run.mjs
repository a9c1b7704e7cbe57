// Benchmarks of @ilm-forms/docgen. Run with `pnpm --filter @ilm-forms/docgen bench` (after a build);
// ILM_FORMS_BENCH_FAST=1 shortens every run; `--render-only` skips the PDF benchmark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPdfPrinter, renderDocumentHtml, renderPortfolioHtml, orderPortfolio } from "../dist/index.js";
import { renderGenericDocumentHtml } from "../dist/render/renderHtml.js";
import { demoPortfolio } from "../dist/testing/demoPortfolio.js";
import { schemasDir } from "../dist/test/examples.js";
import { registry } from "@ilm-forms/core";
import { createHandWritten } from "./handWritten.mjs";

const fast = process.env.ILM_FORMS_BENCH_FAST === "1";
const here = import.meta.dirname;

/**
 * Times several functions in interleaved rounds (A, B, C, A, B, C ...), so that a slow spell of the
 * shared machine hits them all alike. Returns each one's median µs a call and, per round, its time
 * over the first function's.
 */
function timeInterleaved(fns, iterations, rounds = 15) {
  for (const fn of fns) for (let i = 0; i < Math.min(2000, iterations); i++) fn();
  const samples = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, index) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) fn();
      samples[index].push(Number(process.hrtime.bigint() - start) / 1e3 / iterations);
    });
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return samples.map((list) => ({ us: median(list), ratios: list.map((value, round) => value / samples[0][round]) }));
}

// 1. One document: renderDocumentHtml (a built-in template: the specialised page template) and the
// generic partials, against a cached hand-written template of the same page, all in the same run and
// all handed the same raw document (the baseline formats its date and duration inside each call).
const example = JSON.parse(readFileSync(join(schemasDir, "ilm-8588/examples/session-record.json"), "utf8")).valid[0];
const css = readFileSync(join(here, "../src/templates/print.css"), "utf8").replace(/\s*\n\s*/g, " ").trim();
const handWritten = createHandWritten(css);
const document = { template: "ilm-8588/session-record", data: example };
// The baseline must print the same bytes as docgen from the same raw data, for the timed document
// and for a few others that exercise its helpers (one hour, no date, a draft, markup in the text).
const checks = [
  example,
  { ...example, duration: 1, sessionDate: "10 March" },
  { clientRef: "<script>alert(`x`)</script>", goal: "\"quoted\" & 'single'", sessionNo: 0 },
  {},
];
const identical = checks.every((data) => {
  const baseline = handWritten(data);
  const input = { template: "ilm-8588/session-record", data };
  return renderDocumentHtml(input) === baseline && renderGenericDocumentHtml(input) === baseline;
});
if (!identical) console.warn("warning: the pages differ; the comparison is approximate");
const iterations = fast ? 2000 : 10000;
const [hand, specialised, genericPath] = timeInterleaved(
  [() => handWritten(example), () => renderDocumentHtml(document), () => renderGenericDocumentHtml(document)],
  iterations,
  fast ? 5 : 15,
);
const spread = (ratios) => `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x over ${ratios.length} rounds`;
const medianOf = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(
  `render session record: renderDocumentHtml ${specialised.us.toFixed(1)} µs, generic partials ${genericPath.us.toFixed(1)} µs, hand-written cached template ${hand.us.toFixed(1)} µs (identical HTML over ${checks.length} documents: ${identical})`,
);
console.log(`generic partials vs hand-written Handlebars: ${medianOf(genericPath.ratios).toFixed(2)}x (${spread(genericPath.ratios)}; for information)`);
console.log(`renderDocumentHtml vs hand-written Handlebars: ${medianOf(specialised.ratios).toFixed(2)}x (${spread(specialised.ratios)}) (goal ≤ 1.1x)`);
if (process.argv.includes("--render-only")) process.exit(0);

// 2. A whole Diploma portfolio to PDF: one job against one job per document (same warm browser and page pool).
// Core's demo Diploma learner with the assessment, its first 4 clients (the Diploma's least; 2 when fast).
const { learner, documents } = demoPortfolio({ profile: "diploma-complete", clients: fast ? 2 : 4 });
const ordered = orderPortfolio(registry, documents);
const printer = createPdfPrinter({ pages: 2 });
try {
  await printer.print(renderDocumentHtml(ordered[0])); // start the browser outside the timings
  const rounds = fast ? 1 : 3;
  const wholeMs = [];
  const perDocMs = [];
  for (let round = 0; round < rounds; round++) {
    let start = performance.now();
    await printer.print(renderPortfolioHtml(ordered, { learner }));
    wholeMs.push(performance.now() - start);
    start = performance.now();
    await Promise.all(ordered.map((document) => printer.print(renderDocumentHtml(document))));
    perDocMs.push(performance.now() - start);
  }
  const best = (list) => Math.min(...list);
  const pdfRatio = best(perDocMs) / best(wholeMs);
  console.log(`Diploma portfolio (${ordered.length} documents) to PDF: one job ${best(wholeMs).toFixed(0)} ms, one job per document ${best(perDocMs).toFixed(0)} ms (2 pages in parallel)`);
  console.log(`portfolio as one job vs one job per document: ${pdfRatio.toFixed(2)}x faster (goal ≥ 1.4x)`);
} finally {
  await printer.close();
}
