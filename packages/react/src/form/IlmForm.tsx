import { forwardRef, Suspense, useEffect, useState, useSyncExternalStore, type Ref } from "react";
import { IlmFormView } from "./IlmFormView.tsx";
import { findTemplate, preloadTemplate } from "./loadTemplate.ts";
import type { IlmFormBaseProps, IlmFormHandle, TemplateModule } from "./types.ts";

/** The props of `IlmForm`. */
export interface IlmFormProps extends IlmFormBaseProps {
  /**
   * The template: its id (`"ilm-8588/session-record"`), loaded on demand, or a template module
   * (`import * as sessionRecord from "@ilm-forms/core/templates/ilm-8588/session-record@3.0.0"`),
   * which renders at once.
   */
  template: string | TemplateModule;
  /** With a template id: the version (the current one when omitted). */
  version?: string | undefined;
}

const subscribeToNothing = () => () => undefined;
const inBrowser = () => true;
const onServerOrHydrating = () => false;

/**
 * The form of a template given by id, rendering at once when the module is loaded. While it is not:
 * on the server and while hydrating, the component suspends (throws the pending load, the Suspense
 * protocol of React 18 and 19), so a streaming server render waits for the template and the browser
 * hydrates what the server sent; in a page rendered in the browser it shows the loading line and
 * renders again when the module arrives, because React holds back content revealed after a Suspense
 * fallback by about 300 ms, longer than the template takes to load. One component for every state,
 * so a form never remounts when its module arrives.
 */
function TemplateFormById({ id, version, formRef, ...rest }: IlmFormBaseProps & { id: string; version?: string | undefined; formRef: Ref<IlmFormHandle> }) {
  // `false` on the server and during hydration (React reads the server snapshot then), `true` after.
  const inClientRender = useSyncExternalStore(subscribeToNothing, inBrowser, onServerOrHydrating);
  const [, setArrivals] = useState(0);
  let found = findTemplate(id, version);
  let waiting = !found?.module && found?.error === undefined;
  // In the browser the module is asked for as this renders, not after the commit (a frame sooner);
  // loading is idempotent, and the effect below hears of its arrival. A template the build bundled
  // in (`ilmFormsPreload`) is there at once: the form renders now, not after a loading line.
  if (waiting && inClientRender) {
    preloadTemplate(id, version).catch(() => undefined);
    found = findTemplate(id, version);
    waiting = !found?.module && found?.error === undefined;
  }
  useEffect(() => {
    if (!waiting) return;
    let mounted = true;
    const arrived = () => mounted && setArrivals((n) => n + 1);
    preloadTemplate(id, version).then(arrived, arrived);
    return () => {
      mounted = false;
    };
  }, [id, version, waiting]);
  if (found?.error !== undefined) {
    return (
      <p className="ilm-error-message" role="alert">
        The form could not be loaded. Check your connection and reload the page.
      </p>
    );
  }
  if (!found?.module) {
    if (!inClientRender) throw preloadTemplate(id, version);
    return <p className="ilm-form-loading">Loading the form…</p>;
  }
  return <IlmFormView ref={formRef} entry={found.module} {...rest} />;
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
