import type { Template, WriterRole } from "./types.ts";

/** Every role a template can name in `x-ilm.writers`. */
export const WRITER_ROLES: readonly WriterRole[] = ["learner", "assessor", "iqa", "centre_admin"];

/**
 * Whether a role may create or change documents of a template, as the template declares in
 * `x-ilm.writers`. Templates generated from the qualification data (result sheets, evidence
 * matrices) are never written as documents; a template that declares no writers has none.
 *
 * @param template - the template
 * @param role - the caller's role in its centre
 * @returns true when the role is one of the template's writers
 */
export function mayWrite(template: Pick<Template, "annotations">, role: string): boolean {
  if (template.annotations.generatedFrom) return false;
  return (template.annotations.writers ?? []).includes(role as WriterRole);
}
