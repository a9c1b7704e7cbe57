import { getCentre, getDocument, getLearner, listDocuments, listMembers, listRegistrations, listSubmissions } from "@ilm-forms/db";
import { registry } from "@ilm-forms/core";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { learnerAttachments } from "../models/attachments.server.ts";
import { documentSignatures, portfolioSignatures, signerSignaturesHtml } from "../models/signatures.server.ts";
import { documentDownload, downloadResponse, evidenceMatrixDocument, portfolioDownload, resultSheetDocument } from "../models/downloads.server.ts";
import { templatesForUnit, unitDocuments } from "../models/portfolio.server.ts";
import { loadSubmission } from "../models/submission.server.ts";
import { externalNote, withProvisionalNote } from "../models/eqa.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";
import { renderDocumentHtml, documentFileName } from "@ilm-forms/docgen";

/**
 * Downloads, as HTML or PDF, of what the caller may see:
 * `/downloads/document/<id>.pdf`, `/downloads/portfolio/<unit>.pdf` (a learner's own),
 * `/downloads/portfolio/<learnerId>/<unit>.pdf` (staff), `/downloads/evidence-matrix/[<learnerId>/]<unit>.pdf`,
 * `/downloads/result-sheet/<submissionId>.pdf`.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner", "assessor", "iqa", "centre_admin", "eqa"]);
  const { db } = context.database;
  const match = /^(document|portfolio|evidence-matrix|result-sheet)\/(?:([\w-]+)\/)?([\w.-]+)\.(html|pdf|zip)$/.exec(params["*"] ?? "");
  if (!match) throw notFound();
  const [, kind, first, last, asked] = match as unknown as [string, string, string | undefined, string, "html" | "pdf" | "zip"];
  // A ZIP (the web page with every evidence file) is made of a portfolio only.
  if (asked === "zip" && kind !== "portfolio") throw notFound();
  const format = asked === "zip" ? "html" : asked;

  if (kind === "document" && !first) {
    const document = (await getDocument(db, user.scope, last));
    if (!document) throw notFound();
    const learner = (await getLearner(db, user.scope, document.learnerId));
    return documentDownload(document, { registrationNo: learner?.learnerNumber ?? undefined }, format, signerSignaturesHtml((await documentSignatures(db, user.scope, document)).signatures));
  }

  if (kind === "portfolio" || kind === "evidence-matrix") {
    const learnerId = user.role === "learner" ? user.learnerId : first;
    if (!learnerId || (user.role === "learner" && first)) throw notFound();
    const learner = (await getLearner(db, user.scope, learnerId));
    const registration = learner && (await listRegistrations(db, user.scope, learner.id)).find((r) => r.unit === last);
    const unit = registration && registry.unit(registration.qualification, registration.unit, registration.ruleSetVersion);
    if (!learner || !registration || !unit) throw notFound();
    const documents = unitDocuments((await listDocuments(db, user.scope, learner.id)), templatesForUnit(registration.qualification, unit.id, registration.ruleSetVersion), unit.id);
    const who = { name: learner.name, registrationNo: learner.learnerNumber ?? undefined };
    if (kind === "portfolio") {
      // Newest first: the declaration of the latest submission of this unit.
      const submitted = (await listSubmissions(db, user.scope, { learnerId: learner.id })).find((s) => s.unit === unit.id);
      const declaration = submitted && { name: submitted.declarationName, date: submitted.declarationDate, contentHash: submitted.contentHash };
      return portfolioDownload({ unit, qualification: registration.qualification, documents, learner: who, declaration, format: asked, files: (await learnerAttachments(db, user.scope, learner.id)), read: { db, scope: user.scope }, signatures: (await portfolioSignatures(db, user.scope, learner.id, documents)) });
    }
    const matrix = evidenceMatrixDocument(unit, registration.qualification, documents, who, undefined, (await learnerAttachments(db, user.scope, learner.id)));
    if (!matrix) throw notFound();
    return downloadResponse(renderDocumentHtml(matrix), format, documentFileName({ registrationNo: who.registrationNo, unit: unit.id, templateId: matrix.template, extension: format }));
  }

  if (kind === "result-sheet" && !first) {
    const view = (await loadSubmission(db, user.scope, last));
    if (!view) throw notFound();
    const names = new Map((await listMembers(db, user.scope)).map((m) => [m.userId, m.name]));
    names.set(user.id, user.name);
    const assessorId = view.decisions[0]?.assessorUserId;
    const lastDecision = view.decisions.map((d) => d.decidedAt).sort().at(-1);
    const ratified = view.ratifications.filter((r) => r.decision === "ratify").at(-1);
    // A learner sees the decision once the assessor has recorded it, never draft marks.
    const drafts = user.role === "learner" && view.submission.status !== "assessed";
    const centre = (await getCentre(db, user.scope));
    const sheet = resultSheetDocument({
      qualification: view.submission.qualification,
      unit: view.unit,
      submission: view.submission,
      decisions: drafts ? [] : view.decisions,
      comments: drafts ? [] : view.comments,
      learner: view.learner,
      centreName: centre?.name ?? "",
      centreNumber: centre?.centreNumber,
      outcome: drafts ? "Not yet decided" : view.outcome.outcome,
      assessor: assessorId && names.get(assessorId) && lastDecision ? { name: names.get(assessorId)!, date: lastDecision.slice(0, 10) } : undefined,
      ratified: ratified && names.get(ratified.iqaUserId) ? { name: names.get(ratified.iqaUserId)!, date: ratified.decidedAt.slice(0, 10) } : undefined,
    });
    const name = documentFileName({ registrationNo: view.learner.learnerNumber ?? undefined, unit: view.unit.id, templateId: sheet.template, extension: format });
    return downloadResponse(withProvisionalNote(renderDocumentHtml(sheet), await externalNote(db, user.scope, view.submission)), format, name);
  }
  throw notFound();
}
