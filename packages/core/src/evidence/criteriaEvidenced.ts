import type { Template } from "../registry/types.ts";
import { roleReaders } from "../rules/fieldsByRole.ts";

/**
 * The criteria a document evidences, as `unit:criterion`: those its template names in `x-ilm.criteria`,
 * narrowed, where the template has fields of the role `assessment-criteria` (the "Assessment criteria"
 * lists of an observation, a testimony, a professional discussion), to the criteria the document's own
 * lists name. An observation that speaks to 501:3.4 is evidence for 501:3.4 only, not for every
 * criterion it might have spoken to; one whose lists name nothing evidences nothing yet.
 *
 * @param template - the document's template
 * @param data - the document
 * @returns the criteria, in the order of `x-ilm.criteria`
 */
export function criteriaEvidenced(template: Template, data: unknown): string[] {
  const declared = template.annotations.criteria ?? [];
  const lists = roleReaders(template).get("assessment-criteria");
  if (lists === undefined || declared.length === 0) return declared;
  const named = new Set<string>();
  for (const list of lists) {
    list.read(data, (value) => {
      if (Array.isArray(value)) for (const item of value) if (typeof item === "string") named.add(item);
    });
  }
  return declared.filter((criterion) => named.has(criterion));
}
