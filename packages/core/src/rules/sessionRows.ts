import type { Template } from "../registry/types.ts";
import { eachValueIn, escapeStep, fieldsByRole, minutesPerUnit, needsOwnCheck, runsOf, type RoleVisitor } from "../roles/fieldsByRole.ts";
import { memoByObject } from "../roles/memoByObject.ts";
import type { KnownDocument } from "./facts.ts";
import { isIsoDate } from "./isoDate.ts";

const isDuration = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;

/**
 * The session rows of one document read both ways, for tests: in one walk when its session fields sit
 * side by side (what the rules use), and one walk a role (what they use for other layouts).
 *
 * @param known - the document with its template
 * @returns the rows each way
 */
export function sessionRowsBothWays(known: KnownDocument): { sideBySide: Row[] | undefined; general: Row[] } {
  const layout = layoutOf(known.template);
  return { sideBySide: layout === null ? undefined : rowsSideBySide(layout, known.document.data), general: new RowGatherer().generalRowsOf(known) };
}

export interface Row {
  /** The pointer of the first value found in the row; the row's own pointer is this less its last step. */
  firstPath: string;
  date: string | undefined;
  sessionNo: number | undefined;
  /** The session's length in minutes, whatever unit its field counts (whole where the field counts minutes). */
  minutes: number | undefined;
  hoursPath: string | undefined;
  /** The row's own client reference, where the template keeps one beside the session fields. */
  client?: string;
}

/** The JSON pointer of the row (or root) that holds a row's values. */
export const prefixOf = (row: Row): string => row.firstPath.slice(0, row.firstPath.lastIndexOf("/"));

/**
 * Groups a document's session-date, session-no and duration fields by the row (or root) that holds
 * them, in the order the rows are first met (dates, then numbers, then durations). The object or array
 * that holds a value identifies its row: in JSON two different pointers never reach the same object.
 * One gatherer serves every document of a portfolio, so its three visitors are made once.
 */
export class RowGatherer {
  private rows: Row[] = [];
  /** The containers that identify the rows, in the same order. */
  private containers: unknown[] = [];
  /**
   * Each role's values come row by row in array order, so the next row is almost always the one after
   * the last found: look there first (no hash is made for a document's objects), then search.
   */
  private next = 0;

  private row(container: unknown, base: string, tail: string): Row {
    let at = this.containers[this.next] === container ? this.next : this.containers.indexOf(container);
    if (at === -1) {
      at = this.rows.length;
      this.rows.push({ firstPath: base + tail, date: undefined, sessionNo: undefined, minutes: undefined, hoursPath: undefined });
      this.containers.push(container);
    }
    this.next = at + 1;
    return this.rows[at]!;
  }

  private readonly onDate: RoleVisitor = (value, container, base, tail) => {
    if (isIsoDate(value)) this.row(container, base, tail).date = value;
  };

  private readonly onSessionNo: RoleVisitor = (value, container, base, tail) => {
    if (Number.isInteger(value)) this.row(container, base, tail).sessionNo = value as number;
  };

  /** The document being read: a client-ref at its root is the document's client, not a row's. */
  private root: unknown = undefined;

  private readonly onClient: RoleVisitor = (value, container) => {
    if (container === this.root || typeof value !== "string" || value.trim() === "") return;
    const at = this.containers.indexOf(container);
    if (at !== -1) this.rows[at]!.client = value.trim();
  };

  /** Minutes per unit of the duration field being read. */
  private scale = 60;

  private readonly onDuration: RoleVisitor = (value, container, base, tail) => {
    if (!isDuration(value)) return;
    const target = this.row(container, base, tail);
    target.minutes = value * this.scale;
    target.hoursPath = base + tail;
  };

  /** The rows of one document: in one walk when its session fields sit side by side. */
  rowsOf(known: KnownDocument): Row[] {
    const layout = layoutOf(known.template);
    return layout === null ? this.generalRowsOf(known) : rowsSideBySide(layout, known.document.data);
  }

  /** The rows of one document, wherever its session fields are: one walk a role. */
  generalRowsOf(known: KnownDocument): Row[] {
    const rows: Row[] = (this.rows = []);
    this.containers = [];
    const { readers, document } = known;
    this.next = 0;
    eachValueIn(readers, document.data, "session-date", this.onDate);
    this.next = 0;
    eachValueIn(readers, document.data, "session-no", this.onSessionNo);
    for (const reader of readers.get("duration") ?? []) {
      this.next = 0;
      this.scale = minutesPerUnit(reader.field);
      reader.read(document.data, this.onDuration);
    }
    if (rows.length > 0 && hasRowClient(known.template)) {
      this.root = document.data;
      eachValueIn(readers, document.data, "client-ref", this.onClient);
      this.root = undefined;
    }
    return rows;
  }
}

/** Whether a template has a client-ref field below its root (in a row), worked out once. */
const hasRowClient = memoByObject((template: Template): boolean => fieldsByRole(template).some((f) => f.role === "client-ref" && f.steps.length > 1));

/**
 * Where a template keeps its session fields when each role has at most one field and all of them sit
 * side by side in the same row (or at the root): the rows can then be read in one walk, three
 * property reads a row, instead of one walk a role and a search for each value's row.
 */
