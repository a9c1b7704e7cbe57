import { findUnit } from "../qualification/findUnit.ts";
import type { Qualification, Unit } from "../qualification/types.ts";
import type { RegistryEntry, Template } from "./types.ts";

/** Every template and qualification known to one installation, looked up by id and version. */
export interface Registry {
  /** The current version of every template, in id order. */
  list(): Template[];
  /** Every version of every template. */
  listAllVersions(): Template[];
  /** A template by id; the current version unless one is named. */
  get(id: string, version?: string): Template | undefined;
  /** A template with its validator. */
  entry(id: string, version?: string): RegistryEntry | undefined;
  qualification(id: string): Qualification | undefined;
  qualifications(): Qualification[];
  /** A unit of a qualification; the current rule-set version unless one is named. */
  unit(qualificationId: string, unitId: string, version?: string): Unit | undefined;
  /** Adds a template that arrived after the build (compiled at run time). */
  add(entry: RegistryEntry): void;
}

/**
 * Creates a registry over templates with their validators and over qualifications.
 *
 * @param entries - templates with validators (the precompiled set, or compiled at run time)
 * @param qualifications - the qualification data
 * @returns the registry
 */
export function createRegistry(entries: RegistryEntry[], qualifications: Qualification[]): Registry {
  const byId = new Map<string, RegistryEntry[]>();
  const add = (entry: RegistryEntry): void => {
    const versions = byId.get(entry.template.id) ?? [];
    if (versions.some((e) => e.template.version === entry.template.version)) {
      throw new Error(`Template ${entry.template.id} version ${entry.template.version} is registered twice`);
    }
    versions.push(entry);
    versions.sort((a, b) => compareVersions(b.template, a.template));
    byId.set(entry.template.id, versions);
  };
  entries.forEach(add);
  const entry = (id: string, version?: string): RegistryEntry | undefined => {
    const versions = byId.get(id);
    if (!versions) return undefined;
    if (version === undefined) return versions[0];
    for (const e of versions) if (e.template.version === version) return e;
    return undefined;
  };
  const sortedIds = (): string[] => [...byId.keys()].sort();
  return {
    list: () => sortedIds().map((id) => byId.get(id)![0]!.template),
    listAllVersions: () => sortedIds().flatMap((id) => byId.get(id)!.map((e) => e.template)),
    get: (id, version) => entry(id, version)?.template,
    entry,
    qualification: (id) => qualifications.find((q) => q.id === id),
    qualifications: () => qualifications,
    unit: (qualificationId, unitId, version) => {
      const qualification = qualifications.find((q) => q.id === qualificationId);
      return qualification && findUnit(qualification, unitId, version);
    },
    add,
  };
}

/** Current before superseded, then the higher version first (numeric parts compared as numbers). */
function compareVersions(a: Template, b: Template): number {
  const currentA = a.annotations.current !== false ? 1 : 0;
  const currentB = b.annotations.current !== false ? 1 : 0;
  if (currentA !== currentB) return currentA - currentB;
  return a.version.localeCompare(b.version, "en", { numeric: true });
}
