import { forwardRef, Suspense, type Ref } from "react";
import { IlmFormView } from "./IlmFormView.tsx";
import { findTemplate, preloadTemplate } from "./loadTemplate.ts";
import type { IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./types.ts";

/** The props of `IlmForm`. */
export interface IlmFormProps extends IlmFormBaseProps {
  /**
   * The template: its id (`"ilm-8588/session-record"`), loaded on demand, or a template module
   * (`import * as sessionRecord from "@ilm-forms/core/templates/ilm-8588/session-record@2.0.0"`),
   * which renders at once.
   */
  template: string | TemplateModule;
  /** With a template id: the version (the current one when omitted). */
  version?: string | undefined;
}

/**
 * The form of a template given by id: renders at once when the module is loaded, and otherwise
 * suspends until it is (the Suspense protocol of React 18 and 19: throw the pending promise). One
 * component for both states, so a form never remounts when its module arrives.
 */
function TemplateFormById({ id, version, formRef, ...rest }: IlmFormBaseProps & { id: string; version?: string | undefined; formRef: Ref<IlmFormHandle> }) {
  const found = findTemplate(id, version);
  if (found?.error !== undefined) {
    return (
      <p className="ilm-error-message" role="alert">
        The form could not be loaded. Check your connection and reload the page.
      </p>
    );
  }
  const module = found?.module;
  if (!module) throw preloadTemplate(id, version);
  return <IlmFormView ref={formRef} entry={module} {...rest} />;
}

/**
 * A form for one ILM template, on react-jsonschema-form v6 with the template's precompiled
 * validator (nothing is compiled in the browser). Errors show beside each field in plain English
 * and in a summary at the top; drafts are kept until the host has saved. Given an id, the form
 * loads that template's module when it first renders (see `preloadTemplate`).
 *
 * @param props - see `IlmFormProps`
 * @returns the form
 */
export const IlmForm = forwardRef<IlmFormHandle, IlmFormProps>(function IlmForm({ template, version, ...rest }, ref) {
  if (typeof template !== "string") {
    return <IlmFormView ref={ref} entry={template} {...rest} />;
  }
  const found = findTemplate(template, version);
  if (!found) {
    return (
      <p className="ilm-error-message" role="alert">
        There is no template {template}
        {version ? ` version ${version}` : ""}.
      </p>
    );
  }
  // Always inside Suspense, loaded or not, so a server render and the hydrating browser agree.
  return (
    <Suspense fallback={<p className="ilm-form-loading">Loading the form…</p>}>
      <TemplateFormById id={template} version={version} formRef={ref} {...rest} />
    </Suspense>
  );
});
