import type { PortfolioDocument, UnitRegistration } from "../portfolio/types.ts";
import { findUnit } from "../qualification/findUnit.ts";
import type { Qualification, Unit } from "../qualification/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import { createValidate } from "../validation/createValidate.ts";
import type { ValidationResult } from "../validation/types.ts";
import type { Check, CheckContext } from "./checks/context.ts";
import { roleHoursOf } from "./checks/roleHours.ts";
import { hoursByClient, totalSessionHours } from "./checks/sessionHours.ts";
import { unitRules } from "./unitRules.ts";
import { collectFacts, type FactsCache } from "./facts.ts";
import type { CheckResult, Finding, Pointer, PortfolioCheck } from "./types.ts";

/** Options of `checkPortfolio`. */
export interface CheckPortfolioOptions {
  /** The qualification data; the registry's own when omitted. */
  qualification?: Qualification;
  /** ISO date (YYYY-MM-DD) to compare session dates with; the current date when omitted. */
  today?: string;
  /**
   * Where templates and validators are found. Needed from `@ilm-forms/core/engine`, which holds no
   * templates; `@ilm-forms/core`'s `checkPortfolio` uses the built-in registry when it is omitted.
   */
  registry?: Registry;
  /**
   * The caller has already validated every document (for example on save) and wants only the rules:
   * no document is validated again, so none is reported invalid.
   */
  assumeValid?: boolean;
}

/** One answer for every document when the caller has validated them already (nothing reads it but `valid`). */
const VALID: ValidationResult = Object.freeze({ valid: true as const, errors: Object.freeze([]) as unknown as [] });
const ALWAYS_VALID = (): ValidationResult => VALID;

const validators = new WeakMap<Registry, ReturnType<typeof createValidate>>();

/**
 * Checks a learner's portfolio against the rules of one unit that span documents: the checks each
 * criterion declares in the qualification data (hours, clients, supervision, a record and a reflective
 * log for every session, signed contracts, a 12-month plan ...), with their numbers, for the unit
 * version the learner is registered on, compiled once per unit version. It never decides Pass or
 * Referral: each criterion is `met`, `not met` (with reasons and pointers) or `for the assessor`.
 * Documents that do not validate are reported in the summary and beside the criteria they evidence.
 *
 * @param registration - the learner's registration, or a unit id (e.g. `"501"`) for the current version
 * @param documents - the learner's documents
 * @param options - qualification data, today's date, the registry to use, and `assumeValid` to skip validation
 * @returns one finding per assessment criterion of the unit, in order, and a summary of the figures
 */
export function checkPortfolio(registration: UnitRegistration | string, documents: PortfolioDocument[], options: CheckPortfolioOptions = {}): PortfolioCheck {
  return checkWith(registration, documents, options, undefined);
}

/** A checker that remembers what it read of each document: see {@link createPortfolioChecker}. */
export interface PortfolioChecker {
  /** `checkPortfolio`, reading again only the documents that changed since the last call. */
  check(registration: UnitRegistration | string, documents: PortfolioDocument[], options?: CheckPortfolioOptions): PortfolioCheck;
  /** How many documents it remembers. */
  readonly size: number;
  /** Forgets everything. */
  clear(): void;
}

/**
 * An incremental `checkPortfolio` for a caller that checks the same portfolio again and again (the
 * dashboard re-checks on every save). It keeps, per document id, the document as last seen with its
 * validation and everything the checks read from it alone (its session rows, its names, the name
 * scan); a document with the same id and `revision` (or, without revisions, the same data object),
 * template version, approval and signers' signatures is not validated or read again. The cross-document
 * rules (sessions lined up, totals, clients) are recomputed from the remembered facts each time, so the
 * answers are exactly `checkPortfolio`'s. Documents no longer passed are forgotten.
 *
 * @param defaults - options used for every check (a call's options override them), e.g. `registry`
 * @returns the checker
 */
export function createPortfolioChecker(defaults: CheckPortfolioOptions = {}): PortfolioChecker {
  // One cache per registry and validation mode: an assumed-valid answer must not stand for a validated one.
  const caches = new Map<string, FactsCache>();
  const registries = new WeakMap<Registry, number>();
  let nextRegistry = 0;
  return {
    check(registration, documents, options = {}) {
      const merged = { ...defaults, ...options };
      if (!merged.registry) return checkWith(registration, documents, merged, undefined);
      let registryNo = registries.get(merged.registry);
      if (registryNo === undefined) registries.set(merged.registry, (registryNo = nextRegistry++));
      const key = `${registryNo}:${merged.assumeValid === true}`;
      let cache = caches.get(key);
      if (!cache) caches.set(key, (cache = new Map()));
      const result = checkWith(registration, documents, merged, cache);
      // Forget documents no longer in the portfolio (a deleted draft), so the cache does not grow.
      if (cache.size > documents.length) {
        const ids = new Set(documents.map((d) => d.id));
        for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);
      }
      return result;
    },
    get size() {
      let n = 0;
      for (const cache of caches.values()) n += cache.size;
      return n;
    },
    clear() {
      caches.clear();
    },
  };
}

