import { registry } from "@ilm-forms/core";
import { forwardRef } from "react";
import { IlmFormView } from "./IlmFormView.tsx";
import type { IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./types.ts";

/** The props of `IlmForm`. */
export interface IlmFormProps extends IlmFormBaseProps {
  /**
   * The template: its id in the built-in registry (`"ilm-8588/session-record"`), or a template module
   * (`import * as sessionRecord from "@ilm-forms/core/templates/ilm-8588/session-record@2.0.0"`).
   * For the smallest bundle import `IlmForm` from `@ilm-forms/react/form` (or `/form-unbundled`),
   * which takes modules only.
   */
  template: string | TemplateModule;
  /** With a template id: the version (the current one when omitted). */
  version?: string;
}

/**
 * A form for one ILM template, on react-jsonschema-form v6 with the template's precompiled
 * validator (nothing is compiled in the browser). Errors show beside each field in plain English
 * and in a summary at the top; drafts are kept until the host has saved.
 *
 * @param props - see `IlmFormProps`
 * @returns the form
 */
export const IlmForm = forwardRef<IlmFormHandle, IlmFormProps>(function IlmForm({ template, version, ...rest }, ref) {
  const entry = typeof template === "string" ? registry.entry(template, version) : template;
  if (!entry) {
    return (
      <p className="ilm-error-message" role="alert">
        There is no template {template as string}
        {version ? ` version ${version}` : ""}.
      </p>
    );
  }
  return <IlmFormView ref={ref} entry={entry} {...rest} />;
});
