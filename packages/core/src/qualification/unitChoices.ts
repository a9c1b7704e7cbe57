import type { Qualification } from "./types.ts";

/** A unit version a learner can be registered on, with the routes it belongs to. */
export interface UnitChoice {
  qualification: string;
  unit: string;
  version: string;
  title: string;
  current: boolean;
  /** The routes (awards) that need the unit; empty when the qualification defines no route for it. */
  routes: Array<{ id: string; title: string }>;
}

/**
 * Every unit version of every qualification, for a registration form that names no scheme: the
 * current versions first within each qualification, in the order of the data.
 *
 * @param qualifications - e.g. `registry.qualifications()`
 * @returns one choice per unit version
 */
export function unitChoices(qualifications: Qualification[]): UnitChoice[] {
  return qualifications.flatMap((q) =>
    [...q.units.filter((u) => u.current), ...q.units.filter((u) => !u.current)].map((u) => ({
      qualification: q.id,
      unit: u.id,
      version: u.version,
      title: u.title,
      current: u.current,
      routes: (q.routes ?? []).filter((r) => r.units.includes(u.id)).map((r) => ({ id: r.id, title: r.title })),
    })),
  );
}

/**
 * The id of the template on which a learner declares their work their own, when the qualification
 * names one (`authenticityDeclaration` in its data).
 *
 * @param qualification - the qualification data
 * @returns e.g. `ilm-8588/authenticity-declaration`, or `undefined`
 */
export function authenticityDeclarationTemplate(qualification: Qualification): string | undefined {
  return qualification.authenticityDeclaration === undefined ? undefined : `${qualification.id}/${qualification.authenticityDeclaration}`;
}
