import { forwardRef } from "react";
import { IlmFormView } from "./IlmFormView.tsx";
import type { IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./types.ts";

/** The props of the lean `IlmForm` of `@ilm-forms/react/form`. */
export interface IlmModuleFormProps extends IlmFormBaseProps {
  /** A template module: `import * as sessionRecord from "@ilm-forms/core/templates/ilm-8588/session-record@3.0.0"`. */
  template: TemplateModule;
}

/**
 * The same form as `@ilm-forms/react`'s `IlmForm`, taking a template module only, so a portal that
 * renders one form ships that one template and its validator, not the whole registry.
 *
 * @param props - see `IlmModuleFormProps`
 * @returns the form
 */
export const IlmModuleForm = forwardRef<IlmFormHandle, IlmModuleFormProps>(function IlmModuleForm({ template, ...rest }, ref) {
  return <IlmFormView ref={ref} entry={template} {...rest} />;
});
