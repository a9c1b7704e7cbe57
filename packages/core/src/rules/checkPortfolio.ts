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
import { collectFacts, type FactsCache, type KnownDocument, type LineUpMemo, type PortfolioFacts, type Session } from "./facts.ts";
import { sameDocuments, sameSessions } from "./sameFacts.ts";
import type { CheckResult, Finding, InvalidDocument, Pointer, PortfolioCheck } from "./types.ts";

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
  const caches = new Map<string, CheckerState>();
  const registries = new WeakMap<Registry, number>();
  let nextRegistry = 0;
  return {
    check(registration, documents, options = {}) {
      const merged = { ...defaults, ...options };
      if (!merged.registry) return checkWith(registration, documents, merged, undefined);
      let registryNo = registries.get(merged.registry);
      if (registryNo === undefined) registries.set(merged.registry, (registryNo = nextRegistry++));
      const key = `${registryNo}:${merged.assumeValid === true}`;
      let state = caches.get(key);
      if (!state) caches.set(key, (state = { documents: new Map(), lineUp: {}, checks: new WeakMap(), kept: new WeakMap(), findings: new WeakMap(), hours: undefined }));
      const result = checkWith(registration, documents, merged, state);
      // Forget documents no longer in the portfolio (a deleted draft), so the cache does not grow.
      if (state.documents.size > documents.length) {
        const ids = new Set(documents.map((d) => d.id));
        for (const id of state.documents.keys()) if (!ids.has(id)) state.documents.delete(id);
      }
      return result;
    },
    get size() {
      let n = 0;
      for (const state of caches.values()) n += state.documents.size;
      return n;
    },
    clear() {
      caches.clear();
    },
  };
}

/** What an incremental checker keeps: the documents as read, and each check's last answer with what it read. */
interface CheckerState {
  documents: FactsCache;
  /** The sessions as last lined up, with the documents they were read from. */
  lineUp: LineUpMemo;
  checks: WeakMap<Check, CachedCheck>;
  /** Each check's own store (`CheckContext.keep`). */
  kept: WeakMap<Check, { value?: unknown }>;
  /** Each criterion's last finding (by its compiled plan), with the check results and invalid documents it was made from. */
  findings: WeakMap<object, { id: string; parts: (CheckResult | undefined)[]; invalid: readonly InvalidDocument[]; finding: Finding }>;
  /** The hours of the sessions last summed, by client and in all. */
  hours: { sessions: readonly Session[]; byClient: Record<string, number>; total: number } | undefined;
}

/** A finding's copy to hand out (its lists copied; the strings and pointers are never changed). */
const copyOf = (finding: Finding): Finding => ({ criterion: finding.criterion, status: finding.status, reasons: finding.reasons.slice(), pointers: finding.pointers.slice() });

/** What a check read of the facts when it last ran: the templates' documents it asked for, all of them, the sessions. */
interface CheckReads {
  templates: Map<string, readonly KnownDocument[]>;
  all: readonly KnownDocument[] | undefined;
  sessions: readonly Session[] | undefined;
}

interface CachedCheck {
  today: string;
  reads: CheckReads;
  result: CheckResult | undefined;
}

const NO_DOCUMENTS: readonly KnownDocument[] = Object.freeze([]);

/**
 * Runs a check, or answers as it last did when nothing it read has changed: the same documents (the
 * same remembered objects) of each template it asked for, the same documents at all where it read every
 * one, and sessions the same in every figure where it read them. Each check runs on a view of the facts
 * that notes what it reads, with a memo of its own (so no figure worked out by another check is read unnoted).
 */
function runRemembered(check: Check, context: CheckContext, state: CheckerState): CheckResult | undefined {
  const facts = context.facts;
  const prior = state.checks.get(check);
  if (prior && prior.today === context.today && stillTrue(prior.reads, facts)) return prior.result;
  const reads: CheckReads = { templates: new Map(), all: undefined, sessions: undefined };
  const byTemplate = {
    get(id: string): KnownDocument[] | undefined {
      const found = facts.byTemplate.get(id);
      reads.templates.set(id, found ?? NO_DOCUMENTS);
      return found;
    },
  } as unknown as PortfolioFacts["byTemplate"];
  const noted: PortfolioFacts = {
    byTemplate,
    get known() {
      reads.all = facts.known;
      return facts.known;
    },
    get invalid() {
      reads.all = facts.known;
      return facts.invalid;
    },
    get unknown() {
      reads.all = facts.known;
      return facts.unknown;
    },
    get sessions() {
      reads.sessions = facts.sessions;
      return facts.sessions;
    },
    get clients() {
      reads.sessions = facts.sessions;
      return facts.clients;
    },
    get disagreements() {
      reads.sessions = facts.sessions;
      return facts.disagreements;
    },
  };
  const memo: CheckContext["memo"] = {};
  let keep = state.kept.get(check);
  if (keep === undefined) state.kept.set(check, (keep = {}));
  let result = check.run({ ...context, facts: noted, memo, remember: true, keep });
  // The same answer as last time stays the same object, so the findings made from it are not made again.
  if (prior !== undefined && sameResult(prior.result, result)) result = prior.result;
  state.checks.set(check, { today: context.today, reads, result });
  // Hours of a role summed over every document are the summary's too: the same facts, summed once.
  if (memo.roleHours !== undefined) {
    const shared = (context.memo.roleHours ??= new Map());
    for (const [role, sum] of memo.roleHours) if (!shared.has(role)) shared.set(role, sum);
  }
  return result;
}

