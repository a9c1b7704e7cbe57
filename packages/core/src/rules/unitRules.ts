import type { Qualification, Unit } from "../qualification/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import { compileUnitRules, type UnitRules } from "./compileRules.ts";

const compiled = new WeakMap<Registry, WeakMap<Unit, UnitRules>>();

/**
 * A unit version's rules compiled against a registry's templates, once per registry and unit. The
 * template names and roles were checked at build; a registry that lacks a template the rules name
 * simply has no documents of it.
 *
 * @param registry - where the templates the checks name are found
 * @param qualification - the unit's qualification
 * @param unit - the unit version
 * @returns the compiled rules
 */
export function unitRules(registry: Registry, qualification: Qualification, unit: Unit): UnitRules {
  let byUnit = compiled.get(registry);
  if (!byUnit) compiled.set(registry, (byUnit = new WeakMap()));
  let rules = byUnit.get(unit);
  if (!rules) byUnit.set(unit, (rules = compileUnitRules(qualification, unit, registry.listAllVersions(), { checkTemplates: false })));
  return rules;
}
