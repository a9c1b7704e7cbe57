import { registry } from "@ilm-forms/core";
import { documentFileName, renderDocumentHtml } from "@ilm-forms/docgen";
import { getCentre, getDocument, getLearner, listDocuments, listMembers, listRegistrations, listSubmissions, type Db, type Scope } from "@ilm-forms/db";
import { learnerAttachments } from "./attachments.server.ts";
import { documentDownload, downloadResponse, evidenceMatrixDocument, portfolioDownload, resultSheetDocument } from "./downloads.server.ts";
import { templatesForUnit, unitDocuments } from "./portfolio.server.ts";
import { documentSignatures, portfolioSignatures, signerSignaturesHtml } from "./signatures.server.ts";
import { externalNote, withProvisionalNote } from "./eqa.server.ts";
import { loadSubmission } from "./submission.server.ts";

// What /downloads/... answers, once the route has checked who asks for what. Each returns undefined
// when the caller may not see the thing (the route answers 404).

/**
 * One document as a page, with the signers' signatures at its end.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param id - the document
 * @param format - html or pdf
 * @returns the download, or undefined
 */
export async function documentFile(db: Db, scope: Scope, id: string, format: "html" | "pdf"): Promise<Response | undefined> {
  const document = await getDocument(db, scope, id);
  if (!document) return undefined;
  const learner = await getLearner(db, scope, document.learnerId);
  return documentDownload(document, { registrationNo: learner?.learnerNumber ?? undefined }, format, signerSignaturesHtml((await documentSignatures(db, scope, document)).signatures));
}

/**
 * A learner's unit as a portfolio (HTML, PDF or ZIP with the evidence files) or as its evidence matrix.
 *
 * @param db - the connection
 * @param scope - the caller
 * @param input - the learner, the unit, which file, the format asked for
 * @returns the download, or undefined (no such learner or registration, or no matrix for the unit)
 */
export async function unitFile(db: Db, scope: Scope, input: { learnerId: string; unitId: string; kind: "portfolio" | "evidence-matrix"; asked: "html" | "pdf" | "zip" }): Promise<Response | undefined> {
  const learner = await getLearner(db, scope, input.learnerId);
  const registration = learner && (await listRegistrations(db, scope, learner.id)).find((r) => r.unit === input.unitId);
  const unit = registration && registry.unit(registration.qualification, registration.unit, registration.ruleSetVersion);
  if (!learner || !registration || !unit) return undefined;
  const documents = unitDocuments(await listDocuments(db, scope, learner.id), templatesForUnit(registration.qualification, unit.id, registration.ruleSetVersion), unit.id);
  const who = { name: learner.name, registrationNo: learner.learnerNumber ?? undefined };
  if (input.kind === "portfolio") {
    // Newest first: the declaration of the latest submission of this unit.
    const submitted = (await listSubmissions(db, scope, { learnerId: learner.id })).find((s) => s.unit === unit.id);
    const declaration = submitted && { name: submitted.declarationName, date: submitted.declarationDate, contentHash: submitted.contentHash };
    return portfolioDownload({ unit, qualification: registration.qualification, documents, learner: who, declaration, format: input.asked, files: await learnerAttachments(db, scope, learner.id), read: { db, scope }, signatures: await portfolioSignatures(db, scope, learner.id, documents) });
  }
  const format = input.asked === "zip" ? "html" : input.asked;
  const matrix = evidenceMatrixDocument(unit, registration.qualification, documents, who, undefined, await learnerAttachments(db, scope, learner.id));
  if (!matrix) return undefined;
  return downloadResponse(renderDocumentHtml(matrix), format, documentFileName({ registrationNo: who.registrationNo, unit: unit.id, templateId: matrix.template, extension: format }));
}

/**
 * A submission's result sheet: the decisions, comments, outcome, the assessor's and the IQA's names and
 * dates, the centre's name and number. A learner sees the decision once the assessor has recorded it, never draft marks.
 *
 * @param db - the connection
 * @param caller - the caller's scope, id, name and role
 * @param submissionId - the submission
 * @param format - html or pdf
 * @returns the download, or undefined
 */
export async function resultSheetFile(db: Db, caller: { scope: Scope; id: string; name: string; role: string }, submissionId: string, format: "html" | "pdf"): Promise<Response | undefined> {
  const { scope } = caller;
  const view = await loadSubmission(db, scope, submissionId);
  if (!view) return undefined;
  const names = new Map((await listMembers(db, scope)).map((m) => [m.userId, m.name]));
  names.set(caller.id, caller.name);
  const assessorId = view.decisions[0]?.assessorUserId;
  const lastDecision = view.decisions.map((d) => d.decidedAt).sort().at(-1);
  const ratified = view.ratifications.filter((r) => r.decision === "ratify").at(-1);
  const drafts = caller.role === "learner" && view.submission.status !== "assessed";
  const centre = await getCentre(db, scope);
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
  return downloadResponse(withProvisionalNote(renderDocumentHtml(sheet), await externalNote(db, scope, view.submission)), format, name);
}
