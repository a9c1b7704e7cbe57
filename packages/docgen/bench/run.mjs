// Benchmarks of @ilm-forms/docgen. Run with `pnpm --filter @ilm-forms/docgen bench` (after a build);
// ILM_FORMS_BENCH_FAST=1 shortens every run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { createPdfPrinter, renderDocumentHtml, renderPortfolioHtml, orderPortfolio } from "../dist/index.js";
import { examplePortfolio, schemasDir } from "../dist/testing/examplePortfolio.js";
import { registry } from "@ilm-forms/core";
import { sessionRecordSource } from "./handWritten.mjs";

const fast = process.env.ILM_FORMS_BENCH_FAST === "1";
const here = import.meta.dirname;

function timePerCall(fn, iterations) {
  for (let i = 0; i < Math.min(2000, iterations); i++) fn();
  const samples = [];
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[3]; // median µs a call
}

// 1. One document: the generic renderer against a cached hand-written template of the same page.
const example = JSON.parse(readFileSync(join(schemasDir, "ilm-8588/examples/session-record.json"), "utf8")).valid[0];
const css = readFileSync(join(here, "../src/templates/print.css"), "utf8").replace(/\s*\n\s*/g, " ").trim();
const handWritten = Handlebars.create().compile(sessionRecordSource.replace("/*PRINT_CSS*/", css), { preventIndent: true });
const formatted = { ...example, sessionDate: example.sessionDate.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1"), duration: `${example.duration} hours` };
const document = { template: "ilm-8588/session-record", data: example };
const generic = renderDocumentHtml(document);
const baseline = handWritten(formatted);
if (generic !== baseline) {
  console.warn("warning: the hand-written page differs from the generic one; the comparison is approximate");
}
const iterations = fast ? 2000 : 20000;
const genericUs = timePerCall(() => renderDocumentHtml(document), iterations);
const handUs = timePerCall(() => handWritten(formatted), iterations);
const renderRatio = genericUs / handUs;
console.log(`render session record: generic ${genericUs.toFixed(1)} µs, hand-written cached template ${handUs.toFixed(1)} µs (identical HTML: ${generic === baseline})`);
console.log(`generic render vs hand-written Handlebars: ${renderRatio.toFixed(2)}x (goal ≤ 1.1x)`);

// 2. A whole Diploma portfolio to PDF: one job against one job per document (same warm browser and page pool).
const { learner, documents } = examplePortfolio({ route: "diploma", clients: fast ? 2 : 4, sessions: fast ? 2 : 3 });
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
