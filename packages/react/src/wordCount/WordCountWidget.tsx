import type { WidgetProps } from "@rjsf/utils";
import { useContext, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { describedBy } from "../theme/describedBy.ts";
import { WordCountContext, type WordCountStore } from "./wordCountContext.ts";

/** Where a count stands against the suggestion the template's annotation gives. */
export type WordCountBand = "below" | "within" | "above";

interface Suggested {
  minimum?: number;
  maximum?: number;
}

const NUMBER = new Intl.NumberFormat("en-GB");
const NO_STORE: WordCountStore = { get: () => [], set: () => undefined, subscribe: () => () => undefined };

/**
 * The suggestion of a word-count field, read from its `x-ilm.suggested` annotation.
 *
 * @param schema - the field's schema
 * @returns the suggested minimum and maximum, or undefined when the template suggests none
 */
export function suggestedOf(schema: unknown): Suggested | undefined {
  const annotation = (schema as { "x-ilm"?: { suggested?: { minimum?: unknown; maximum?: unknown } } } | undefined)?.["x-ilm"];
  const minimum = typeof annotation?.suggested?.minimum === "number" ? annotation.suggested.minimum : undefined;
  const maximum = typeof annotation?.suggested?.maximum === "number" ? annotation.suggested.maximum : undefined;
  return minimum === undefined && maximum === undefined ? undefined : { minimum, maximum };
}

/**
 * Where a count stands against a suggestion.
 *
 * @param count - the words counted
 * @param suggested - the suggestion
 * @returns below, within or above
 */
export function bandOf(count: number, suggested: Suggested): WordCountBand {
  if (suggested.minimum !== undefined && count < suggested.minimum) return "below";
  if (suggested.maximum !== undefined && count > suggested.maximum) return "above";
  return "within";
}

/**
 * The suggestion in words: "4,000 to 5,500 words", "at least 4,000 words", "at most 5,500 words".
 *
 * @param suggested - the suggestion
 * @returns the phrase
 */
export function suggestionText(suggested: Suggested): string {
  const { minimum, maximum } = suggested;
  if (minimum !== undefined && maximum !== undefined) return `${NUMBER.format(minimum)} to ${NUMBER.format(maximum)} words`;
  return minimum !== undefined ? `at least ${NUMBER.format(minimum)} words` : `at most ${NUMBER.format(maximum!)} words`;
}

/**
 * The guidance sentence for a count: where it stands and, when outside, by how many words. Guidance,
 * never a refusal: the form saves and submits whatever the count.
 *
 * @param count - the words counted
 * @param suggested - the suggestion
 * @param withDistance - whether to say by how many words (the visible line does; the announcement does not)
 * @returns the sentence
 */
export function guidanceText(count: number, suggested: Suggested, withDistance = true): string {
  const band = bandOf(count, suggested);
  const range = suggestionText(suggested);
  if (band === "within") return `Within the suggested word count (${range}).`;
  const distance = band === "below" ? suggested.minimum! - count : count - suggested.maximum!;
  const by = withDistance ? ` by ${NUMBER.format(distance)} ${distance === 1 ? "word" : "words"}` : "";
  return `${band === "below" ? "Below" : "Above"} the suggested word count (${range})${by}. This is guidance, not a requirement.`;
}

/**
 * A word count the form counts as the learner types (`ui:widget: "word-count"` on a field whose
 * `x-ilm` role is `word-count`): the count in a read-only box the label names, a line saying where it
 * stands against the suggestion the field's annotation gives, and a polite live region that speaks
 * only when the count crosses into another band (below, within, above), not at every word.
 *
 * @param props - RJSF's widget props
 * @returns the count and its guidance
 */
export function WordCountWidget(props: WidgetProps) {
  const { id, name, value, schema, uiSchema, rawErrors } = props;
  const store = useContext(WordCountContext) ?? NO_STORE;
  const counts = useSyncExternalStore(store.subscribe, store.get, store.get);
  const live = counts.find((count) => count.field === name);
  const count = live?.count ?? (typeof value === "number" ? value : 0);
  const suggested = suggestedOf(schema);
  const band = suggested ? bandOf(count, suggested) : undefined;

  // The live region starts empty (nothing is announced on load) and is filled only when the band
  // changes, so a screen reader hears "Within the suggested word count" once, not every keystroke.
  const [announcement, setAnnouncement] = useState("");
  const lastBand = useRef(band);
  useEffect(() => {
    if (band === lastBand.current) return;
    lastBand.current = band;
    if (suggested) setAnnouncement(guidanceText(count, suggested, false));
  }, [band, count, suggested]);

  const guidanceId = `${id}__guidance`;
  const ariaDescribedBy = [describedBy(id, { schema, uiSchema, rawErrors }), suggested ? guidanceId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ilm-word-count" data-band={band}>
      <input id={id} name={id} className="ilm-input ilm-input--width-5" type="text" inputMode="numeric" readOnly value={NUMBER.format(count)} aria-describedby={ariaDescribedBy} />
      {suggested ? (
        <p id={guidanceId} className={`ilm-word-count__guidance ilm-word-count__guidance--${band}`}>
          {guidanceText(count, suggested)}
        </p>
      ) : null}
      <span className="ilm-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </div>
  );
}
