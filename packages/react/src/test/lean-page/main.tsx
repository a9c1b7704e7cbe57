// A portal page that follows the README's "smallest bundle" example: the prebuilt lean entry, its
// stylesheet and template modules. The browser test of the bundle builds and drives it. It keeps to the
// 2.0.0 templates (durations in decimal hours): a portal pinned to a superseded version keeps working.
import * as assignment500 from "@ilm-forms/core/templates/ilm-8588/assignment-500@2.0.0";
import * as hoursLog from "@ilm-forms/core/templates/ilm-8588/hours-log@2.0.0";
import * as sessionRecord from "@ilm-forms/core/templates/ilm-8588/session-record@2.0.0";
import { IlmForm, type FormData } from "@ilm-forms/react/form";
import "@ilm-forms/react/styles.css";
import { useState } from "react";
import { createRoot } from "react-dom/client";

const params = new URLSearchParams(location.search);
const modules = { "session-record": sessionRecord, "hours-log": hoursLog, "assignment-500": assignment500 };
const name = (params.get("template") ?? "session-record") as keyof typeof modules;
const knownNames = params.getAll("known");
const value = params.get("value") ? (JSON.parse(params.get("value") ?? "{}") as FormData) : undefined;

function Page() {
  const [submitted, setSubmitted] = useState<FormData | undefined>(undefined);
  if (params.has("two")) {
    // Two forms of one template on one page, neither told an idPrefix.
    return (
      <>
        <h1>Two forms</h1>
        <section aria-label="First record"><IlmForm template={sessionRecord} draftKey={false} onSubmit={setSubmitted} /></section>
        <section aria-label="Second record"><IlmForm template={sessionRecord} draftKey={false} onSubmit={setSubmitted} /></section>
        {submitted ? <pre data-testid="submitted">{JSON.stringify(submitted)}</pre> : null}
      </>
    );
  }
  return (
    <>
      <h1>One form</h1>
      <IlmForm template={modules[name]} value={value} knownNames={knownNames} readOnly={params.has("readonly")} draftKey={params.has("drafts") ? "lean-page" : false} onSubmit={setSubmitted} />
      {submitted ? <pre data-testid="submitted">{JSON.stringify(submitted)}</pre> : null}
    </>
  );
}

const app = document.getElementById("app");
if (app) createRoot(app).render(<Page />);
