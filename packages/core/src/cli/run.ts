import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { compileTemplate } from "../compile/compileTemplate.ts";
import { generateDemoPortfolio } from "../demo/generateDemoPortfolio.ts";
import { lintSchemas } from "../node/lintSchemas.ts";
import { loadTemplates } from "../node/loadTemplates.ts";
import { scaffoldTemplate, scaffoldUnit } from "../node/scaffold.ts";
import { createRegistry } from "../registry/createRegistry.ts";
import { builtinRegistry } from "../registry/builtinRegistry.ts";
import { isIsoDate } from "../rules/isoDate.ts";
import { createValidate } from "../validation/createValidate.ts";
import { DEMO_PROFILES, type DemoProfile } from "../demo/profiles.ts";
import type { PortfolioDocument, UnitRegistration } from "../portfolio/types.ts";
import { checkPortfolio } from "../builtin.ts";
import { parseDocument } from "../validation/parseDocument.ts";
import { formatFindings } from "./formatFindings.ts";

/** Where the command writes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `Usage:
  ilm-forms check <portfolio.json> [--unit 501] [--version earlier] [--qualification <id>] [--today YYYY-MM-DD] [--json]
      Prints what the records show for each assessment criterion. Without --unit, checks every unit
      the file's "registration" lists; --qualification is needed only where two qualifications have the unit. The file is { "registration": [...], "documents": [...] } or
      an array of documents ({ "id", "template", "data" }).
  ilm-forms demo <profile> [--seed N] [--out file.json]
      Writes a demo portfolio. Profiles: ${DEMO_PROFILES.join(", ")}
  ilm-forms validate <template> <document.json> [--version 2.0.0] [--schemas <folder>]
      Validates one document against a template (e.g. ilm-8588/session-record), the built-in one or,
      with --schemas, one read from a schemas folder (a template not built yet).
  ilm-forms lint [<schemas folder>]
      Checks a schemas folder (default ./schemas) as the build does: every template, every
      qualification.json against the meta-schema and its checks, every criterion evidenced by a
      template or declared forTheAssessor, every example valid or invalid as declared.
  ilm-forms new template <scheme>/<name> [--schemas <folder>]
  ilm-forms new unit <scheme> <id> [--schemas <folder>]
      Writes the JSON files of a new template (schema, UI hints, examples), or adds a unit to the
      scheme's qualification.json, in the schemas folder (default ./schemas); lint passes at once.

Exit codes: 0 done (every finding met or for the assessor, the document valid, no problems); 1 check
found a criterion not met, validate found the document invalid, or lint found problems; 2 a usage or
input error.
`;

/**
 * Runs the command line.
 *
 * @param argv - the arguments after the program name
 * @param io - where to print
 * @returns the exit code: 0 when the command ran and found nothing wrong, 1 when it found something
 *   (a criterion not met, an invalid document, a problem in the schemas), 2 for a usage or input error
 */
export function run(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        unit: { type: "string" },
        version: { type: "string" },
        qualification: { type: "string" },
        today: { type: "string" },
        json: { type: "boolean", default: false },
        seed: { type: "string", default: "1" },
        out: { type: "string" },
        schemas: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target, second, third] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (command === "check" && target) return check(target, values, io);
    if (command === "demo" && target) return demo(target, values, io);
    if (command === "validate" && target && second) return validateFile(target, second, values, io);
    if (command === "lint") return lint(target ?? "schemas", io);
    if (command === "new" && target === "template" && second) return scaffolded(scaffoldTemplate(values.schemas ?? "schemas", second).written, io);
    if (command === "new" && target === "unit" && second && third) return scaffolded(scaffoldUnit(values.schemas ?? "schemas", second, third).written, io);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  io.err(USAGE);
  return 2;
}

function check(file: string, options: { unit?: string; version?: string; qualification?: string; today?: string; json?: boolean }, io: CliIo): number {
  const parsed = parseDocument(readText(file), { maxBytes: 200 * 1024 * 1024, maxDepth: 64 });
  if (!parsed.ok) {
    io.err(`${file}: ${parsed.error.message}\n`);
    return 2;
  }
  if (options.today !== undefined && !isCalendarDate(options.today)) throw new Error(`--today must be a date written as YYYY-MM-DD, not ${JSON.stringify(String(options.today).slice(0, 40))}`);
  const portfolio = parsed.document as { registration?: UnitRegistration[]; documents?: PortfolioDocument[] } | PortfolioDocument[] | null;
  const documents = Array.isArray(portfolio) ? portfolio : portfolio !== null && typeof portfolio === "object" ? portfolio.documents : undefined;
  if (!Array.isArray(documents)) throw new Error(`${file}: expected an array of documents, or an object with "documents"`);
  const odd = documents.findIndex((d: unknown) => d === null || typeof d !== "object" || Array.isArray(d) || typeof (d as PortfolioDocument).template !== "string" || typeof (d as PortfolioDocument).id !== "string");
  if (odd !== -1) throw new Error(`${file}: document ${odd + 1} is not a document (expected { "id": "...", "template": "...", "data": { ... } })`);
  const registrations: UnitRegistration[] = options.unit
    ? [{ qualification: options.qualification ?? qualificationOf(options.unit), unit: options.unit, version: options.version }]
    : ((Array.isArray(portfolio) || portfolio === null ? undefined : portfolio.registration) ?? []);
  if (!Array.isArray(registrations) || registrations.some((r: unknown) => r === null || typeof r !== "object" || typeof (r as UnitRegistration).unit !== "string")) {
    throw new Error(`${file}: "registration" must be a list of { "qualification", "unit", "version" }`);
  }
  if (registrations.length === 0) throw new Error(`${file} lists no registration: name the unit with --unit`);
  const checks = registrations.map((registration) => checkPortfolio(registration, documents, { today: options.today }));
  const thresholdsOf = (check: (typeof checks)[number]) => builtinRegistry.unit(check.qualification, check.unit, check.version)?.thresholds;
  io.out(options.json ? `${JSON.stringify(checks.length === 1 ? checks[0] : checks, null, 2)}\n` : checks.map((c) => formatFindings(c, thresholdsOf(c))).join("\n"));
  return checks.some((c) => c.findings.some((f) => f.status === "not met")) ? 1 : 0;
}

