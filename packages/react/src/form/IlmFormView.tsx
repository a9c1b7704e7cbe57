import type * as Confidentiality from "@ilm-forms/core/confidentiality";
import type { PortfolioDocument } from "@ilm-forms/core/engine";
// RJSF's subpaths, not its root: the root re-exports getTestRegistry, which imports
// @rjsf/validator-ajv8, a package a portal does not have (RJSF issue #5295, decision 022).
import Form, { type IChangeEvent } from "@rjsf/core/lib/components/Form.js";
import getDefaultRegistry from "@rjsf/core/lib/getDefaultRegistry.js";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPendingEdits, PendingEditsContext } from "../drafts/pendingEdits.ts";
import { useDraft } from "../drafts/useDraft.ts";
import { pointerSegments } from "../validator/errorSchemaFrom.ts";
import { createIlmValidator } from "../validator/createIlmValidator.ts";
import { formSchemaOf } from "./formSchema.ts";
import { fieldIdOf, type FieldWarning } from "../theme/FormContext.ts";
import { ilmFields, ilmTheme, ilmWidgets } from "../theme/ilmTheme.ts";
import type { FormData, IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./types.ts";
import { DraftBanner } from "./DraftBanner.tsx";
import { usePagePrefix } from "./usePagePrefix.ts";
import { countsWords, loadedWordCounting, loadWordCounting, type WordCounting } from "../wordCount/lazyWordCount.tsx";
import { WordCountContext } from "../wordCount/wordCountContext.ts";

const CHECK_DELAY_MS = 250;

/** Core's name scan, loaded on demand the first time a form has text to scan (decision 043). */
let nameScan: Promise<typeof Confidentiality> | undefined;
function loadNameScan() {
  nameScan ??= import("@ilm-forms/core/confidentiality");
  return nameScan;
}

const subscribeToNothing = () => () => undefined;
const inBrowser = () => true;
const onServerOrHydrating = () => false;

/** Whether any string in the data holds more than white space (an empty form names nobody). */
function hasText(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (value && typeof value === "object") return Object.values(value).some(hasText);
  return false;
}

/**
 * The form for one template module: RJSF v6 with the precompiled validator, drafts, warnings and
 * the theme. Both `IlmForm`s render this once they have the module.
 */
export const IlmFormView = forwardRef<IlmFormHandle, IlmFormBaseProps & { entry: TemplateModule }>(function IlmFormView(props, ref) {
  const { entry, value, onChange, onSubmit, readOnly = false, draftKey = "default", documentId, checkConfidentiality: givenCheck, knownNames, theme, replaceTheme, idPrefix: givenPrefix, className, children } = props;
  const { template } = entry;
  const idPrefix = usePagePrefix(givenPrefix);
  const validator = useMemo(() => createIlmValidator(entry), [entry]);
  const [pendingEdits] = useState(createPendingEdits);
  const drafts = useDraft(template.id, template.version, readOnly ? false : draftKey, pendingEdits.handOverAll);
  const [restoredAt, setRestoredAt] = useState<string | undefined>(undefined);
  // The form's data lives in a ref, not in state: RJSF keeps its own copy, and re-rendering this
  // component on every keystroke would cost a whole-form render. Whenever this component does
  // re-render, RJSF is handed the latest data, so it never mistakes stale props for new data.
  const [, setReplaced] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [submitCount, setSubmitCount] = useState(0);
  const [warnings, setWarnings] = useState<FieldWarning[]>([]);
  const current = useRef<FormData>(value ?? {});
  const lastEmitted = useRef<FormData | undefined>(value);
  const formRef = useRef<Form>(null);
  const checkTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Word counts the template asks for (fields whose x-ilm role is word-count) are counted from the
  // live data, shown by their widget as the learner types, and written into the data handed out.
  // The counting code is its own chunk, loaded only for a template with such a field: on the server
  // and while hydrating the form waits for it (suspends), in the browser it renders at once and
  // counts from when the code arrives (preloadTemplate loads it with the template).
  const countsHere = useMemo(() => countsWords(template), [template]);
  const inClientRender = useSyncExternalStore(subscribeToNothing, inBrowser, onServerOrHydrating);
  const [arrived, setArrived] = useState<WordCounting | undefined>(undefined);
  const counting = countsHere ? (arrived ?? loadedWordCounting()) : undefined;
  const countingRef = useRef(counting);
  countingRef.current = counting;
  const wordCountStore = useMemo(() => counting?.createWordCountStore(counting.wordCounts(template, current.current)), [counting, template]);
  useEffect(() => {
    if (!countsHere || counting) return;
    let mounted = true;
    loadWordCounting().then(
      (code) => mounted && setArrived(code),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [countsHere, counting]);
  const recount = useCallback((data: FormData) => wordCountStore?.set(countingRef.current!.wordCounts(template, data)), [template, wordCountStore]);
  const counted = useCallback(
    (data: FormData): FormData => {
      const code = countingRef.current;
      if (!code || !wordCountStore) return data;
      const counts = code.wordCounts(template, data);
      wordCountStore.set(counts);
      return code.withCounts(data, counts);
    },
    [template, wordCountStore],
  );

  // A draft found after mount replaces the data the form started with, and says so; the host hears
  // of it through onChange like any other change (so <ilm-form> submits and validates the draft).
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (!drafts.restored) return;
    recount(drafts.restored.data);
    current.current = drafts.restored.data;
    lastEmitted.current = drafts.restored.data;
    setRestoredAt(drafts.restored.savedAt);
    setGeneration((n) => n + 1);
    onChangeRef.current?.(drafts.restored.data);
  }, [drafts.restored]);

  // A new `value` from the host (not the echo of our own onChange) replaces the form's data.
  useEffect(() => {
    if (value !== undefined && value !== lastEmitted.current) {
      lastEmitted.current = value;
      current.current = value;
      recount(value);
      setReplaced((n) => n + 1);
    }
  }, [value]);

  // By default the form warns, while the person types, about text that seems to name someone (core's
  // name scan, which needs only this template: no registry comes into the bundle). The scan is its
  // own chunk, fetched once some text is typed or restored: a form that opens empty does not wait for it.
  const checkConfidentiality = useMemo(
    () =>
      givenCheck ??
      (async (document: PortfolioDocument): Promise<FieldWarning[]> => {
        if (!hasText(document.data)) return [];
        const { findNamedPeopleIn } = await loadNameScan();
        return findNamedPeopleIn([{ document, template }], knownNames ?? []);
      }),
    [givenCheck, knownNames, template],
  );
  const checkRun = useRef(0);
  const runCheck = useCallback(
    (data: FormData) => {
      if (checkTimer.current) clearTimeout(checkTimer.current);
      const run = ++checkRun.current;
      checkTimer.current = setTimeout(() => {
        const document: PortfolioDocument = { id: documentId ?? "draft", template: template.id, version: template.version, data };
        void Promise.resolve(checkConfidentiality(document)).then((found) => {
          // No warnings before and none now: keep the same list, so the form does not render again.
          if (run === checkRun.current) setWarnings((previous) => (previous.length === 0 && found.length === 0 ? previous : found));
        });
      }, CHECK_DELAY_MS);
    },
    [checkConfidentiality, documentId, template.id, template.version],
  );
  useEffect(() => {
    runCheck(current.current);
    return () => {
      clearTimeout(checkTimer.current);
      checkRun.current++;
    };
  }, [runCheck]);

  const warningsById = useMemo(() => {
    const byId = new Map<string, string[]>();
    for (const warning of warnings) {
      const id = fieldIdOf(idPrefix, pointerSegments(warning.path));
      byId.set(id, [...(byId.get(id) ?? []), warning.message]);
    }
    return byId;
  }, [warnings, idPrefix]);
  const formContext = useMemo(() => ({ warningsById, idPrefix, submitCount }), [warningsById, idPrefix, submitCount]);

  const parts = useMemo(() => {
    if (!theme) return ilmTheme;
    const base = replaceTheme ? { templates: {}, widgets: {}, fields: {} } : ilmTheme;
    return {
      templates: { ...base.templates, ...theme.templates, ButtonTemplates: { ...base.templates.ButtonTemplates, ...theme.templates?.ButtonTemplates } },
      widgets: { ...ilmWidgets, ...base.widgets, ...theme.widgets },
      fields: { ...ilmFields, ...base.fields, ...theme.fields },
    };
  }, [theme, replaceTheme]);

  const handleChange = useCallback(
    (event: IChangeEvent) => {
      const data = counted((event.formData ?? {}) as FormData);
      current.current = data;
      lastEmitted.current = data;
      drafts.schedule(data);
      runCheck(data);
      onChange?.(data);
    },
    [drafts, runCheck, onChange, counted],
  );

  // Valid data to the host; the draft is forgotten once the host has it (when its promise resolves).
  const handOver = useCallback(
    (data: FormData) => {
      const result = onSubmit?.(data);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        (result as Promise<unknown>).then(
          () => drafts.clear(),
          () => undefined,
        );
      } else {
        drafts.clear();
      }
    },
    [onSubmit, drafts],
  );

  const handleSubmit = useCallback(
    (event: IChangeEvent) => {
      const given = (event.formData ?? {}) as FormData;
      // A submit before the counting code arrived (a few milliseconds after the first render) waits for it.
      if (countsHere && !countingRef.current) {
        void loadWordCounting().then((code) => handOver(code.withCounts(given, code.wordCounts(template, given))));
        return;
      }
      handOver(counted(given));
    },
    [handOver, counted, countsHere, template],
  );

  useImperativeHandle(ref, () => ({ clearDraft: () => drafts.clear(), submit: () => formRef.current?.submit() }), [drafts]);

  const discardDraft = () => {
    drafts.clear();
    setRestoredAt(undefined);
    const original = value ?? {};
    recount(original);
    current.current = original;
    setGeneration((n) => n + 1);
  };

  // On the server and while hydrating, a form that counts waits for the counting code, so the
  // markup shows the counts and the hydrating browser renders the same.
  if (countsHere && !counting && !inClientRender) throw loadWordCounting();

  return (
    <div className="ilm-form-wrapper">
      {restoredAt !== undefined && !readOnly ? <DraftBanner savedAt={restoredAt} onDiscard={discardDraft} onDismiss={() => setRestoredAt(undefined)} /> : null}
      <PendingEditsContext.Provider value={pendingEdits}>
        <WordCountContext.Provider value={wordCountStore}>
        <Form
          key={`${generation}:${idPrefix}`}
          ref={formRef}
          className={`ilm-form${readOnly ? " ilm-form--readonly" : ""}${className ? ` ${className}` : ""}`}
          schema={formSchemaOf(template.schema) as RJSFSchema}
          uiSchema={template.ui as UiSchema}
          formData={current.current}
          validator={validator}
          templates={parts.templates}
          widgets={parts.widgets}
          fields={parts.fields}
          formContext={formContext}
          idPrefix={idPrefix}
          readonly={readOnly}
          noHtml5Validate
          showErrorList="top"
          liveValidate={submitCount > 0 ? "onChange" : undefined}
          onChange={handleChange}
          onSubmit={handleSubmit}
          onError={() => setSubmitCount((n) => n + 1)}
        >
          {readOnly ? <></> : children}
        </Form>
        </WordCountContext.Provider>
      </PendingEditsContext.Provider>
    </div>
  );
});

/** RJSF's own core theme, for hosts that pass `replaceTheme` and want to start from it. */
export const rjsfCoreRegistry = getDefaultRegistry;
