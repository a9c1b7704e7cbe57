import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { Template } from "../registry/types.ts";
import { fieldsByRole, runsOf } from "../roles/fieldsByRole.ts";

/**
 * The unit conversions a declared migration may ask for: the vocabulary is this table, never code per
 * template. Each turns one number into another (`hours` → whole `minutes`: 0.83 hours is 50 minutes).
 */
export const UNIT_CONVERSIONS: Readonly<Record<string, (value: number) => number>> = {
  "hours→minutes": (hours) => Math.round(hours * 60),
};

/** What upgrading one document did. */
export type UpgradeResult =
  | { ok: true; document: PortfolioDocument; from: string; to: string; changed: boolean; conversions: Array<{ path: string; from: number; to: number }> }
  | { ok: false; message: string };

/**
 * Upgrades a document written against an earlier version of its template to the current version, by
 * the migrations the template versions declare (`x-ilm.upgradesFrom`), one step at a time. The data is
 * copied, never changed in place. A document already at the current version comes back unchanged.
 *
 * @param registry - where every version of the template is found
 * @param document - the document, with the version it was written against (the current one when left out)
 * @returns the upgraded document and each number converted, or a message naming the template and version
 */
export function upgradeDocument(registry: Pick<Registry, "get" | "listAllVersions">, document: PortfolioDocument): UpgradeResult {
  const current = registry.get(document.template);
  if (!current) return { ok: false, message: `There is no template ${document.template}` };
  const startVersion = document.version ?? current.version;
  let at = registry.get(document.template, startVersion);
  if (!at) return { ok: false, message: `${document.template} has no version ${startVersion}` };
  const data: unknown = structuredClone(document.data);
  const conversions: Array<{ path: string; from: number; to: number }> = [];
  const versions = registry.listAllVersions().filter((t) => t.id === document.template);
  const seen = new Set<string>();
  while (at.version !== current.version) {
    if (seen.has(at.version)) return { ok: false, message: `${document.template}: the declared upgrades from version ${startVersion} go round in a circle` };
    seen.add(at.version);
    const from: Template = at;
    const next = versions.find((t) => t.annotations.upgradesFrom?.some((u) => u.version === from.version));
    if (!next) return { ok: false, message: `${document.template} version ${from.version} declares no upgrade to a later version (x-ilm.upgradesFrom of ${current.version} names none)` };
    const declaration = next.annotations.upgradesFrom!.find((u) => u.version === from.version)!;
    for (const { from: unitFrom, to: unitTo } of declaration.convert) {
      const convert = UNIT_CONVERSIONS[`${unitFrom}→${unitTo}`];
      if (!convert) return { ok: false, message: `${next.id} version ${next.version}: x-ilm.upgradesFrom asks to convert ${unitFrom} to ${unitTo}, which is not a known conversion (${Object.keys(UNIT_CONVERSIONS).join(", ")})` };
      const targets = new Set(fieldsByRole(next).filter((f) => f.unit === unitTo).map((f) => f.steps.join("/")));
      for (const field of fieldsByRole(from)) {
        if (field.unit !== unitFrom || !targets.has(field.steps.join("/"))) continue;
        convertAt(data, runsOf(field.steps), 0, "", convert, conversions);
      }
    }
    at = next;
  }
  const upgraded: PortfolioDocument = { ...document, data: data as PortfolioDocument["data"], version: current.version };
  return { ok: true, document: upgraded, from: startVersion, to: current.version, changed: startVersion !== current.version, conversions };
}

function convertAt(node: unknown, runs: string[][], at: number, base: string, convert: (value: number) => number, out: Array<{ path: string; from: number; to: number }>): void {
  const run = runs[at]!;
  let holder: Record<string, unknown> | undefined;
  let key = "";
  let path = base;
  for (const step of run) {
    if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, step)) return;
    holder = node as Record<string, unknown>;
    key = step;
    path += `/${step.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    node = holder[step];
  }
  if (at === runs.length - 1) {
    if (holder !== undefined && typeof node === "number" && Number.isFinite(node)) {
      const value = convert(node);
      holder[key] = value;
      out.push({ path, from: node, to: value });
    }
    return;
  }
  if (!Array.isArray(node)) return;
  for (let i = 0; i < node.length; i++) convertAt(node[i], runs, at + 1, `${path}/${i}`, convert, out);
}
