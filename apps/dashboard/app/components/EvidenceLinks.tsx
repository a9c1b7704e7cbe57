import type { Pointer } from "@ilm-forms/core";
import type { MouseEvent } from "react";

/**
 * Opens a document in the page's evidence panel instead of leaving the page, unless the reader asked
 * for a new tab or window; without JavaScript the link goes to the document's page.
 */
export function openInPanel(onOpen: ((id: string) => void) | undefined, id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onOpen || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(id);
  };
}

/**
 * The documents a finding points at, each once, as links (at most eight), for the learner's findings
 * table and the assessor's result sheet alike. With `onOpen` (the marking page) a link opens the
 * document beside the criterion.
 */
export function EvidenceLinks({ pointers, evidence, onOpen }: { pointers: Pointer[]; evidence: Record<string, { href: string; label: string }>; onOpen?: (id: string) => void }) {
  const ids = [...new Set(pointers.map((p) => p.document))].filter((id) => evidence[id]).slice(0, 8);
  if (ids.length === 0) return null;
  return (
    <p className="hint">
      Evidence:{" "}
      {ids.map((id, i) => (
        <span key={id}>
          {i ? "; " : ""}
          <a href={evidence[id]!.href} onClick={openInPanel(onOpen, id)}>{evidence[id]!.label}</a>
        </span>
      ))}
    </p>
  );
}
