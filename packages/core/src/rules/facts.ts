import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { FieldRole, Template } from "../registry/types.ts";
import type { ValidationResult } from "../validation/types.ts";
import { fieldsByRole, roleReaders, type RoleReaders } from "../roles/fieldsByRole.ts";
import { memoByObject } from "../roles/memoByObject.ts";
import { clientKey } from "./clientKey.ts";
import { lineUpSessions } from "./lineUpSessions.ts";
import { sameDocuments, sameSessions } from "./sameFacts.ts";
import type { HoursDisagreement, InvalidDocument, Pointer } from "./types.ts";
import { RowGatherer, type Row } from "./sessionRows.ts";
import type { NamedPersonWarning } from "../confidentiality/scanNames.ts";

export { clientKey };

/** A document whose template the registry knows. */
export interface KnownDocument {
  document: PortfolioDocument;
  template: Template;
  /** `roleReaders(template)`, looked up once: the checks read several roles of each document. */
  readers: RoleReaders;
  valid: boolean;
  /** The client the document is about (its top-level client reference), if any. */
  client: string | undefined;
  /** `clientKey(client)`, worked out once. */
  clientKey: string | undefined;
  /**
   * What the checks work out from this document alone, kept with it: an incremental checker reuses an
   * unchanged document's KnownDocument, so none of it is worked out again on a re-check.
   */
  memo: DocumentMemo;
}

/** Per-document results of the checks, valid as long as the document is unchanged. */
export interface DocumentMemo {
  /** The document's session rows (`RowGatherer.rowsOf`). */
  rows?: Row[];
  /** The names the document itself writes in person-name and signature fields. */
  personNames?: string[];
  /** The warnings of the name scan, for the names known when it ran (`key`: those names joined). */
  names?: { key: string; warnings: NamedPersonWarning[] };
  /**
   * The tools each answer of a role names, in order, and whether the sentence naming it gives a reason
   * (`toolsJustified`), with the number of answers that are not blank.
   */
  tools?: Map<FieldRole, { answers: number; named: { tool: string; reasoned: boolean; path: string }[] }>;
  /** The terms of a role's hours in minutes, in order, with a pointer each (`roleHours`): added up in the same order. */
  roleMinutes?: Map<FieldRole, { minutes: number[]; pointers: Pointer[] }>;
}

/**
 * What an incremental checker keeps between checks: each document as last seen, by id, with what was
 * read from it. `collectFacts` reuses an entry while the document is unchanged (same template version,
 * approval and signers' signatures, and the same `revision`, or without revisions the same data object).
 */
export type FactsCache = Map<string, { document: PortfolioDocument; known: KnownDocument; result: ValidationResult }>;

/**
 * What an incremental checker keeps of the last lining-up of sessions: the documents they were read
 * from and what came of it. While the logs and records are the same remembered documents, the sessions
 * stand; when they were read again and came out the same in every figure, the same objects stand, so
 * the checks that read them see at once that nothing changed.
 */
export interface LineUpMemo {
  /** The documents as last passed, and the facts read from them (an incremental checker reads only those that changed). */
  documents?: PortfolioDocument[];
  facts?: PortfolioFacts;
  /** The session templates those facts were read for. */
  sessionTemplates?: SessionTemplates;
  /** Client keys by reference as written (a pure function's answers, kept). */
  keys?: Map<string, string>;
  logs?: KnownDocument[];
  records?: KnownDocument[];
  sessions?: Session[];
  clients?: Map<string, string>;
  disagreements?: HoursDisagreement[];
}

/** One coaching session, from an hours-log row, a session record, or both. */
export interface Session {
  client: string;
  /** `clientKey(client)`, worked out once. */
  clientKey: string;
  sessionNo?: number;
  date?: string;
  /** Its length in minutes (durations are added up in minutes, so three of 20 minutes are exactly an hour). */
  minutes: number;
  log: { pointer: Pointer; minutes?: number } | undefined;
  record: { pointer: Pointer; minutes?: number } | undefined;
}

