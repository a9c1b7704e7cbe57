import { IlmForm } from "@ilm-forms/react";
import type { AttachmentView } from "../models/attachments.server.ts";
import type { DocumentSignatures, SignatureState } from "../models/signatures.server.ts";
import { AttachmentLinks } from "./AttachmentLinks.tsx";
import { SignatureList } from "./SignerSignatures.tsx";
import { SignatureStates } from "./SignatureStates.tsx";

/** What the document page and the marking page's evidence panel show of one document. */
export interface DocumentEvidenceData {
  document: { id: string; templateId: string; templateVersion: string; data: Record<string, unknown>; version: number; updatedAt: string };
  title: string;
  learner: string;
  signatures: DocumentSignatures;
  signatureStates: SignatureState[];
  files: AttachmentView[];
}

/**
 * A document read-only with its signatures' states, the signers' signatures and its files; `idPrefix`
 * keeps the headings' ids apart when the marking page shows it in its panel.
 */
export function DocumentEvidence({ data, idPrefix = "document", headingLevel = 2 }: { data: DocumentEvidenceData; idPrefix?: string; headingLevel?: 2 | 3 }) {
  const { document, learner, signatures, signatureStates: states, files } = data;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <p className="hint">{learner}, version {document.version}, saved {document.updatedAt.slice(0, 16).replace("T", " ")} · <a href={`/downloads/document/${document.id}.pdf`}>Download as PDF</a></p>
      {states.length ? (
        <section aria-labelledby={`${idPrefix}-signature-states`}>
          <H id={`${idPrefix}-signature-states`}>Signatures</H>
          <SignatureStates states={states} />
        </section>
      ) : null}
      <AttachmentLinks files={files} />
      <IlmForm template={document.templateId} version={document.templateVersion} value={document.data} readOnly draftKey={false} />
      {signatures.fields.length ? (
        <section aria-labelledby={`${idPrefix}-signers`}>
          <H id={`${idPrefix}-signers`}>Signatures by the signers</H>
          <SignatureList signatures={signatures.signatures} />
        </section>
      ) : null}
    </>
  );
}