/** The qualification of the built-in registry that has the unit: none is assumed, and two are a question. */
function qualificationOf(unit: string): string {
  const having = builtinRegistry.qualifications().filter((q) => q.units.some((u) => u.id === unit));
  if (having.length === 1) return having[0]!.id;
  const known = builtinRegistry.qualifications().map((q) => q.id).join(", ");
  if (having.length === 0) throw new Error(`No qualification has a unit ${unit} (the qualifications are ${known})`);
  throw new Error(`Units ${unit} of ${having.map((q) => q.id).join(" and ")}: name one with --qualification`);
}

/** A day that exists, written `YYYY-MM-DD` (`isIsoDate` judges the shape only: 2026-02-30 has it). */
function isCalendarDate(value: string): boolean {
  if (!isIsoDate(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A file's text, or one line saying why it cannot be read (no Node error text). */
function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder, not a file" : code === "EACCES" ? "it may not be read" : "it cannot be read";
    throw new Error(`${file}: ${why}`);
  }
}

function demo(profile: string, options: { seed?: string; out?: string }, io: CliIo): number {
  if (!DEMO_PROFILES.includes(profile as DemoProfile)) throw new Error(`Unknown profile ${profile}. Profiles: ${DEMO_PROFILES.join(", ")}`);
  const seed = Number(options.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${options.seed}`);
  const text = `${JSON.stringify(generateDemoPortfolio(seed, profile as DemoProfile), null, 2)}\n`;
  if (options.out) writeFileSync(options.out, text);
  else io.out(text);
  return 0;
}

function validateFile(templateId: string, file: string, options: { version?: string; schemas?: string }, io: CliIo): number {
  const parsed = parseDocument(readText(file));
  if (!parsed.ok) {
    io.err(`${file}: ${parsed.error.message}\n`);
    return 2;
  }
  const registry = options.schemas ? schemasRegistry(options.schemas) : builtinRegistry;
  const template = registry.get(templateId, options.version);
  if (!template) {
    io.err(`There is no template ${templateId}${options.version ? ` version ${options.version}` : ""}${options.schemas ? ` in ${options.schemas}` : ""}\n`);
    return 2;
  }
  const result = createValidate(registry)(templateId, parsed.document, { version: template.version });
  if (result.valid) {
    io.out(`${file}: valid against ${template.id} ${template.version}\n`);
    return 0;
  }
  io.out(`${file}: ${result.errors.length === 1 ? "1 problem" : `${result.errors.length} problems`} against ${template.id} ${template.version}\n`);
  for (const error of result.errors) io.out(`  ${error.path || "/"}  ${error.message}\n`);
  return 1;
}

/** The templates of a schemas folder, compiled now (the folder is checked as the build checks it). */
function schemasRegistry(folder: string) {
  const { templates, qualifications } = loadTemplates(folder);
  return createRegistry(templates.map(compileTemplate), qualifications);
}

function lint(folder: string, io: CliIo): number {
  if (!existsSync(folder)) {
    io.err(`${folder}: no such folder (name the schemas folder: ilm-forms lint <folder>)\n`);
    return 2;
  }
  const report = lintSchemas(folder);
  for (const problem of report.problems) io.err(`${problem}\n`);
  // A folder that does not load (a template that does not bundle, a qualification.json the build refuses) stops there.
  const loaded = report.templates > 0 || report.qualifications > 0;
  const checked = loaded ? `${report.templates} templates, ${report.qualifications} qualifications, ${report.examples} examples` : "the folder stops loading at it: fix it and lint again";
  if (report.problems.length > 0) {
    io.out(`${folder}: ${report.problems.length === 1 ? "1 problem" : `${report.problems.length} problems`} (${checked})\n`);
    return 1;
  }
  io.out(`${folder}: no problems (${checked})\n`);
  return 0;
}

function scaffolded(written: string[], io: CliIo): number {
  for (const path of written) io.out(`wrote ${path}\n`);
  io.out("Then: ilm-forms lint (docs/schema-authoring.md says what to fill in)\n");
  return 0;
}
