import type { SignatureState } from "../models/signatures.server.ts";

/** The tag's colour: a name typed for someone who signs through a link is for the assessor to judge. */
function tagOf(s: Pick<SignatureState, "state" | "signer">): string {
  if (s.state === "typed") return s.signer ? "for-the-assessor" : "met";
  return s.state === "signer" ? "met" : "not-met";
}

/**
 * How a signature field stands, in words that tell apart what the document's writer typed from what
 * the signer signed through a link: a name the learner typed for a client is not the client's
 * signature; the name an assessor types on their own record is the assessor's.
 */
export function signatureStateText(s: Pick<SignatureState, "state" | "signer" | "typedBy">): string {
  const signer = s.signer ? `the ${s.signer}` : "the signer";
  if (s.state === "signer") return `signed by ${signer} through a signing link`;
  if (s.state === "changed") return `signed by ${signer}, no longer matching: the document changed after it was signed`;
  if (s.state === "typed") return s.signer ? `typed by ${s.typedBy}, not signed by ${signer}` : `typed by ${s.typedBy} (the writer's own signature)`;
  return "not signed";
}

/** Each signature field of a document and how it stands, as the assessor needs to judge it. */
export function SignatureStates({ states }: { states: SignatureState[] }) {
  if (states.length === 0) return null;
  return (
    <ul className="signature-states">
      {states.map((s) => (
        <li key={s.field}>
          <strong>{s.title}:</strong> {s.name ? `${s.name}${s.date ? `, ${s.date}` : ""} — ` : ""}
          <span className={`tag tag--${tagOf(s)}`}>{signatureStateText(s)}</span>
        </li>
      ))}
    </ul>
  );
}
