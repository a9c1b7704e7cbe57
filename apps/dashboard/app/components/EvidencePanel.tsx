import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { SignatureState } from "../models/signatures.server.ts";
import { DocumentEvidence, type DocumentEvidenceData } from "./DocumentEvidence.tsx";
import { openInPanel } from "./EvidenceLinks.tsx";
import { SignatureStates } from "./SignatureStates.tsx";

/** A submitted document as the panel's list shows it. */
export interface PanelDocument {
  id: string;
  label: string;
  signatures: SignatureState[];
  files: number;
}

/**
 * The evidence beside the marking form: the submitted documents with their signatures, or one of them
 * read-only with its files, loaded from the document's page without leaving the marking page, so the
 * marks typed so far stay where they are.
 */
export function EvidencePanel({ documents, open, onOpen, onClose }: { documents: PanelDocument[]; open: string | null; onOpen: (id: string) => void; onClose: () => void }) {
  const fetcher = useFetcher<DocumentEvidenceData>();
  const heading = useRef<HTMLHeadingElement>(null);
  const { load } = fetcher;
  useEffect(() => {
    if (open && open !== "list") load(`/documents/${open}`);
  }, [open, load]);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open, fetcher.data]);
  if (!open) return null;
  const shown = open !== "list" && fetcher.data?.document.id === open ? fetcher.data : undefined;
  const label = documents.find((d) => d.id === open)?.label;
  return (
    <aside className="evidence-panel" aria-labelledby="evidence-panel-title">
      <div className="evidence-panel__bar">
        <h2 id="evidence-panel-title" tabIndex={-1} ref={heading}>{open === "list" ? "Submitted documents" : (shown?.title ?? label ?? "Document")}</h2>
        <p>
          {open !== "list" ? <button type="button" className="button button--secondary" onClick={() => onOpen("list")}>All submitted documents</button> : null}{" "}
          <button type="button" className="button button--secondary" onClick={onClose}>Close the evidence</button>
        </p>
      </div>
      {open === "list" ? (
        <ul className="evidence-panel__list">
          {documents.map((d) => (
            <li key={d.id}>
              <a href={`/documents/${d.id}`} onClick={openInPanel(onOpen, d.id)}>{d.label}</a>
              {d.files ? <span className="hint"> · {d.files === 1 ? "1 file" : `${d.files} files`}</span> : null}
              <SignatureStates states={d.signatures} />
            </li>
          ))}
        </ul>
      ) : shown ? (
        <>
          {label && label !== shown.title ? <p><strong>{label}</strong></p> : null}
          <DocumentEvidence data={shown} idPrefix="evidence-panel" headingLevel={3} />
        </>
      ) : fetcher.state !== "idle" ? (
        <p role="status">Loading the document…</p>
      ) : (
        <p role="status">The document could not be loaded. <a href={`/documents/${open}`}>Open it on its own page</a>.</p>
      )}
    </aside>
  );
}
