// The facts of an incremental checker's portfolio read again: only the documents that changed, and
// the sessions lined up again only when their logs or records did.
import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { ValidationResult } from "../validation/types.ts";
import { lineUpSessions } from "./lineUpSessions.ts";
import { sameDocuments, sameSessions } from "./sameFacts.ts";
import type { HoursDisagreement } from "./types.ts";
import { RowGatherer } from "./sessionRows.ts";
import type { FactsCache, KnownDocument, LineUpMemo, PortfolioFacts, SessionTemplates } from "./factsTypes.ts";
import { readDocument, VALID_ANSWER } from "./readDocument.ts";

/**
 * The facts of an incremental checker's portfolio when the documents are those of the last check, in
 * the same order, some of them changed (the same ids and templates; none unknown): only the changed
 * ones are read, and the lists of every template no changed document belongs to stay the same objects
 * (so the checks that read them see at once that nothing changed). `undefined` when that is not so.
 */
export function collectChanged(
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
export function lineUpRemembered(facts: PortfolioFacts, logs: KnownDocument[], records: KnownDocument[], keys: Map<string, string>, last: LineUpMemo): void {
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
