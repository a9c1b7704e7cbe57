import type { DocumentSignatures } from "../models/signatures.server.ts";
import { CsrfField } from "./CsrfField.tsx";

/** The signatures made by the signers, each said to match the document as it is now or not. */
export function SignatureList({ signatures }: { signatures: DocumentSignatures["signatures"] }) {
  if (signatures.length === 0) return <p>Nobody has signed through a link yet.</p>;
  return (
    <ul className="signature-list">
      {signatures.map((s) => (
        <li key={s.id}>
          <strong>{s.title}:</strong> {s.signerName}, signed {s.signedOn} by the signer.{" "}
          {s.matching ? (
            <span className="tag tag--met">matches the document</span>
          ) : (
            <span className="tag tag--not-met">no longer matches: the document changed after it was signed</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The signing links of a document and the form that makes one, on the learner's document page.
 */
export function SigningLinks({ documentId, data, locked, canEmail = false }: { documentId: string; data: DocumentSignatures; locked: boolean; canEmail?: boolean }) {
  const open = data.links.filter((l) => l.status === "open");
  return (
    <>
      {open.length ? (
        <ul className="signing-links">
          {open.map((l) => (
            <li key={l.id}>
              A link for the {l.title.toLowerCase()}, open until {l.expiresAt.slice(0, 16).replace("T", " ")} UTC{" "}
              <form method="post" action={`/learner/documents/${documentId}/signing-links`} className="inline-form">
                <CsrfField />
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="linkId" value={l.id} />
                <button type="submit" className="link-button">Withdraw<span className="visually-hidden"> the link for the {l.title.toLowerCase()}</span></button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      {locked ? null : (
        <form method="post" action={`/learner/documents/${documentId}/signing-links`} className="signing-form">
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <label htmlFor={`signing-field-${documentId}`}>Ask someone to sign</label>
          <p className="hint">You get a link to pass on. The person opens it without an account, reads the document and types their name.</p>
          <select id={`signing-field-${documentId}`} name="field">
            {data.fields.map((f) => (
              <option key={f.field} value={f.field}>{f.title}</option>
            ))}
          </select>{" "}
          {canEmail ? (
            <>
              <label htmlFor={`signing-email-${documentId}`}>E-mail the link to (optional)</label>
              <p className="hint" id={`signing-email-hint-${documentId}`}>The address is used to send this one e-mail and is not kept.</p>
              <input type="email" id={`signing-email-${documentId}`} name="email" className="ilm-input" maxLength={254} autoComplete="off" aria-describedby={`signing-email-hint-${documentId}`} />
            </>
          ) : null}
          <button type="submit" className="button button--secondary">Make a signing link</button>
        </form>
      )}
    </>
  );
}
