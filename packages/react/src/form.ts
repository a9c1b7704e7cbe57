// The lean entry point, `@ilm-forms/react/form`: no built-in registry, so a bundle holds only the
// template modules the host imports.
export { IlmModuleForm as IlmForm } from "./form/IlmModuleForm.tsx";
export type { IlmModuleFormProps as IlmFormProps } from "./form/IlmModuleForm.tsx";
export type { FormData, IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./form/types.ts";
export { createIlmValidator } from "./validator/createIlmValidator.ts";
export { ilmTheme, ilmWidgets, ilmFields } from "./theme/ilmTheme.ts";
export type { FormTheme } from "./theme/ilmTheme.ts";
export type { FieldWarning } from "./theme/FormContext.ts";
export { clearDraft } from "./drafts/draftStore.ts";
