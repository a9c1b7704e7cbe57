import { authenticityDeclarationTemplate, createPortfolioChecker, criteriaEvidenced, registry, templatesReadBy, type PortfolioCheck, type PortfolioChecker, type PortfolioDocument, type SignerSignatureState, type Template, type Unit } from "@ilm-forms/core";
import { approvedVersions, documentsFingerprint, listDocuments, listRegistrations, signerSignatureStates, type Db, type Registration, type Scope, type StoredDocument } from "@ilm-forms/db";
import { documentCaption } from "@ilm-forms/docgen";
import { createReadCache, RecentlyUsed, scopeKey } from "./readCache.server.ts";

/** One unit a learner is registered on, with what the records show. */
export interface UnitProgress {
  registration: Registration;
  unit: Unit;
  check: PortfolioCheck;
  /** The documents that evidence this unit (by the criteria their templates name), newest first. */
  documents: StoredDocument[];
  /** Templates that evidence the unit, for "add a document". */
  templates: Template[];
}

/**
 * A learner's units with the findings of `checkPortfolio` for each, computed over all their documents
 * (a reflective log evidences 501 and 503 alike).
 *
 * @param db - the connection
 * @param scope - the caller (the learner, an assigned assessor, an IQA or admin of the centre)
 * @param learnerId - the learner
 * @param unitId - only this unit (a page about one unit need not check the others)
 * @returns each registration with its unit, findings and documents
 */
export function learnerProgress(db: Db, scope: Scope, learnerId: string, unitId?: string): Promise<UnitProgress[]> {
  // Nothing written since this caller last asked: the same answer, without a query (the caller's
  // scope is in the key, so whether they may see the learner was decided on the same data).
  return unchangedCache.get(db, `${scopeKey(scope)}|${learnerId}|${unitId ?? "*"}`, async () => (await readProgress(db, scope, learnerId, unitId)));
}

/** How many answers each cache keeps (the least recently used go first). */
const PROGRESS_CACHE_SIZE = 500;
const unchangedCache = createReadCache<UnitProgress[]>(PROGRESS_CACHE_SIZE);

async function readProgress(db: Db, scope: Scope, learnerId: string, unitId?: string): Promise<UnitProgress[]> {
  const registrations = (await listRegistrations(db, scope, learnerId)).filter((r) => unitId === undefined || r.unit === unitId);
  if (registrations.length === 0) return [];
  // checkPortfolio is a pure function of the documents and the registrations: reuse its answer until
  // a document is created or saved (the fingerprint changes) or a registration changes.
  const fingerprint = (await documentsFingerprint(db, scope, learnerId));
  // The centre's approvals change what the rules count (x-ilm.approvedBy): they are part of the key.
  const approvals = (await approvedVersions(db, scope, learnerId));
  const key = fingerprint && `${scope.centreId}|${learnerId}|${registrations.map((r) => `${r.id}@${r.ruleSetVersion}`).join(",")}|${fingerprint}|${[...approvals].sort().join(",")}`;
  const cached = key ? progressCache.get(key) : undefined;
  if (cached) return cached;
  const progress = (await computeProgress(db, scope, learnerId, registrations, approvals));
  if (key) progressCache.set(key, progress);
  return progress;
}

const progressCache = new RecentlyUsed<UnitProgress[]>(PROGRESS_CACHE_SIZE);

/** Core's incremental checkers, one per learner's portfolio (or submission), least recently used dropped first. */
const checkers = new RecentlyUsed<PortfolioChecker>(PROGRESS_CACHE_SIZE);

/**
 * The incremental checker of one set of documents (a learner's portfolio, a submission): after a save it
 * reads only the saved document again (each document passes its stored version as its `revision`), and
 * answers exactly as `checkPortfolio` would.
 *
 * @param key - whose documents, e.g. `portfolio:<learner id>` or `submission:<id>` (centre-scoped ids)
 * @returns the checker for that key
 */
export function portfolioChecker(key: string): PortfolioChecker {
  let checker = checkers.get(key);
  if (!checker) checkers.set(key, (checker = createPortfolioChecker()));
  return checker;
}

