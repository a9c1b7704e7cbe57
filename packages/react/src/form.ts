// The lean entry point: no built-in registry, so a bundle holds only the template modules the host
// imports. `@ilm-forms/react/form` is this file prebuilt with @rjsf/core inside and markdown-to-jsx
// left out (scripts/build-form-bundle.mjs, decision 018); `@ilm-forms/react/form-unbundled` is this
// file as compiled, for hosts that share @rjsf/core with other RJSF forms or themes.
export { IlmModuleForm as IlmForm } from "./form/IlmModuleForm.tsx";
export type { IlmModuleFormProps as IlmFormProps } from "./form/IlmModuleForm.tsx";
export type { FormData, IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./form/types.ts";
export { createIlmValidator } from "./validator/createIlmValidator.ts";
export { ilmTheme, ilmWidgets, ilmFields } from "./theme/ilmTheme.ts";
export type { FormTheme } from "./theme/ilmTheme.ts";
export type { FieldWarning } from "./theme/FormContext.ts";
export { clearDraft } from "./drafts/draftStore.ts";
/**
 * Load the word-count code (its own chunk, which only a template with a word-count field needs) before
 * a synchronous server render (`renderToString`) of such a form; streaming renders and browsers wait by themselves.
 */
export { loadWordCounting as preloadWordCounting } from "./wordCount/lazyWordCount.tsx";
