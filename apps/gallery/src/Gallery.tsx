import { registry, type Template } from "@ilm-forms/core";
import { IlmForm, type FormData } from "@ilm-forms/react";
import { useEffect, useMemo, useState } from "react";
import { examplesByTemplate } from "./examples.ts";
import { readView, writeView, type GalleryView } from "./location.ts";

const templates: Template[] = registry.list();

/**
 * Every template of the registry, one at a time, filled with its first valid example (or empty, or
 * with one of its invalid examples), so centres and schema authors see a template before it ships.
 */
export function Gallery() {
  const [view, setView] = useState<GalleryView>(() => readView(templates[0]?.id ?? ""));
  const [submitted, setSubmitted] = useState<FormData | undefined>(undefined);
  useEffect(() => {
    const onPop = () => setView(readView(templates[0]?.id ?? ""));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const change = (patch: Partial<GalleryView>) => {
    const next = { ...view, ...patch };
    writeView(next);
    setView(next);
    setSubmitted(undefined);
  };

  const examples = examplesByTemplate.get(view.template);
  const value = useMemo(() => documentFor(view.example, examples), [view.example, examples]);
  const template = registry.get(view.template);
  const groups = useMemo(() => groupByQualification(templates), []);

  return (
    <div className="gallery">
      <header className="gallery__header">
        <h1>ilm-forms gallery</h1>
        <p>Every template of the registry with its example. {templates.length} templates.</p>
      </header>
      <nav className="gallery__picker" aria-label="Choose what to show">
        <div>
          <label htmlFor="gallery-template">Template</label>
          <select id="gallery-template" value={view.template} onChange={(event) => change({ template: event.target.value, example: "valid" })}>
            {groups.map(([qualification, list]) => (
              <optgroup key={qualification} label={qualification}>
                {list.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title} ({t.id.split("/")[1]})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="gallery-example">Fill with</label>
          <select id="gallery-example" value={view.example} onChange={(event) => change({ example: event.target.value })}>
            {examples?.valid?.length ? <option value="valid">Its valid example</option> : null}
            <option value="empty">Nothing (an empty form)</option>
            {(examples?.invalid ?? []).map((invalid, index) => (
              <option key={index} value={`invalid-${index}`}>
                Invalid example: {invalid.why}
              </option>
            ))}
          </select>
        </div>
        <div className="gallery__check">
          <input id="gallery-readonly" type="checkbox" checked={view.readOnly} onChange={(event) => change({ readOnly: event.target.checked })} />
          <label htmlFor="gallery-readonly">Read-only (a completed document)</label>
        </div>
      </nav>
      <main className="gallery__main">
        {template ? (
          <p className="gallery__meta">
            {template.id} version {template.version}
            {template.annotations.criteria?.length ? ` · evidences ${template.annotations.criteria.join(", ")}` : ""}
            {template.annotations.source ? ` · ${template.annotations.source}` : ""}
          </p>
        ) : null}
        <IlmForm
          key={`${view.template}|${view.example}|${view.readOnly}`}
          template={view.template}
          value={value}
          readOnly={view.readOnly}
          draftKey={view.drafts ? "gallery" : false}
          onSubmit={(data) => setSubmitted(data)}
        />
        {submitted ? (
          <section className="gallery__submitted" aria-labelledby="gallery-submitted">
            <h2 id="gallery-submitted">Submitted document</h2>
            <pre data-testid="submitted">{JSON.stringify(submitted, null, 2)}</pre>
          </section>
        ) : null}
      </main>
    </div>
  );
}

function documentFor(example: string, file: ReturnType<typeof examplesByTemplate.get>): FormData | undefined {
  if (example === "valid") return file?.valid?.[0];
  const invalid = /^invalid-(\d+)$/.exec(example);
  if (invalid) return file?.invalid?.[Number(invalid[1])]?.document;
  return undefined;
}

function groupByQualification(list: Template[]): [string, Template[]][] {
  const groups = new Map<string, Template[]>();
  for (const template of list) {
    const qualification = template.id.split("/")[0] ?? "";
    groups.set(qualification, [...(groups.get(qualification) ?? []), template]);
  }
  return [...groups];
}
