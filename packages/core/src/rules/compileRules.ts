import type { Qualification, Unit } from "../qualification/types.ts";
import type { FieldRole, Template } from "../registry/types.ts";
import { checkKinds } from "./checks/index.ts";
import type { Check, CheckKind, CompileContext } from "./checks/context.ts";
import type { SessionTemplates } from "./facts.ts";
import { fieldsByRole } from "../roles/fieldsByRole.ts";

/** The checks of one criterion, ready to run. */
export interface CriterionRules {
  /** The checks to run, in the order declared (`forTheAssessor` is not among them). */
  checks: Check[];
  /** Whether a person must judge the criterion once every check is met (`forTheAssessor` was declared). */
  judgement: boolean;
  /** The template ids whose documents the checks read: an invalid one of these is mentioned. */
  reads: ReadonlySet<string>;
}

/** A unit version's declared rules, compiled once. */
export interface UnitRules {
  /** By criterion id; a criterion with no declared check is absent. */
  criteria: Map<string, CriterionRules>;
  /** The templates that hold the portfolio's sessions. */
  sessions: SessionTemplates;
}

/** A declaration that cannot be compiled: `path` is the JSON pointer of the fault in qualification.json. */
export class RulesError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "RulesError";
  }
}

/**
 * Compiles the checks a unit version declares on its criteria, from the check vocabulary: thresholds
 * put in (`{ "threshold": "coachingHours" }`), template names made ids, every role a check reads found
 * on some template it names, and identical declarations on several criteria made one check (so it
 * runs once per portfolio).
 *
 * @param qualification - the qualification the unit belongs to
 * @param unit - the unit version
 * @param templates - every template (any version) the checks may name; those of the qualification are `<qualification id>/<name>`
 * @param options - `checkTemplates: false` to take template names on trust (at run time, against a
 *   registry that may hold only some templates; the build has checked them against all)
 * @returns the compiled rules
 * @throws RulesError naming the path in qualification.json of an unknown kind, template, threshold or role
 */
export function compileUnitRules(qualification: Qualification, unit: Unit, templates: Template[], options: { checkTemplates?: boolean } = {}): UnitRules {
  const strict = options.checkTemplates !== false;
  const unitIndex = qualification.units.indexOf(unit);
  const unitPath = `/units/${unitIndex === -1 ? "?" : unitIndex}`;
  const prefix = `${qualification.id}/`;
  const own = templates.filter((t) => t.id.startsWith(prefix));
  const byId = new Map<string, Template[]>();
  for (const t of own) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  const carries = (id: string, role: FieldRole, criterion?: string): boolean =>
    (byId.get(id) ?? []).some((t) => fieldsByRole(t).some((f) => f.role === role && (criterion === undefined || f.criterion === criterion)));
  const template = (name: string, at: string): string => {
    const id = `${prefix}${name}`;
    if (strict && !byId.has(id)) throw new RulesError(at, `there is no template "${name}" in ${qualification.id} (schemas/${qualification.id}/templates/${name}.schema.json)`);
    return id;
  };
  const sessions = {
    logs: (qualification.sessions?.logs ?? []).map((name, i) => template(name, `/sessions/logs/${i}`)),
    records: (qualification.sessions?.records ?? []).map((name, i) => template(name, `/sessions/records/${i}`)),
    activity: qualification.sessions?.activity ?? "coaching",
  };
  const context: CompileContext = {
    template,
    requireRole(role, ids, at, criterion) {
      if (strict && !ids.some((id) => carries(id, role, criterion))) {
        const where = ids.length === 0 ? `any template of ${qualification.id}` : ids.map((id) => id.slice(prefix.length)).join(", ");
        const answering = criterion === undefined ? "" : ` and answers the criterion "${criterion}" (x-ilm.criterion)`;
        throw new RulesError(at, `no field of ${where} has the role "${role}"${answering}`);
      }
    },
    templatesWithRole: (role) => [...byId.keys()].filter((id) => carries(id, role)),
    sessions,
    requireSessions(at) {
      if (strict && sessions.logs.length === 0) throw new RulesError(at, `this check reads sessions, but ${qualification.id} declares no "sessions" (the templates that log them)`);
    },
  };
  const compiled = new Map<string, Check>();
  const criteria = new Map<string, CriterionRules>();
  unit.learningOutcomes.forEach((outcome, o) =>
    outcome.criteria.forEach((criterion, c) => {
      if (!criterion.checks) return;
      const rules: CriterionRules = { checks: [], judgement: false, reads: new Set() };
      criterion.checks.forEach((declaration, k) => {
        const at = `${unitPath}/learningOutcomes/${o}/criteria/${c}/checks/${k}`;
        const { kind: name, ...declared } = declaration;
        const kind = (checkKinds as Record<string, CheckKind<never>>)[name];
        if (!Object.hasOwn(checkKinds, name) || !kind) throw new RulesError(`${at}/kind`, `"${name}" is not a kind of check; the kinds are ${Object.keys(checkKinds).join(", ")}`);
        const params = withThresholds(declared, unit, at);
        const key = `${name} ${canonical(params)}`;
        let check = compiled.get(key);
        if (!check) compiled.set(key, (check = kind.compile(params as never, context, at)));
        if (check.judgement) rules.judgement = true;
        else rules.checks.push(check);
        for (const id of check.reads) (rules.reads as Set<string>).add(id);
      });
      criteria.set(criterion.id, rules);
    }),
  );
  return { criteria, sessions: { logs: new Set(sessions.logs), records: new Set(sessions.records) } };
}

/** The parameters with each `{ "threshold": name }` replaced by the unit's threshold of that name. */
function withThresholds(params: Record<string, unknown>, unit: Unit, at: string): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { threshold?: unknown }).threshold === "string") {
      const name = (value as { threshold: string }).threshold;
      const threshold = (unit.thresholds as Record<string, unknown> | undefined)?.[name];
      if (threshold === undefined) throw new RulesError(`${at}/${key}/threshold`, `unit ${unit.id} version ${unit.version} has no threshold "${name}"`);
      resolved[key] = threshold;
    } else resolved[key] = value;
  }
  return resolved;
}

/** JSON with the keys of every object in order, so equal declarations give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
