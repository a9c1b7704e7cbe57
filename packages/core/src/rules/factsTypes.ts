// The shapes of what the checks read from a portfolio: each document as known, and the facts of the
// whole portfolio (its documents by template, sessions, clients, invalid and unknown documents).
import type { PortfolioDocument } from "../portfolio/types.ts";
import type { FieldRole, Template } from "../registry/types.ts";
import type { ValidationResult } from "../validation/types.ts";
import type { RoleReaders } from "../roles/fieldsByRole.ts";
import type { HoursDisagreement, InvalidDocument, Pointer } from "./types.ts";
import type { Row } from "./sessionRows.ts";
import type { NamedPersonWarning } from "../confidentiality/scanNames.ts";

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

/** The template ids that hold a portfolio's sessions (worked out once per qualification). */
export interface SessionTemplates {
  logs: ReadonlySet<string>;
  records: ReadonlySet<string>;
}
