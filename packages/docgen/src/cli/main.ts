#!/usr/bin/env node
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { registry } from "@ilm-forms/core";
import { documentFacts } from "../naming/documentFacts.ts";
import { documentFileName, safePart } from "../naming/documentFileName.ts";
import { createPdfPrinter, type PdfPrinter } from "../pdf/createPdfPrinter.ts";
import { orderPortfolio } from "../portfolio/orderPortfolio.ts";
import { templateOf } from "../render/documentView.ts";
import { renderDocumentHtml, renderPortfolioHtml } from "../render/renderHtml.ts";
import type { DocumentInput, Learner } from "../render/types.ts";
import { progressBar } from "./progressBar.ts";
import { readJson, readPortfolio } from "./readInput.ts";
import { resolveTarget } from "./resolveTarget.ts";

const USAGE = `Usage:
  ilm-docgen render <template-id|unit> <data.json> [--format html|pdf] [--out <file>] [--learner <reg-no>] [--unit <unit>]
  ilm-docgen portfolio <portfolio.json> [--format html|pdf] [--out <dir-or-file>]

render     one document; <unit> (e.g. 501) prints that unit's result sheet
portfolio  a whole portfolio ({ "learner": {...}, "documents": [...] } or an array of documents):
           --out <file> writes one file; --out <dir>/ writes the whole portfolio and every document on its own
File names follow <registration>_<unit>_<document>[_<client>][_s<NN>|_<date>].<ext>`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "html" }, out: { type: "string" }, learner: { type: "string" }, unit: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return void process.stdout.write(`${USAGE}\n`);
  const format = values.format === "pdf" ? "pdf" : values.format === "html" ? "html" : undefined;
  if (!format) throw new Error(`--format must be html or pdf, not "${values.format}"`);
  let printer: PdfPrinter | undefined;
  const output = async (html: string): Promise<string | Uint8Array> => {
    if (format === "html") return html;
    printer ??= createPdfPrinter();
    return printer.print(html);
  };
  try {
    if (command === "render" && rest.length === 2) {
      const template = resolveTarget(registry, rest[0]!);
      const parsed = readJson(rest[1]!) as Record<string, unknown>;
      const data = (parsed && typeof parsed.data === "object" && typeof parsed.template === "string" ? parsed.data : parsed) as Record<string, unknown>;
      const document: DocumentInput = { template, data };
      const facts = documentFacts(templateOf(registry, document), data);
      const out = values.out ?? documentFileName({ registrationNo: values.learner, unit: values.unit, templateId: template, facts, extension: format });
      writeFileSync(out, await output(renderDocumentHtml(document)));
      process.stdout.write(`${out}\n`);
    } else if (command === "portfolio" && rest.length === 1) {
      const { learner, documents } = readPortfolio(rest[0]!);
      const who: Learner = { ...learner, registrationNo: values.learner ?? learner?.registrationNo };
      const stem = `${safePart(who.registrationNo ?? "", false) || "unregistered"}_portfolio`;
      const out = values.out ?? `${stem}.${format}`;
      const toDirectory = out.endsWith("/") || isDirectory(out);
      const ordered = orderPortfolio(registry, documents);
      const bar = progressBar(1 + (toDirectory ? ordered.length : 0));
      const whole = toDirectory ? join(out, `${stem}.${format}`) : out;
      if (toDirectory) mkdirSync(out, { recursive: true });
      writeFileSync(whole, await output(renderPortfolioHtml(ordered, { learner: who })));
      bar.tick("portfolio");
      process.stdout.write(`${whole}\n`);
      if (toDirectory) {
        const units = new Set(ordered.map((document) => documentFacts(templateOf(registry, document), document.data).unit).filter((unit): unit is string => !!unit));
        const used = new Set<string>();
        const jobs = ordered.map((document) => {
          const facts = documentFacts(templateOf(registry, document), document.data, units);
          let name = documentFileName({ registrationNo: who.registrationNo, unit: values.unit, templateId: document.template, facts, extension: format });
          for (let n = 2; used.has(name); n++) name = name.replace(/(-\d+)?\.(pdf|html)$/, `-${n}.$2`);
          used.add(name);
          // The printer's page pool bounds how many print at once.
          return output(renderDocumentHtml(document)).then((content) => {
            writeFileSync(join(out, name), content);
            bar.tick(name);
          });
        });
        await Promise.all(jobs);
      }
      bar.done();
    } else {
      throw new Error(`Unknown command or wrong arguments.\n${USAGE}`);
    }
  } finally {
    await printer?.close();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`ilm-docgen: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
