import type { WidgetProps } from "@rjsf/utils";
import { useContext, useEffect, useState } from "react";
import { WordCountContext } from "./wordCountContext.ts";
import type * as Feature from "./wordCountFeature.ts";

/** The word-count code: core's counting, the widget and its store. */
export type WordCounting = typeof Feature;

let loaded: WordCounting | undefined;
let loading: Promise<WordCounting> | undefined;

/**
 * Whether a template has a field whose `x-ilm` role is `word-count` (what core's `wordCounts`
 * counts): a look at its top-level annotations, so a template without one loads no counting code.
 *
 * @param template - a template (its schema)
 * @returns whether the form must count words
 */
export function countsWords(template: { schema: unknown }): boolean {
  const properties = (template.schema as { properties?: Record<string, { "x-ilm"?: { role?: unknown } } | undefined> } | undefined)?.properties;
  return properties !== undefined && Object.values(properties).some((property) => property?.["x-ilm"]?.role === "word-count");
}

/**
 * Loads the word-count code (its own chunk) once; a form that counts renders with it at once after.
 *
 * @returns the code
 */
export function loadWordCounting(): Promise<WordCounting> {
  loading ??= import("./wordCountFeature.ts").then((feature) => (loaded = feature));
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The word-count code when it is loaded already. */
export function loadedWordCounting(): WordCounting | undefined {
  return loaded;
}

/**
 * The `word-count` widget of `ilmWidgets`: the counting widget once its code is loaded; until then
 * (a few milliseconds after a page's first render) the stored count in the same read-only box.
 *
 * @param props - RJSF's widget props
 * @returns the widget
 */
export function WordCountWidget(props: WidgetProps) {
  // The form's store arrives with the code, and re-renders this widget; a widget in a host's own
  // RJSF form loads the code itself.
  useContext(WordCountContext);
  const [feature, setFeature] = useState(loaded);
  const ready = feature ?? loaded;
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    loadWordCounting().then(
      (code) => mounted && setFeature(code),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [ready]);
  if (ready) return <ready.WordCountWidget {...props} />;
  const { id, value } = props;
  return <input id={id} name={id} className="ilm-input ilm-input--width-5" type="text" inputMode="numeric" readOnly value={typeof value === "number" ? String(value) : "0"} />;
}