function checkWith(registration: UnitRegistration | string, documents: PortfolioDocument[], options: CheckPortfolioOptions, cache: FactsCache | undefined): PortfolioCheck {
  const registry = options.registry;
  if (!registry) throw new Error("checkPortfolio needs options.registry: @ilm-forms/core/engine holds no templates (@ilm-forms/core's checkPortfolio uses the built-in ones)");
  const { qualification, unit } = resolveUnit(registration, registry, options.qualification);
  let validate = validators.get(registry);
  if (!validate) validators.set(registry, (validate = createValidate(registry)));
  const rules = unitRules(registry, qualification, unit);
  const validateOne = validate;
  const facts = collectFacts(documents, registry, options.assumeValid ? ALWAYS_VALID : (document) => validateOne(document.template, document.data, { version: document.version }), rules.sessions, cache);
  const context: CheckContext = {
    facts,
    unit,
    unitName: unitName(unit),
    registry,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    memo: {},
  };
  const results = new Map<Check, CheckResult | undefined>();
  const run = (check: Check): CheckResult | undefined => {
    if (results.has(check)) return results.get(check);
    const result = check.run(context);
    results.set(check, result);
    return result;
  };
  // Only the ids are needed here: the criteria themselves are not copied (unitCriteria would copy each).
  const findingFor = (criterionId: string): Finding => {
    const id = `${unit.id}:${criterionId}`;
    const plan = rules.criteria.get(criterionId);
    if (!plan) return { criterion: id, status: "for the assessor", reasons: ["No automatic check is declared for this criterion; the assessor judges it from the evidence."], pointers: [] };
    // An optional check whose documents are not there says nothing: the finding is as if it were not declared.
    const parts: CheckResult[] = [];
    for (const check of plan.checks) {
      const part = run(check);
      if (part !== undefined) parts.push(part);
    }
    if (parts.length === 0 && plan.judgement) {
      return withInvalid({ criterion: id, status: "for the assessor", reasons: [`Only the assessor can judge this criterion from the evidence; there is nothing to count or match for it.`], pointers: [] }, plan.reads);
    }
    if (parts.length === 0) {
      return withInvalid({ criterion: id, status: "for the assessor", reasons: ["None of the documents this criterion's checks read is there; the assessor judges it from the evidence."], pointers: [] }, plan.reads);
    }
    // Copies (a check's result may serve several criteria), joined with loops: flatMap is slow in V8.
    const reasons: string[] = [];
    const pointers: Pointer[] = [];
    for (const part of parts) {
      for (const reason of part.reasons) reasons.push(reason);
      for (const pointer of part.pointers) pointers.push(pointer);
    }
    const finding: Finding = { criterion: id, status: "met", reasons, pointers: dedupe(pointers) };
    if (parts.some((p) => p.status === "not met")) finding.status = "not met";
    else if (plan.judgement || parts.some((p) => p.status === "for the assessor")) finding.status = "for the assessor";
    if (plan.judgement && finding.status === "for the assessor") finding.reasons.push("The records are there; whether they meet the criterion is for the assessor to judge.");
    return withInvalid(finding, plan.reads);
  };
  /** Mentions beside a finding each document its checks read that does not validate. */
  const withInvalid = (finding: Finding, reads: ReadonlySet<string>): Finding => {
    for (const invalid of facts.invalid.length === 0 ? [] : facts.invalid.filter((i) => reads.has(i.template))) {
      finding.reasons.push(`${invalid.document} does not validate against its template (${invalid.errors.map((e) => e.message).slice(0, 3).join("; ")}), so what it says may not be counted.`);
      finding.pointers.push(...invalid.errors.slice(0, 3).map((e) => ({ document: invalid.document, path: e.path })));
      if (finding.status === "met") finding.status = "for the assessor";
    }
    return finding;
  };
  const findings: Finding[] = [];
  for (const outcome of unit.learningOutcomes) for (const criterion of outcome.criteria) findings.push(findingFor(criterion.id));
  const supervision = roleHoursOf(context, "supervision-duration");
  const byClient = hoursByClient(context);
  return {
    qualification: qualification.id,
    unit: unit.id,
    version: unit.version,
    findings,
    summary: {
      coachingHours: totalSessionHours(context),
      hoursByClient: byClient,
      supervisionHours: supervision.total,
      clients: [...facts.clients.values()],
      sessions: facts.sessions.length,
      hoursDisagreements: facts.disagreements,
      invalidDocuments: facts.invalid,
      unknownDocuments: facts.unknown,
    },
  };
}

/** How reasons name the unit: `Unit 501`, `the earlier Unit 501`, or by its title where its id is not a number. */
function unitName(unit: Unit): string {
  if (/^[0-9]/.test(unit.id)) return unit.current ? `Unit ${unit.id}` : `the ${unit.version} Unit ${unit.id}`;
  return unit.current ? `the ${unit.title}` : `the ${unit.title} (version ${unit.version})`;
}

function resolveUnit(registration: UnitRegistration | string, registry: Registry, given?: Qualification): { qualification: Qualification; unit: Unit } {
  const wanted: Partial<UnitRegistration> & { unit: string } = typeof registration === "string" ? { unit: registration } : registration;
  const candidates = given ? [given] : wanted.qualification ? [registry.qualification(wanted.qualification)].filter((q) => q !== undefined) : registry.qualifications();
  for (const qualification of candidates) {
    const unit = findUnit(qualification, wanted.unit, wanted.version);
    if (unit) return { qualification, unit };
  }
  const version = wanted.version === undefined ? "" : ` version ${wanted.version}`;
  throw new Error(`There is no unit ${wanted.unit}${version}${wanted.qualification ? ` in ${wanted.qualification}` : ""}`);
}

/** The pointers, each document-and-path once (by document, then path: no key string is made for each). */
function dedupe<T extends { document: string; path?: string }>(pointers: T[]): T[] {
  if (pointers.length < 2) return pointers;
  const seen = new Map<string, Set<string>>();
  return pointers.filter((p) => {
    const path = p.path ?? "";
    const paths = seen.get(p.document);
    if (!paths) {
      seen.set(p.document, new Set([path]));
      return true;
    }
    if (paths.has(path)) return false;
    paths.add(path);
    return true;
  });
}
