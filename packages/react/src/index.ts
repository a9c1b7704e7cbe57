/**
 * `IlmForm`: a form for one ILM template (by id, loaded on demand, or a template module),
 * on react-jsonschema-form v6 with core's precompiled validators.
 */
export { IlmForm } from "./form/IlmForm.tsx";
export type { IlmFormProps } from "./form/IlmForm.tsx";
/** Load a template's module before its form renders (a form by id otherwise loads it on first render). */
export { preloadTemplate } from "./form/loadTemplate.ts";
/**
 * Load the word-count code (its own chunk, which only a template with a word-count field needs) before
 * a synchronous server render (`renderToString`) of such a form; streaming renders and browsers wait by themselves.
 */
export { loadWordCounting as preloadWordCounting } from "./wordCount/lazyWordCount.tsx";
export type { FormData, IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./form/types.ts";

/** An RJSF `ValidatorType` over one template's precompiled validator, with core's plain-English messages. */
export { createIlmValidator } from "./validator/createIlmValidator.ts";
export type { IlmValidationError } from "./validator/createIlmValidator.ts";

/** The default theme, and the ILM widgets and fields any theme needs (`rating`, `duration`, `clause`, `swot`, `signature`). */
export { ilmTheme, ilmWidgets, ilmFields } from "./theme/ilmTheme.ts";
export type { FormTheme } from "./theme/ilmTheme.ts";
export type { FieldWarning } from "./theme/FormContext.ts";

/** Forget a kept draft, e.g. after the host saved the document somewhere else. */
export { clearDraft, draftStorageKey } from "./drafts/draftStore.ts";

/** Duration helpers: decimal hours or whole minutes to and from hours and minutes. */
export { joinHours, joinMinutes, splitHours, splitMinutes } from "./widgets/DurationWidget.tsx";
