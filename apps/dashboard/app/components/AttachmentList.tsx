import { CsrfField } from "./CsrfField.tsx";

/** An attachment as the list shows it. */
export interface AttachmentItem {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  criteria: string[];
  href: string;
}

/** A size a person reads: bytes, KB or MB. */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Evidence files as a list of downloads, with a Remove button each when the reader may remove them.
 */
export function AttachmentList({ attachments, removable, returnTo }: { attachments: AttachmentItem[]; removable: boolean; returnTo: string }) {
  if (attachments.length === 0) return <p>No files attached.</p>;
  return (
    <ul className="attachment-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={a.href} download>{a.name}</a> <span className="hint">({a.mediaType}, {readableSize(a.size)}{a.criteria.length ? `; for ${a.criteria.join(", ")}` : ""})</span>{" "}
          <code className="hint" title="SHA-256 of the file">{a.sha256.slice(0, 12)}</code>
          {removable ? (
            <form method="post" action={`/attachments/${a.id}/remove`} className="inline-form">
              <CsrfField />
              <input type="hidden" name="returnTo" value={returnTo} />
              <button type="submit" className="link-button">Remove<span className="visually-hidden"> {a.name}</span></button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** What a file chooser offers for each kind of `x-ilm.attachments` (the server sniffs the bytes anyway). */
const ACCEPT: Record<string, string> = {
  pdf: "application/pdf,.pdf",
  image: "image/*",
  audio: "audio/*",
  video: "video/*",
  office: ".docx,.xlsx,.pptx,.odt,.ods,.doc,.xls,.ppt",
  email: ".eml,.msg,message/rfc822",
  text: "text/plain,.txt",
};

/**
 * The form that attaches a file: to a document, or to a unit with the criteria it evidences. The
 * fields come before the file in the form, so the server reads them before the file's bytes.
 */
export function AttachmentUploadForm({
  target,
  returnTo,
  maxBytes,
  criteria,
  rule,
}: {
  target: { documentId: string } | { learnerId: string; qualification: string; unit: string };
  returnTo: string;
  maxBytes: number;
  criteria?: { id: string; text: string }[];
  /** What the document's template allows (`x-ilm.attachments`), where it says. */
  rule?: { title: string; kinds: string[]; kindsPhrase: string; maxBytes: number } | null;
}) {
  const fieldId = "documentId" in target ? `attach-${target.documentId}` : `attach-${target.unit}`;
  const largest = rule ? Math.min(rule.maxBytes, maxBytes) : maxBytes;
  return (
    <form method="post" action="/attachments" encType="multipart/form-data" className="attachment-form">
      <CsrfField />
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="returnTo" value={returnTo} />
      {criteria && criteria.length ? (
        <fieldset>
          <legend>Which criteria does this file evidence?</legend>
          {criteria.map((c) => (
            <div key={c.id} className="checkbox">
              <input type="checkbox" id={`${fieldId}-${c.id}`} name="criteria" value={c.id} />
              <label htmlFor={`${fieldId}-${c.id}`}>{c.id} {c.text}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor={fieldId}>{rule ? rule.title : "Attach a file"}</label>
      <p className="hint" id={`${fieldId}-hint`}>
        {rule ? `${rule.kindsPhrase.charAt(0).toUpperCase()}${rule.kindsPhrase.slice(1)}, up to ${readableSize(largest)} a file.` : `A scan, a photo, a recording, a letter or an e-mail, up to ${readableSize(largest)}.`}
      </p>
      <input type="file" id={fieldId} name="file" required aria-describedby={`${fieldId}-hint`} {...(rule ? { accept: rule.kinds.map((k) => ACCEPT[k] ?? "").filter(Boolean).join(",") } : {})} />
      <button type="submit" className="button button--secondary">Attach file</button>
    </form>
  );
}