/** What the documents of a portfolio say, read once and shared by every check. */
export interface PortfolioFacts {
  /** Known documents by template id, in portfolio order. */
  byTemplate: Map<string, KnownDocument[]>;
  known: KnownDocument[];
  sessions: Session[];
  /** Clients who had at least one session: normalised key → the reference as first written. */
  clients: Map<string, string>;
  invalid: InvalidDocument[];
  unknown: string[];
  disagreements: HoursDisagreement[];
}

/** The top-level fields of a template with the role `client-ref`, in schema order (worked out once). */
const clientRefSteps = memoByObject((template: Template): string[] =>
  fieldsByRole(template)
    .filter((f) => f.role === "client-ref" && f.steps.length === 1)
    .map((f) => f.steps[0]!),
);

/** The document's own client reference: the first top-level client-ref field that holds a string. */
function clientRefOf(template: Template, data: unknown): string | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  for (const step of clientRefSteps(template)) {
    const value = Object.hasOwn(data, step) ? (data as Record<string, unknown>)[step] : undefined;
    if (typeof value === "string") return value;
  }
  return undefined;
}
/** The template ids that hold a portfolio's sessions (worked out once per qualification). */
export interface SessionTemplates {
  logs: ReadonlySet<string>;
  records: ReadonlySet<string>;
}

/**
 * Reads a portfolio's documents once: validates each, finds its client, and lines up the sessions of
 * the hours logs with the session records.
 *
 * @param documents - the learner's documents
 * @param registry - where their templates are found
 * @param validate - validates one document against its template (its version's)
 * @param sessions - the template ids whose documents log sessions and record them one by one
 */
export function collectFacts(
  documents: PortfolioDocument[],
  registry: Registry,
  validate: (document: PortfolioDocument) => ValidationResult,
  sessions: SessionTemplates,
  cache?: FactsCache,
  lineUp?: LineUpMemo,
): PortfolioFacts {
  if (lineUp !== undefined && cache !== undefined) {
    const changed = collectChanged(documents, registry, validate, sessions, cache, lineUp);
    if (changed !== undefined) return changed;
  }
  const facts: PortfolioFacts = { byTemplate: new Map(), known: [], sessions: [], clients: new Map(), invalid: [], unknown: [], disagreements: [] };
  const logs: KnownDocument[] = [];
  const records: KnownDocument[] = [];
  const keys = lineUp ? (lineUp.keys ??= new Map<string, string>()) : new Map<string, string>();
  const out: { result: ValidationResult } = { result: VALID_ANSWER };
  for (const document of documents) {
    const known = readDocument(document, registry, validate, keys, cache, out);
    if (known === undefined) {
      facts.unknown.push(document.id);
      continue;
    }
    const result = out.result;
    if (!result.valid) facts.invalid.push({ document: document.id, template: document.template, errors: result.errors });
    facts.known.push(known);
    const ofTemplate = facts.byTemplate.get(document.template);
    if (ofTemplate) ofTemplate.push(known);
    else facts.byTemplate.set(document.template, [known]);
    if (sessions.logs.has(document.template)) logs.push(known);
    else if (sessions.records.has(document.template)) records.push(known);
  }
  if (lineUp === undefined) lineUpSessions(facts, logs, records, keys, cache !== undefined);
  else {
    lineUpRemembered(facts, logs, records, keys, lineUp);
    lineUp.documents = documents.slice();
    lineUp.facts = facts;
    lineUp.sessionTemplates = sessions;
  }
  return facts;
}

/** Where `readDocument` puts a document's validation (one object for a whole portfolio: nothing made per document). */
const VALID_ANSWER: ValidationResult = { valid: true, errors: [] } as unknown as ValidationResult;

/**
 * A document as read: from the cache while unchanged, else validated and read (and cached), its
 * validation put in `out`; `undefined` when its template is unknown.
 */
