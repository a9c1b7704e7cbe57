import type { JsonSchema, Template } from "../registry/types.ts";
import { countWords } from "./countWords.ts";

/** A word count a template asks for, worked out from the document instead of typed. */
export interface WordCount {
  /** The top-level field that holds the count (`wordCount`). */
  field: string;
  /** The field's title as the template prints it. */
  title: string;
  /** The words of the fields it counts (`x-ilm.of`), added up. */
  count: number;
  /** The number the source document suggests, when the template gives one: guidance, never a rule. */
  suggested?: { minimum?: number; maximum?: number };
  /** Whether the count lies within the suggestion; `undefined` when there is none. */
  withinSuggested?: boolean;
}

interface WordCountAnnotation {
  role?: unknown;
  of?: unknown;
  suggested?: { minimum?: unknown; maximum?: unknown };
}

/**
 * The word counts of a document: for every top-level field whose `x-ilm` role is `word-count`, the
 * words of the top-level fields its `x-ilm.of` names (the report's sections; appendices are not named,
 * so they are not counted), and how the total stands against `x-ilm.suggested`. A count outside the
 * suggestion is for the learner to see; validation never refuses it.
 *
 * @param template - a bundled template
 * @param data - the document (any value; fields that are not text count as no words)
 * @returns one count per word-count field, in schema order; none when the template has no such field
 */
export function wordCounts(template: Template, data: unknown): WordCount[] {
  const properties = (template.schema.properties ?? {}) as Record<string, JsonSchema>;
  const document = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const counts: WordCount[] = [];
  for (const [field, schema] of Object.entries(properties)) {
    const annotation = schema["x-ilm"] as WordCountAnnotation | undefined;
    if (annotation?.role !== "word-count") continue;
    const of = Array.isArray(annotation.of) ? annotation.of.filter((f): f is string => typeof f === "string") : [];
    const count = of.reduce((sum, name) => sum + countWords(document[name]), 0);
    const entry: WordCount = { field, title: typeof schema.title === "string" ? schema.title : field, count };
    const minimum = numberOrUndefined(annotation.suggested?.minimum);
    const maximum = numberOrUndefined(annotation.suggested?.maximum);
    if (minimum !== undefined || maximum !== undefined) {
      entry.suggested = { ...(minimum !== undefined && { minimum }), ...(maximum !== undefined && { maximum }) };
      entry.withinSuggested = (minimum === undefined || count >= minimum) && (maximum === undefined || count <= maximum);
    }
    counts.push(entry);
  }
  return counts;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