async function computeProgress(db: Db, scope: Scope, learnerId: string, registrations: Registration[], approvals: Set<string>): Promise<UnitProgress[]> {
  const documents = (await listDocuments(db, scope, learnerId));
  // What the signers did: the rules count only their own signatures, matching the documents as they are.
  const signed = (await signerSignatureStates(db, scope, learnerId, documents));
  const portfolio = documents.map((d) => toPortfolioDocument(d, { signerSignatures: signed.get(d.id), approvals }));
  return registrations.flatMap((registration): UnitProgress[] => {
    const unit = registry.unit(registration.qualification, registration.unit, registration.ruleSetVersion);
    if (!unit) return [];
    const check = portfolioChecker(`portfolio:${scope.centreId}:${learnerId}`).check({ qualification: registration.qualification, unit: registration.unit, version: registration.ruleSetVersion }, portfolio);
    const templates = templatesForUnit(registration.qualification, registration.unit, registration.ruleSetVersion);
    return [{ registration, unit, check, documents: unitDocuments(documents, templates, registration.unit), templates }];
  });
}

/**
 * The authored templates of a unit: those whose `x-ilm.criteria` name the unit, those its rules read
 * (core's `templatesReadBy`), and the authenticity declaration every submission needs.
 *
 * @param qualification - e.g. `ilm-8588`
 * @param unitId - e.g. `501`
 * @param version - the unit's rule-set version (the current one when omitted)
 * @returns the templates in registry order
 */
export function templatesForUnit(qualification: string, unitId: string, version?: string): Template[] {
  const data = registry.qualification(qualification);
  const declaration = data && authenticityDeclarationTemplate(data);
  // What the unit's rules read belongs to the unit too (Unit 503 counts client feedback forms): the
  // submission then holds every document the learner's findings rest on, and the assessor's agree.
  const read = templatesReadBy(qualification, unitId, version);
  return registry
    .list()
    .filter((t) => t.id.startsWith(`${qualification}/`) && !t.annotations.generatedFrom)
    .filter((t) => (t.annotations.criteria ?? []).some((c) => c.startsWith(`${unitId}:`)) || t.annotations.criteriaFrom === "document" || t.id === declaration || read.has(t.id));
}

/**
 * The documents that belong to a unit: those filled in on one of the unit's templates.
 *
 * @param documents - the learner's documents
 * @param templates - the unit's templates (`templatesForUnit`)
 * @param unitId - the unit, e.g. `501`
 * @returns the unit's documents, in the order given
 */
export function unitDocuments(documents: StoredDocument[], templates: Template[], unitId: string): StoredDocument[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  return documents.filter((d) => {
    const template = byId.get(d.templateId);
    if (!template) return false;
    // A record whose own lists name the criteria (a professional discussion) belongs to the units it names.
    if (template.annotations.criteriaFrom !== "document") return true;
    const own = registry.get(d.templateId, d.templateVersion) ?? template;
    return criteriaEvidenced(own, d.data).some((c) => c.startsWith(`${unitId}:`));
  });
}

/**
 * A stored document as core's rules and docgen take it: the one mapping from the store to both
 * (docgen reads its id, template, version and data; the rules also what the signers and the centre did).
 *
 * @param document - the stored document
 * @param what - what else the rules read of it, where the caller read it: `signerSignatures`, what the
 *   signers did on it (db's `signerSignatureStates`); `approvals`, `documentId@version` of the centre's
 *   approvals (`approvedVersions`), so that it is approved when the centre approved this version
 * @returns the portfolio document
 */
export function toPortfolioDocument(document: StoredDocument, what: { signerSignatures?: Record<string, SignerSignatureState> | undefined; approvals?: Set<string> | undefined } = {}): PortfolioDocument {
  // The stored version is the revision: core's incremental checker reads a document again only when it changes.
  const portfolio: PortfolioDocument = { id: document.id, template: document.templateId, version: document.templateVersion, data: document.data, revision: document.version };
  if (what.signerSignatures) portfolio.signerSignatures = what.signerSignatures;
  if (what.approvals?.has(`${document.id}@${document.version}`)) portfolio.approved = true;
  return portfolio;
}

/**
 * A short, human label for a document in lists: its template's title, then docgen's caption (client,
 * session, date; the unit left out, as lists sit within a unit), so a document reads as the printed portfolio names it.
 *
 * @param document - the stored document
 * @returns e.g. `Coaching/ Mentoring Record · Client 1 · Session 2 · 03/03/2026`
 */
export function documentLabel(document: Pick<StoredDocument, "templateId" | "templateVersion" | "data">): string {
  const template = registry.get(document.templateId, document.templateVersion);
  if (!template) return document.templateId;
  const caption = documentCaption(template, document.data, { unit: false });
  const title = template.title.length > 70 ? `${template.title.slice(0, 67)}…` : template.title;
  return caption ? `${title} · ${caption}` : title;
}