function readDocument(
  document: PortfolioDocument,
  registry: Registry,
  validate: (document: PortfolioDocument) => ValidationResult,
  keys: Map<string, string>,
  cache: FactsCache | undefined,
  out: { result: ValidationResult },
): KnownDocument | undefined {
  const cached = cache?.get(document.id);
  if (cached !== undefined && unchanged(cached.document, document)) {
    if (cached.known.client !== undefined) keys.set(cached.known.client, cached.known.clientKey!);
    out.result = cached.result;
    return cached.known;
  }
  const template = registry.get(document.template, document.version);
  if (!template) return undefined;
  const result = validate(document);
  const ref = clientRefOf(template, document.data);
  // Every known document gets the same fields in the same order (one object shape for the checks to read).
  const memo: DocumentMemo = cache ? { rows: undefined, personNames: undefined, names: undefined, tools: undefined, roleMinutes: undefined } : {};
  const known: KnownDocument = { document, template, readers: roleReaders(template), valid: result.valid, client: undefined, clientKey: undefined, memo };
  if (ref !== undefined && ref.trim() !== "") {
    known.client = ref.trim();
    let key = keys.get(known.client);
    if (key === undefined) keys.set(known.client, (key = clientKey(known.client)));
    known.clientKey = key;
  }
  cache?.set(document.id, { document, known, result });
  out.result = result;
  return known;
}

/**
 * The facts of an incremental checker's portfolio when the documents are those of the last check, in
 * the same order, some of them changed (the same ids and templates; none unknown): only the changed
 * ones are read, and the lists of every template no changed document belongs to stay the same objects
 * (so the checks that read them see at once that nothing changed). `undefined` when that is not so.
 */
function collectChanged(
  documents: PortfolioDocument[],
  registry: Registry,
  validate: (document: PortfolioDocument) => ValidationResult,
  sessions: SessionTemplates,
  cache: FactsCache,
  memo: LineUpMemo,
): PortfolioFacts | undefined {
  const last = memo.facts;
  const before = memo.documents;
  if (last === undefined || before === undefined || memo.sessionTemplates !== sessions || before.length !== documents.length || last.unknown.length > 0 || last.known.length !== documents.length) return undefined;
  let known: KnownDocument[] | undefined;
  let byTemplate: Map<string, KnownDocument[]> | undefined;
  let invalidChanged = false;
  let sessionsChanged = false;
  const keys = (memo.keys ??= new Map());
  const out: { result: ValidationResult } = { result: VALID_ANSWER };
  for (let i = 0; i < documents.length; i++) {
    const document = documents[i]!;
    const old = before[i]!;
    if (document === old) continue;
    if (document.id !== old.id || document.template !== old.template) return undefined;
    const now = readDocument(document, registry, validate, keys, cache, out);
    if (now === undefined) return undefined;
    const was = last.known[i]!;
    if (now === was) continue;
    known ??= last.known.slice();
    known[i] = now;
    byTemplate ??= new Map(last.byTemplate);
    const list = byTemplate.get(document.template)!;
    const at = list.indexOf(was);
    if (at < 0) return undefined;
    const copy = list === last.byTemplate.get(document.template) ? list.slice() : list;
    copy[at] = now;
    byTemplate.set(document.template, copy);
    if (!was.valid || !now.valid) invalidChanged = true;
    if (sessions.logs.has(document.template) || sessions.records.has(document.template)) {
      // A log or record whose client and session rows are as before lines up as before: it only takes the old one's place.
      if (sessionsChanged || !sameRows(was, now) || !memo.logs || !memo.records) sessionsChanged = true;
      else {
        const inLogs = memo.logs.indexOf(was);
        const inRecords = memo.records.indexOf(was);
        if (inLogs >= 0) (memo.logs = memo.logs.slice())[inLogs] = now;
        else if (inRecords >= 0) (memo.records = memo.records.slice())[inRecords] = now;
        else sessionsChanged = true;
      }
    }
  }
  memo.documents = documents.slice();
  if (known === undefined || byTemplate === undefined) return last;
  const facts: PortfolioFacts = { byTemplate, known, sessions: [], clients: new Map(), invalid: last.invalid, unknown: [], disagreements: [] };
  if (invalidChanged) {
    facts.invalid = [];
    for (const k of known) if (!k.valid) facts.invalid.push({ document: k.document.id, template: k.document.template, errors: cache.get(k.document.id)!.result.errors });
  }
  if (sessionsChanged) {
    const logs: KnownDocument[] = [];
    const records: KnownDocument[] = [];
    for (const k of known) {
      if (sessions.logs.has(k.document.template)) logs.push(k);
      else if (sessions.records.has(k.document.template)) records.push(k);
    }
    lineUpRemembered(facts, logs, records, keys, memo);
  } else {
    facts.sessions = memo.sessions!;
    facts.clients = memo.clients!;
    facts.disagreements = memo.disagreements!;
  }
  memo.facts = facts;
  return facts;
}