interface RowLayout {
  /** The steps to the object that holds the fields, cut at each `*` (as `runsOf`). */
  runs: string[][];
  /** The JSON pointer of each run. */
  pointers: string[];
  /** The property name of each role's field, and its pointer step (`/name`), when the template has one. */
  date: string | undefined;
  dateTail: string;
  sessionNo: string | undefined;
  sessionNoTail: string;
  duration: string | undefined;
  durationTail: string;
  /** Minutes per unit of the duration field. */
  durationScale: number;
  /** The property name of a client-ref field in the same row, when the template has one there. */
  client: string | undefined;
}

const SESSION_ROLES = ["session-date", "session-no", "duration"] as const;

/** The side-by-side layout of a template's session fields, or `null` when they are laid out otherwise (made once per template). */
const layoutOf = memoByObject((template: Template): RowLayout | null => {
  const fields = fieldsByRole(template).filter((f) => (SESSION_ROLES as readonly string[]).includes(f.role));
  if (fields.length === 0) return null;
  const holder = fields[0]!.steps.slice(0, -1);
  const byRole = new Map<string, string>();
  let durationScale = 60;
  let client: string | undefined;
  for (const field of fieldsByRole(template)) {
    if (field.role !== "client-ref" || holder.length === 0 || field.steps.length !== holder.length + 1) continue;
    if (holder.every((step, i) => field.steps[i] === step) && !needsOwnCheck(field.steps)) client ??= field.steps[holder.length];
  }
  for (const field of fields) {
    const key = field.steps[field.steps.length - 1]!;
    const sameHolder = field.steps.length === holder.length + 1 && holder.every((step, i) => field.steps[i] === step);
    if (byRole.has(field.role) || !sameHolder || key === "*" || needsOwnCheck(field.steps)) return null;
    byRole.set(field.role, key);
    if (field.role === "duration") durationScale = minutesPerUnit(field);
  }
  const runs = runsOf(holder);
  const tail = (key: string | undefined): string => (key === undefined ? "" : `/${escapeStep(key)}`);
  const [date, sessionNo, duration] = SESSION_ROLES.map((role) => byRole.get(role));
  return {
    runs,
    pointers: runs.map((run) => run.map((step) => `/${escapeStep(step)}`).join("")),
    date,
    dateTail: tail(date),
    sessionNo,
    sessionNoTail: tail(sessionNo),
    duration,
    durationTail: tail(duration),
    durationScale,
    client,
  };
});

/**
 * The rows of a document whose session fields sit side by side, in the order the general reading
 * gives them: rows with a date, then rows with only a number, then rows with only a duration, each in
 * document order. A row holds only values that pass (a date, a whole number, hours above zero).
 */
function rowsSideBySide(layout: RowLayout, data: unknown): Row[] {
  const dated: Row[] = [];
  let numbered: Row[] | undefined;
  let timed: Row[] | undefined;
  const visit = (holder: Record<string, unknown>, base: string): void => {
    const date = layout.date === undefined ? undefined : holder[layout.date];
    const sessionNo = layout.sessionNo === undefined ? undefined : holder[layout.sessionNo];
    const duration = layout.duration === undefined ? undefined : holder[layout.duration];
    const row: Row = { firstPath: "", date: undefined, sessionNo: undefined, minutes: undefined, hoursPath: undefined };
    if (isIsoDate(date)) row.date = date;
    if (Number.isInteger(sessionNo)) row.sessionNo = sessionNo as number;
    if (isDuration(duration)) {
      row.minutes = duration * layout.durationScale;
      row.hoursPath = base + layout.durationTail;
    }
    if (layout.client !== undefined) {
      const client = holder[layout.client];
      if (typeof client === "string" && client.trim() !== "") row.client = client.trim();
    }
    if (row.date !== undefined) {
      row.firstPath = base + layout.dateTail;
      dated.push(row);
    } else if (row.sessionNo !== undefined) {
      row.firstPath = base + layout.sessionNoTail;
      (numbered ??= []).push(row);
    } else if (row.minutes !== undefined) {
      row.firstPath = row.hoursPath!;
      (timed ??= []).push(row);
    }
  };
  walkToHolders(layout, data, 0, "", visit);
  if (numbered) for (const row of numbered) dated.push(row);
  if (timed) for (const row of timed) dated.push(row);
  return dated;
}

/** Walks the runs of a layout to each object that holds the session fields (as the role readers step). */
function walkToHolders(layout: RowLayout, node: unknown, at: number, base: string, visit: (holder: Record<string, unknown>, base: string) => void): void {
  const run = layout.runs[at]!;
  for (let i = 0; i < run.length; i++) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    node = (node as Record<string, unknown>)[run[i]!];
  }
  if (at === layout.runs.length - 1) {
    if (node !== null && typeof node === "object" && !Array.isArray(node)) visit(node as Record<string, unknown>, base + layout.pointers[at]!);
    return;
  }
  if (!Array.isArray(node)) return;
  const rowBase = `${base}${layout.pointers[at]!}/`;
  for (let index = 0; index < node.length; index++) walkToHolders(layout, node[index], at + 1, rowBase + index, visit);
}
