import type { Registry } from "@ilm-forms/core";

/**
 * Turns the CLI's first argument into a template id: a full id (`ilm-8588/session-record`), a name
 * unique in the registry (`session-record`, `evidence-matrix-501`), or a unit (`501`: its result sheet).
 *
 * @param registry - the template registry
 * @param target - what the user typed
 * @returns the template id
 * @throws when nothing or more than one template matches
 */
export function resolveTarget(registry: Registry, target: string): string {
  if (registry.get(target)) return target;
  const ids = registry.list().map((template) => template.id);
  for (const name of [target, `result-sheet-${target}`]) {
    const matches = ids.filter((id) => id.endsWith(`/${name}`));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new Error(`"${target}" is ambiguous: ${matches.join(", ")}`);
  }
  throw new Error(`No template or unit "${target}". Templates: ${ids.join(", ")}`);
}
