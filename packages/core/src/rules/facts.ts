// Reading a portfolio's documents once for every check: the facts' shapes are in factsTypes.ts, one
// document's reading in readDocument.ts, an incremental checker's re-reading in collectChanged.ts.
import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { ValidationResult } from "../validation/types.ts";
import { clientKey } from "./clientKey.ts";
import { collectChanged, lineUpRemembered } from "./collectChanged.ts";
import type { FactsCache, KnownDocument, LineUpMemo, PortfolioFacts, SessionTemplates } from "./factsTypes.ts";
import { lineUpSessions } from "./lineUpSessions.ts";
import { readDocument, VALID_ANSWER } from "./readDocument.ts";

export { clientKey };
export type { DocumentMemo, FactsCache, KnownDocument, LineUpMemo, PortfolioFacts, Session, SessionTemplates } from "./factsTypes.ts";

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