/** `lineUpSessions` for an incremental checker: see {@link LineUpMemo}. */
function lineUpRemembered(facts: PortfolioFacts, logs: KnownDocument[], records: KnownDocument[], keys: Map<string, string>, last: LineUpMemo): void {
  if (last.sessions !== undefined && sameDocuments(last.logs!, logs) && sameDocuments(last.records!, records)) {
    facts.sessions = last.sessions;
    facts.clients = last.clients!;
    facts.disagreements = last.disagreements!;
    return;
  }
  lineUpSessions(facts, logs, records, keys, true);
  if (last.sessions !== undefined && sameSessions(last.sessions, facts.sessions) && sameDisagreements(last.disagreements!, facts.disagreements)) {
    facts.sessions = last.sessions;
    facts.clients = last.clients!;
    facts.disagreements = last.disagreements!;
  }
  last.logs = logs;
  last.records = records;
  last.sessions = facts.sessions;
  last.clients = facts.clients;
  last.disagreements = facts.disagreements;
}

/** Whether a session log or record, read again, has the same client and session rows (in every field the lining-up reads). */
function sameRows(was: KnownDocument, now: KnownDocument): boolean {
  if (was.client !== now.client || was.clientKey !== now.clientKey || was.memo.rows === undefined) return false;
  const a = was.memo.rows;
  const b = (now.memo.rows ??= new RowGatherer().rowsOf(now));
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.firstPath !== y.firstPath || x.date !== y.date || x.sessionNo !== y.sessionNo || x.minutes !== y.minutes || x.hoursPath !== y.hoursPath || x.client !== y.client) return false;
  }
  return true;
}

/** Whether two lists of disagreements say the same (they follow from the sessions' figures; checked all the same). */
function sameDisagreements(a: HoursDisagreement[], b: HoursDisagreement[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.client !== y.client || x.sessionNo !== y.sessionNo || x.date !== y.date || x.logHours !== y.logHours || x.recordHours !== y.recordHours) return false;
    if (x.pointers.length !== y.pointers.length || x.pointers.some((p, j) => p.document !== y.pointers[j]!.document || p.path !== y.pointers[j]!.path)) return false;
  }
  return true;
}

/** Whether a document is the one cached: same template version, approval and signers' signatures, and same revision (or, without revisions, the same data object). */
function unchanged(before: PortfolioDocument, now: PortfolioDocument): boolean {
  if (before === now) return true;
  if (before.template !== now.template || before.version !== now.version || before.approved !== now.approved) return false;
  const same = before.revision !== undefined && now.revision !== undefined ? before.revision === now.revision : before.data === now.data;
  if (!same) return false;
  if (before.signerSignatures === now.signerSignatures) return true;
  return JSON.stringify(before.signerSignatures ?? null) === JSON.stringify(now.signerSignatures ?? null);
}
