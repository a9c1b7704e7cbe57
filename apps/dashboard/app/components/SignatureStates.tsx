import type { SignatureState } from "../models/signatures.server.ts";

const WORDS: Record<SignatureState["state"], { tag: string; text: string }> = {
  signer: { tag: "met", text: "signed by the signer" },
  changed: { tag: "not-met", text: "signed by the signer, no longer matching: the document changed after it was signed" },
  typed: { tag: "for-the-assessor", text: "typed by the learner, not signed by the signer" },
  empty: { tag: "not-met", text: "not signed" },
};

/** Each signature field of a document and how it stands, as the assessor needs to judge it. */
export function SignatureStates({ states }: { states: SignatureState[] }) {
  if (states.length === 0) return null;
  return (
    <ul className="signature-states">
      {states.map((s) => (
        <li key={s.field}>
          <strong>{s.title}:</strong> {s.name ? `${s.name}${s.date ? `, ${s.date}` : ""} — ` : ""}
          <span className={`tag tag--${WORDS[s.state].tag}`}>{WORDS[s.state].text}</span>
        </li>
      ))}
    </ul>
  );
}