/** Whether two answers of a check say the same: status, reasons and pointers. */
function sameResult(a: CheckResult | undefined, b: CheckResult | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.status !== b.status || a.reasons.length !== b.reasons.length || a.pointers.length !== b.pointers.length) return false;
  for (let i = 0; i < a.reasons.length; i++) if (a.reasons[i] !== b.reasons[i]) return false;
  for (let i = 0; i < a.pointers.length; i++) {
    const x = a.pointers[i]!;
    const y = b.pointers[i]!;
    if (x !== y && (x.document !== y.document || x.path !== y.path)) return false;
  }
  return true;
}

function stillTrue(reads: CheckReads, facts: PortfolioFacts): boolean {
  for (const [id, before] of reads.templates) if (!sameDocuments(before, facts.byTemplate.get(id) ?? NO_DOCUMENTS)) return false;
  if (reads.all !== undefined && (!sameDocuments(reads.all, facts.known) || facts.unknown.length > 0)) return false;
  if (reads.sessions !== undefined && !sameSessions(reads.sessions, facts.sessions)) return false;
  return true;
}

function checkWith(registration: UnitRegistration | string, documents: PortfolioDocument[], options: CheckPortfolioOptions, state: CheckerState | undefined): PortfolioCheck {
  const registry = options.registry;
  if (!registry) throw new Error("checkPortfolio needs options.registry: @ilm-forms/core/engine holds no templates (@ilm-forms/core's checkPortfolio uses the built-in ones)");
  const { qualification, unit } = resolveUnit(registration, registry, options.qualification);
  let validate = validators.get(registry);
  if (!validate) validators.set(registry, (validate = createValidate(registry)));
  const rules = unitRules(registry, qualification, unit);
  const validateOne = validate;
  const facts = collectFacts(documents, registry, options.assumeValid ? ALWAYS_VALID : (document) => validateOne(document.template, document.data, { version: document.version }), rules.sessions, state?.documents, state?.lineUp);
  const context: CheckContext = {
    facts,
    unit,
    unitName: unitName(unit),
    registry,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    memo: {},
    remember: state !== undefined,
  };
  const results = new Map<Check, CheckResult | undefined>();
  const run = (check: Check): CheckResult | undefined => {
    if (results.has(check)) return results.get(check);
    const result = state ? runRemembered(check, context, state) : check.run(context);
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
      return withInvalid({ criterion: id, status: "for the assessor", reasons: [`The unit's data declares this criterion for the assessor's judgement: no automatic check applies to it.`], pointers: [] }, plan.reads);
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
  /** `findingFor` for an incremental checker: the last finding (a copy) while its checks answer with the same results and the invalid documents are the same. */
  const rememberedFinding = (criterionId: string, kept: CheckerState): Finding => {
    const plan = rules.criteria.get(criterionId);
    if (!plan) return findingFor(criterionId);
    const parts = plan.checks.map(run);
    const last = kept.findings.get(plan);
    if (last !== undefined && last.invalid === facts.invalid && last.id === unit.id && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i])) return copyOf(last.finding);
    const finding = findingFor(criterionId);
    kept.findings.set(plan, { id: unit.id, parts, invalid: facts.invalid, finding: copyOf(finding) });
    return finding;
  };
  const findings: Finding[] = [];
  for (const outcome of unit.learningOutcomes) for (const criterion of outcome.criteria) findings.push(state ? rememberedFinding(criterion.id, state) : findingFor(criterion.id));
  const supervision = roleHoursOf(context, "supervision-duration");
  let byClient: Record<string, number>;
  let coachingHours: number;
  if (state === undefined) {
    byClient = hoursByClient(context);
    coachingHours = totalSessionHours(context);
  } else {
    // The same lined-up sessions (the same objects) add up as before; a copy is handed out.
    if (state.hours === undefined || state.hours.sessions !== facts.sessions) state.hours = { sessions: facts.sessions, byClient: hoursByClient(context), total: totalSessionHours(context) };
    byClient = { ...state.hours.byClient };
    coachingHours = state.hours.total;
  }
  return {
    qualification: qualification.id,
    unit: unit.id,
    version: unit.version,
    findings,
    summary: {
      coachingHours,
      hoursByClient: byClient,
      supervisionHours: supervision.total,
      clients: [...facts.clients.values()],
      sessions: facts.sessions.length,
      // A copy: an incremental checker may hand the same lined-up sessions to the next check.
      hoursDisagreements: state ? [...facts.disagreements] : facts.disagreements,
      invalidDocuments: state ? [...facts.invalid] : facts.invalid,
      unknownDocuments: state ? [...facts.unknown] : facts.unknown,
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
