import type { Template } from "@ilm-forms/core";
import { documentFacts } from "./documentFacts.ts";

/**
 * A short line telling a document from its siblings: unit, client, session, date. The portfolio's
 * contents page prints it under each title, and the dashboard's lists show it after the title, so a
 * document reads the same everywhere.
 *
 * @param template - the document's template
 * @param data - the document
 * @param options - `unit: false` leaves the unit out (a list within one unit's page)
 * @returns e.g. `Unit 501 · Client 1 · Session 2 · 03/03/2026`; empty when the document has none of these
 */
export function documentCaption(template: Template, data: Record<string, unknown>, options: { unit?: boolean } = {}): string {
  const facts = documentFacts(template, data);
  const parts: string[] = [];
  if (facts.unit && options.unit !== false) parts.push(`Unit ${facts.unit}`);
  if (facts.clientRef) parts.push(facts.clientRef);
  if (facts.sessionNo !== undefined) parts.push(`Session ${facts.sessionNo}`);
  if (facts.date) parts.push(facts.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1"));
  return parts.join(" · ");
}
