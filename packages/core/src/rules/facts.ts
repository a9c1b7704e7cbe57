import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { Template } from "../registry/types.ts";
import type { ValidationResult } from "../validation/types.ts";
import type { EvidenceKind } from "./evidenceSources.ts";
import { valuesByRole } from "./fieldsByRole.ts";
import type { HoursDisagreement, InvalidDocument, Pointer } from "./types.ts";

/** A document whose template the registry knows. */
export interface KnownDocument {
  document: PortfolioDocument;
  template: Template;
  valid: boolean;
  /** The client the document is about (its top-level client reference), if any. */
  client?: string;
}

/** One coaching session, from an hours-log row, a session record, or both. */
export interface Session {
  client: string;
  sessionNo?: number;
  date?: string;
  hours: number;
  log?: { pointer: Pointer; hours?: number };
  record?: { pointer: Pointer; hours?: number };
}

/** What the documents of a portfolio say, read once and shared by every check. */
export interface PortfolioFacts {
  byKind: Map<EvidenceKind, KnownDocument[]>;
  known: KnownDocument[];
  sessions: Session[];
  /** Clients who had at least one session: normalised key → the reference as first written. */
  clients: Map<string, string>;
  invalid: InvalidDocument[];
  unknown: string[];
  disagreements: HoursDisagreement[];
}

/** Clients are matched ignoring case and spacing: "client 1" and "Client  1" are the same person. */
export function clientKey(ref: string): string {
  return ref.trim().replace(/\s+/g, " ").toLowerCase();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isHours = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;

/**
 * Reads a portfolio's documents once: validates each, finds its client, and lines up the sessions of
 * the hours logs with the session records.
 *
 * @param documents - the learner's documents
 * @param registry - where their templates are found
 * @param validate - validates one document against its template
 * @param templates - the scheme's template ids by the part they play
 */
export function collectFacts(
  documents: PortfolioDocument[],
  registry: Registry,
  validate: (template: string, data: unknown, options: { version?: string }) => ValidationResult,
  templates: Partial<Record<EvidenceKind, string>>,
): PortfolioFacts {
  const kindOf = new Map(Object.entries(templates).map(([kind, id]) => [id, kind as EvidenceKind]));
  const facts: PortfolioFacts = { byKind: new Map(), known: [], sessions: [], clients: new Map(), invalid: [], unknown: [], disagreements: [] };
  for (const document of documents) {
    const template = registry.get(document.template, document.version);
    if (!template) {
      facts.unknown.push(document.id);
      continue;
    }
    const result = validate(document.template, document.data, { version: document.version });
    if (!result.valid) facts.invalid.push({ document: document.id, template: document.template, errors: result.errors });
    const ref = valuesByRole(template, document.data, "client-ref").find((v) => v.path.split("/").length === 2 && typeof v.value === "string");
    const known: KnownDocument = { document, template, valid: result.valid };
    if (ref && (ref.value as string).trim() !== "") known.client = (ref.value as string).trim();
    facts.known.push(known);
    const kind = kindOf.get(document.template);
    if (kind) {
      const ofKind = facts.byKind.get(kind);
      if (ofKind) ofKind.push(known);
      else facts.byKind.set(kind, [known]);
    }
  }
  lineUpSessions(facts);
  return facts;
}

interface Row {
  prefix: string;
  date?: string;
  sessionNo?: number;
  hours?: number;
  hoursPath?: string;
}

/** Groups a document's session-date, session-no and duration fields by the row (or root) that holds them. */
function sessionRows(known: KnownDocument): Row[] {
  const rows = new Map<string, Row>();
  const row = (path: string): Row => {
    const prefix = path.slice(0, path.lastIndexOf("/"));
    let found = rows.get(prefix);
    if (!found) rows.set(prefix, (found = { prefix }));
    return found;
  };
  const { template, document } = known;
  for (const v of valuesByRole(template, document.data, "session-date")) if (typeof v.value === "string" && DATE.test(v.value)) row(v.path).date = v.value;
  for (const v of valuesByRole(template, document.data, "session-no")) if (Number.isInteger(v.value)) row(v.path).sessionNo = v.value as number;
  for (const v of valuesByRole(template, document.data, "duration")) {
    if (!isHours(v.value)) continue;
    const target = row(v.path);
    target.hours = v.value;
    target.hoursPath = v.path;
  }
  return [...rows.values()];
}

function lineUpSessions(facts: PortfolioFacts): void {
  const sessionKey = (client: string, row: Row): string => `${clientKey(client)}\u0000${row.sessionNo ?? `d${row.date}`}`;
  const byKey = new Map<string, Session>();
  const byDate = new Map<string, Session>();
  for (const log of facts.byKind.get("hoursLog") ?? []) {
    if (!log.client) continue;
    for (const row of sessionRows(log)) {
      if (row.date === undefined && row.sessionNo === undefined && row.hours === undefined) continue;
      const session: Session = { client: log.client, sessionNo: row.sessionNo, date: row.date, hours: row.hours ?? 0 };
      session.log = { pointer: { document: log.document.id, path: row.hoursPath ?? row.prefix }, hours: row.hours };
      const key = sessionKey(log.client, row);
      if (byKey.has(key)) continue;
      byKey.set(key, session);
      if (row.date) byDate.set(`${clientKey(log.client)}\u0000${row.date}`, session);
      facts.sessions.push(session);
    }
  }
  for (const record of facts.byKind.get("sessionRecord") ?? []) {
    if (!record.client) continue;
    const row = sessionRows(record)[0] ?? { prefix: "" };
    const pointer = { document: record.document.id, path: row.hoursPath };
    const session = byKey.get(sessionKey(record.client, row)) ?? (row.date ? byDate.get(`${clientKey(record.client)}\u0000${row.date}`) : undefined);
    if (session && !session.record) {
      session.record = { pointer, hours: row.hours };
      if (session.log?.hours === undefined && row.hours !== undefined) session.hours = row.hours;
      if (session.log?.hours !== undefined && row.hours !== undefined && Math.abs(session.log.hours - row.hours) > 0.005) {
        facts.disagreements.push({
          client: session.client,
          sessionNo: session.sessionNo,
          date: session.date,
          logHours: session.log.hours,
          recordHours: row.hours,
          pointers: [session.log.pointer, pointer],
        });
      }
      continue;
    }
    const own: Session = { client: record.client, sessionNo: row.sessionNo, date: row.date, hours: row.hours ?? 0, record: { pointer, hours: row.hours } };
    byKey.set(sessionKey(record.client, row), own);
    facts.sessions.push(own);
  }
  for (const session of facts.sessions) {
    const key = clientKey(session.client);
    if (!facts.clients.has(key)) facts.clients.set(key, session.client);
  }
}
