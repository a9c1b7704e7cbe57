import type { Registry } from "../../registry/createRegistry.ts";
import type { FieldRole } from "../../registry/types.ts";
import type { Unit } from "../../qualification/types.ts";
import { clientKey, type KnownDocument, type PortfolioFacts } from "../facts.ts";
import type { CheckResult, Pointer } from "../types.ts";

/** What every check is given. */
export interface CheckContext {
  facts: PortfolioFacts;
  unit: Unit;
  /** How the unit is named in reasons: `Unit 501`, or `the earlier Unit 501`. */
  unitName: string;
  registry: Pick<Registry, "get">;
  /** ISO date used to notice sessions dated in the future. */
  today: string;
  /**
   * True for an incremental checker: a check may keep what it works out from one document in that
   * document's `memo` (the next check reuses unchanged documents). False for a one-off check, where
   * keeping it would only cost.
   */
  remember?: boolean;
  /**
   * An incremental checker's store for this one check, kept from one re-check to the next (absent
   * for a one-off check): what the check worked out over every document last time, to update by the
   * documents that changed.
   */
  keep?: { value?: unknown };
  /**
   * Figures more than one check (or the summary) needs, worked out once per portfolio. Kept on the
   * context rather than in a weak map keyed by it: a weak map with an entry per call slows the garbage
   * collector for everything else in the process.
   */
  memo: {
    roleHours?: Map<FieldRole, { total: number; pointers: Pointer[] }>;
    hoursByClient?: Record<string, number>;
    /** `everySessionHas` without rows, by its templates and words: 2.4 and 3.1 ask the same of the logs. */
    everySessionHas?: Map<string, CheckResult>;
  };
}

/** A declared check made ready to run: the template ids whose documents it reads (so invalid ones can be mentioned). */
export interface Check {
  reads: string[];
  /** Set by `forTheAssessor` alone: a person must judge the criterion once every other check is met. */
  judgement?: true;
  /**
   * `undefined` is "nothing to say": an `optional` check whose documents are not there (the handbook
   * lets a centre evidence the criterion otherwise), so the finding is what it would be without it.
   */
  run(context: CheckContext): CheckResult | undefined;
}

/** What compiling a declared check may ask of its unit and qualification. */
export interface CompileContext {
  /**
   * The template id of a template name of the qualification (`hours-log` → `ilm-8588/hours-log`).
   * Throws, naming the parameter, when the qualification has no such template.
   */
  template(name: string, at: string): string;
  /**
   * Throws, naming the parameter, when none of the templates has a field of the role (and, when
   * `criterion` is given, a field of the role that carries that `x-ilm.criterion`).
   */
  requireRole(role: FieldRole, templateIds: string[], at: string, criterion?: string): void;
  /** Every template id of the qualification with a field of the role. */
  templatesWithRole(role: FieldRole): string[];
  /** The templates that hold the portfolio's sessions (`sessions` of the qualification data). */
  sessions: { logs: string[]; records: string[]; activity: string };
  /** Throws when the qualification declares no sessions (for kinds that read them). */
  requireSessions(at: string): void;
}

/**
 * One kind of the check vocabulary: how a declaration with its parameters (already checked against
 * the meta-schema, thresholds already put in) is made into a check, once per unit version.
 */
export interface CheckKind<P = Record<string, unknown>> {
  compile(params: P, unit: CompileContext, at: string): Check;
}

/**
 * The documents of the given templates, in portfolio order for one template, declared order for
 * several. A document whose template asks for the centre's approval (`x-ilm.approvedBy`) counts only
 * once approved.
 */
export function documentsOf(context: CheckContext, templateIds: string[]): KnownDocument[] {
  const found: KnownDocument[] = [];
  for (const id of templateIds) for (const known of context.facts.byTemplate.get(id) ?? []) if (isCounted(known)) found.push(known);
  return found;
}

/** The documents of the given templates that wait for the centre's approval (not counted by {@link documentsOf}). */
export function awaitingApproval(context: CheckContext, templateIds: string[]): KnownDocument[] {
  const found: KnownDocument[] = [];
  for (const id of templateIds) for (const known of context.facts.byTemplate.get(id) ?? []) if (!isCounted(known)) found.push(known);
  return found;
}

