import type { Pointer } from "@ilm-forms/core";

/**
 * The documents a finding points at, each once, as links (at most eight), for the learner's findings
 * table and the assessor's result sheet alike.
 */
export function EvidenceLinks({ pointers, evidence }: { pointers: Pointer[]; evidence: Record<string, { href: string; label: string }> }) {
  const ids = [...new Set(pointers.map((p) => p.document))].filter((id) => evidence[id]).slice(0, 8);
  if (ids.length === 0) return null;
  return (
    <p className="hint">
      Evidence:{" "}
      {ids.map((id, i) => (
        <span key={id}>
          {i ? "; " : ""}
          <a href={evidence[id]!.href}>{evidence[id]!.label}</a>
        </span>
      ))}
    </p>
  );
}