function isCounted(known: KnownDocument): boolean {
  const approvers = known.template.annotations.approvedBy ?? [];
  return approvers.length === 0 || known.document.approved === true;
}

/** The template ids of a list of template names. */
export const templateIds = (unit: CompileContext, names: string[], at: string): string[] => names.map((name, i) => unit.template(name, `${at}/${i}`));

/** `Development needs` from `development needs`. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const met = (reasons: string[], pointers: Pointer[] = []): CheckResult => ({ status: "met", reasons, pointers });
export const notMet = (reasons: string[], pointers: Pointer[] = []): CheckResult => ({ status: "not met", reasons, pointers });
export const forAssessor = (reasons: string[], pointers: Pointer[] = []): CheckResult => ({ status: "for the assessor", reasons, pointers });

/** Hours as people write them: 17.5, 18, 0.83. */
export function hours(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `1 hour`, `17.5 hours`, and minutes beside anything under an hour: `0.83 hours (50 minutes)`. */
export function hoursPhrase(value: number): string {
  const shown = hours(value);
  const text = `${shown} ${shown === "1" ? "hour" : "hours"}`;
  return value > 0 && value < 1 ? `${text} (${count(Math.round(value * 60), "minute")})` : text;
}

/**
 * `hoursPhrase` for a total short of a target, never rounded up to it: where two decimals would
 * show the target itself (17.996 of 18), or are rounded within an hour of it (17.98 for 17 hours 59
 * minutes), whole hours and minutes, rounded down (`17 hours 59 minutes`).
 *
 * @param value - the total, less than `target`
 * @param target - the hours needed
 * @returns the phrase
 */
export function hoursShortOf(value: number, target: number): string {
  // Two decimals that are exact (17.5) or that cannot reach the target stand; otherwise hours and minutes.
  const shown = Number(hours(value));
  if (shown < target && (Math.abs(shown - value) < 1e-9 || target - value >= 1)) return hoursPhrase(value);
  // Totals are hours rounded to thousandths (within 0.06 minutes of the minutes added up); never the target itself.
  const minutes = Math.min(Math.floor(value * 60 + 0.06), Math.ceil(target * 60) - 1);
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (whole === 0) return count(rest, "minute");
  return rest === 0 ? count(whole, "hour") : `${count(whole, "hour")} ${count(rest, "minute")}`;
}

/** `1 client`, `3 clients`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A list that stays readable: the first few, then "and N more". */
export function listOf(items: string[], shown = 5): string {
  if (items.length <= shown) return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] ?? "");
  return `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;
}

/** Documents of the given templates about one client. */
export function forClient(context: CheckContext, templateIds: string[], client: string): KnownDocument[] {
  // The clients a check walks are the values of `facts.clients`, whose keys are already worked out.
  let key: string | undefined;
  for (const [k, name] of context.facts.clients) {
    if (name === client) {
      key = k;
      break;
    }
  }
  key ??= clientKey(client);
  const found: KnownDocument[] = [];
  for (const known of documentsOf(context, templateIds)) if (known.clientKey === key) found.push(known);
  return found;
}

/** The clients a per-client check walks: those with sessions. */
export function sessionClients(context: CheckContext): string[] {
  return [...context.facts.clients.values()];
}

export const pointTo = (known: KnownDocument, path?: string): Pointer => (path === undefined ? { document: known.document.id } : { document: known.document.id, path });

/** Reads a value at property steps (no wildcards). */
export function readAt(data: unknown, steps: string[]): unknown {
  let node = data;
  for (const step of steps) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

export const isFilled = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";

/** `Client 2 session 3`, or `Client 2's session of 2026-03-10` when the session has no number. */
export function sessionLabel(session: { client: string; sessionNo?: number; date?: string }): string {
  if (session.sessionNo !== undefined) return `${session.client} session ${session.sessionNo}${session.date ? ` (${session.date})` : ""}`;
  return `${session.client}'s session of ${session.date ?? "an unknown date"}`;
}
