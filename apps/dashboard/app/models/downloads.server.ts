import { authenticityDeclarationTemplate, evidenceByCriterion, markedOutcome, registry, unitCriteria, type Unit } from "@ilm-forms/core";
import { ChromiumNotFoundError, createPdfPrinter, documentFacts, documentFileName, orderPortfolio, renderDocumentHtml, renderPortfolioHtml, type DocumentInput, type PdfPrinter } from "@ilm-forms/docgen";
import type { AssessorDecision, Db, Scope, StoredDocument, Submission } from "@ilm-forms/db";
import type { AttachmentView } from "./attachments.server.ts";
import { documentLabel, toPortfolioDocument } from "./portfolio.server.ts";
import { mergeEvidenceFiles, withEvidenceAnnex, type PortfolioFile } from "./portfolioFiles.server.ts";
import { portfolioSignaturesHtml, type PortfolioSignature } from "./signatures.server.ts";
import { portfolioZipResponse } from "./portfolioZip.server.ts";
import { logError } from "../../server/log.js";

let printer: PdfPrinter | undefined;

/** One Chromium for the whole server, started on the first PDF and closed when the process ends. */
function sharedPrinter(): PdfPrinter {
  if (!printer) {
    printer = createPdfPrinter();
    const close = () => void printer?.close();
    process.once("exit", close);
  }
  return printer;
}

/**
 * Answers an HTML or PDF download with a file name that follows docgen's convention.
 *
 * @param html - the rendered page
 * @param format - `html` or `pdf`
 * @param fileName - the file name without extension concerns (docgen builds it)
 * @returns the response; 503 with a clear message when PDF output is not available here
 */
export async function downloadResponse(html: string, format: "html" | "pdf", fileName: string, afterPrint?: (pdf: Uint8Array) => Promise<Uint8Array>): Promise<Response> {
  if (format === "html") {
    // Shown in the browser on the dashboard's origin: in a sandbox (an opaque origin, no scripts, forms
    // or pop-ups), so a learner's text in it could do nothing even if it escaped the escaping.
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Content-Disposition": `inline; filename="${fileName}"`, "Content-Security-Policy": "sandbox" } });
  }
  try {
    const printed = await sharedPrinter().print(html);
    const pdf = afterPrint ? await afterPrint(printed) : printed;
    return new Response(Buffer.from(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}"` } });
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) {
      return new Response(`PDF output needs Chromium on the server, and it is not installed: ${error.message}. Download the web page instead and print it from your browser.`, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    // Chromium is there but failed (would not start, crashed, ran out of memory): the same way out as
    // without it, and the error in the log for whoever runs the server (ASVS 16.5.2, 16.3.4).
    logError(error, { where: "PDF printing" });
    return new Response("The PDF could not be made on the server just now. Download the web page instead and print it from your browser, or try again later.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
}

/**
 * One document as a page.
 *
 * @param document - the stored document
 * @param learner - for the file name
 * @param format - html or pdf
 * @param appendix - HTML to add at the end (the signers' signatures)
 */
export async function documentDownload(document: StoredDocument, learner: { registrationNo?: string }, format: "html" | "pdf", appendix = ""): Promise<Response> {
  const input = toPortfolioDocument(document);
  const template = registry.get(document.templateId, document.templateVersion);
  const facts = template ? documentFacts(template, document.data) : undefined;
  const name = documentFileName({ registrationNo: learner.registrationNo, templateId: document.templateId, facts, extension: format });
  const html = renderDocumentHtml(input);
  const end = html.lastIndexOf("</body>");
  return downloadResponse(appendix && end !== -1 ? html.slice(0, end) + appendix + html.slice(end) : html + appendix, format, name);
}

/**
 * The evidence matrix of a unit filled in from the learner's documents: under each criterion, every
 * document whose template evidences it, with its place in the portfolio as the reference number.
 *
 * @param unit - the unit
 * @param documents - the learner's documents
 * @param learner - name for the matrix
 * @param reference - the reference number of a document (by default its place in `documents`)
 * @returns the matrix as a document, or undefined when the unit has no matrix
 */
export function evidenceMatrixDocument(
  unit: Unit,
  qualification: string,
  documents: StoredDocument[],
  learner: { name: string },
  reference: (document: StoredDocument, index: number) => string = (_document, index) => String(index + 1),
  files: EvidenceFile[] = [],
): DocumentInput | undefined {
  const template = registry.get(`${qualification}/evidence-matrix-${unit.id}`, unit.version);
  if (!template) return undefined;
  // Core decides what evidences which criterion (an observation or a testimony only the criteria its
  // own list names; a unit introduction only its own unit).
  const indexed = documents.map((d, index) => ({ d, index }));
  const byCriterion = evidenceByCriterion(unit, indexed, ({ d }) => ({ template: registry.get(d.templateId, d.templateVersion), data: d.data }));
  const sections: Record<string, Record<string, Array<{ title: string; reference: string }>>> = {};
  for (const lo of unit.learningOutcomes) {
    sections[lo.number] = {};
    for (const criterion of lo.criteria) {
      const ref = `${unit.id}:${criterion.id}`;
      const evidence = byCriterion.get(ref) ?? [];
      sections[lo.number]![criterion.id] = evidence.slice(0, 30).map(({ d, index }) => ({ title: documentLabel(d).slice(0, 500), reference: reference(d, index) }));
      // Then the files: general evidence mapped to the criterion, and the files of the documents listed above.
      const listed = new Set(evidence.map(({ d }) => d.id));
      const rows = sections[lo.number]![criterion.id]!;
      for (const file of files) {
        if (rows.length >= 30) break;
        if (file.documentId === null ? file.criteria.includes(ref) : listed.has(file.documentId)) rows.push(evidenceFileRow(file));
      }
    }
  }
  return { template: template.id, version: template.version, data: { learnerName: learner.name, sections } };
}

/** An evidence file as the evidence matrix lists it. */
export interface EvidenceFile {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  criteria: string[];
  documentId: string | null;
}

/** A row of the matrix for a file: its name, type and size, and its hash as the reference. */
function evidenceFileRow(file: EvidenceFile): { title: string; reference: string } {
  const kb = Math.max(1, Math.round(file.size / 1024));
  return { title: `File: ${file.name} (${file.mediaType}, ${kb.toLocaleString("en-GB")} KB)`.slice(0, 500), reference: `SHA-256 ${file.sha256.slice(0, 16)}` };
}

/**
 * The unit's result sheet filled in from the assessor's decisions, the IQA's review and the people.
 *
 * @returns the result sheet as a document
 */
export function resultSheetDocument(input: {
  qualification: string;
  unit: Unit;
  submission: Submission;
  decisions: AssessorDecision[];
  learner: { name: string; learnerNumber: string | null };
  centreName: string;
  centreNumber?: string | null;
  outcome: "Pass" | "Referral" | "Not yet decided";
  ratified?: { name: string; date: string };
  assessor?: { name: string; date: string };
  /** Learning-outcome comments: `lo:N` (assessor), `qa:lo:N` (quality assurance). */
  comments?: { target: string; comment: string }[];
}): DocumentInput {
  const { unit } = input;
  const learningOutcomes: Record<string, unknown> = {};
  for (const lo of unit.learningOutcomes) {
    const criteria: Record<string, unknown> = {};
    for (const criterion of lo.criteria) {
      const decision = input.decisions.find((d) => d.criterion === `${unit.id}:${criterion.id}`);
      criteria[criterion.id] = decision
        ? { feedback: decision.feedback.slice(0, 5000), ...(decision.decision ? { decision: decision.decision } : {}), ...(decision.marks !== null && decision.marks !== undefined ? { marks: decision.marks } : {}) }
        : {};
    }
    const comment = (target: string) => input.comments?.find((c) => c.target === target)?.comment.slice(0, 5000);
    const assessorComment = comment(`lo:${lo.number}`);
    const qaComment = comment(`qa:lo:${lo.number}`);
    learningOutcomes[lo.number] = { criteria, ...(assessorComment ? { comments: assessorComment } : {}), ...(qaComment ? { qaComments: qaComment } : {}) };
  }
  // A marks scheme (the qualification data says so) prints the total once every criterion has its mark,
  // and its outcome is that total ("72 out of 100"): Pass or Referral only where the data declares a pass mark.
  const marked = registry.qualification(input.qualification)?.scheme === "marks";
  const marks = marked ? markedOutcome(unit, Object.fromEntries(input.decisions.map((d) => [d.criterion, d.marks]))) : undefined;
  const complete = marks !== undefined && marks.errors.length === 0;
  const decided = marks ? complete : input.outcome !== "Not yet decided" && unitCriteria(unit).length > 0;
  const outcome = marks ? (marks.outcome ?? marks.words) : input.outcome;
  return {
    template: `${input.qualification}/result-sheet-${unit.id}`,
    version: unit.version,
    data: {
      ...(input.centreNumber ? { centreNumber: input.centreNumber.slice(0, 40) } : {}),
      centreName: input.centreName.slice(0, 500),
      learnerRegistrationNo: (input.learner.learnerNumber ?? "").slice(0, 40),
      learnerName: input.learner.name.slice(0, 120),
      attempt: input.submission.attempt,
      learningOutcomes,
      ...(marks && complete ? { totalMarks: marks.total } : {}),
      ...(decided ? { assessorDecision: outcome } : {}),
      ...(input.assessor ? { assessorSignature: input.assessor } : {}),
      ...(decided && input.ratified ? { unitOutcome: outcome, qaSignature: input.ratified } : {}),
    },
  };
}

/**
 * A whole portfolio in one file, in the handbook's order (docgen orders it): authenticity, evidence
 * matrix, the evidence, with a contents page.
 */
export async function portfolioDownload(input: {
  unit: Unit;
  qualification: string;
  documents: StoredDocument[];
  learner: { name: string; registrationNo?: string };
  declaration?: { name: string; date: string; contentHash: string };
  /** `zip`: the web page and every evidence file in one ZIP. */
  format: "html" | "pdf" | "zip";
  /** The learner's evidence files: listed in the matrix beside their criteria and in an annex; PDFs and images merged into the PDF. */
  files?: AttachmentView[];
  /** The caller's database and scope, to read the files' bytes for the PDF. */
  read?: { db: Db; scope: Scope };
  /** Who signed each signature of the documents (`portfolioSignatures`): a section before the annex. */
  signatures?: PortfolioSignature[];
}): Promise<Response> {
  const inputs: DocumentInput[] = input.documents.map((d) => toPortfolioDocument(d));
  const qualification = registry.qualification(input.qualification);
  const declaration = qualification && authenticityDeclarationTemplate(qualification);
  if (input.declaration && declaration && !input.documents.some((d) => d.templateId === declaration)) {
    inputs.push({
      template: declaration,
      data: {
        learnerName: input.learner.name.slice(0, 120),
        ...(input.learner.registrationNo ? { registrationNo: input.learner.registrationNo.slice(0, 40) } : {}),
        unit: input.unit.id,
        declaration: true,
        signature: { name: input.declaration.name.slice(0, 120), date: input.declaration.date },
        date: input.declaration.date,
        contentHash: input.declaration.contentHash,
      },
    });
  }
  // The matrix's reference numbers are the documents' places in the printed portfolio, which
  // docgen orders by the handbook: place a blank matrix, order, then fill the matrix in.
  const blank = evidenceMatrixDocument(input.unit, input.qualification, [], input.learner);
  const ordered = orderPortfolio(registry, blank ? [blank, ...inputs] : inputs);
  const place = new Map(ordered.map((d, index) => [d.id, index + 1]));
  const matrix = evidenceMatrixDocument(input.unit, input.qualification, input.documents, input.learner, (d) => String(place.get(d.id) ?? ""), input.files);
  const final = ordered.map((d) => (d === blank && matrix ? matrix : d));
  const files = evidenceOrder(input.files ?? [], place, input.unit);
  const page = renderPortfolioHtml(final, { learner: input.learner, title: `Unit ${input.unit.id} portfolio of evidence` });
  const titles = new Map(input.documents.map((d) => [d.id, documentLabel(d)]));
  const signed = portfolioSignaturesHtml(input.signatures ?? [], (id) => `${place.get(id) ?? ""}. ${titles.get(id) ?? ""}`);
  const end = page.lastIndexOf("</body>");
  const html = withEvidenceAnnex(signed && end !== -1 ? page.slice(0, end) + signed + page.slice(end) : page + signed, files);
  const read = input.read;
  if (input.format === "zip") {
    const zipName = documentFileName({ registrationNo: input.learner.registrationNo, unit: input.unit.id, templateId: "portfolio", extension: "html" }).replace(/\.html$/, ".zip");
    return portfolioZipResponse(html, files, read, zipName);
  }
  const name = documentFileName({ registrationNo: input.learner.registrationNo, unit: input.unit.id, templateId: "portfolio", extension: input.format });
  return downloadResponse(html, input.format, name, files.length && read ? async (pdf) => (await mergeEvidenceFiles(pdf, files, read)).pdf : undefined);
}

/**
 * The files of a portfolio in evidence order, numbered F1, F2 ...: the files of the documents in the
 * documents' order in the portfolio, then general evidence in the order of the criteria it evidences.
 */
function evidenceOrder(files: AttachmentView[], place: Map<string | undefined, number>, unit: Unit): PortfolioFile[] {
  const criteria = unitCriteria(unit).map((c) => `${unit.id}:${c.id}`);
  const rank = (f: AttachmentView) =>
    f.documentId !== null ? (place.get(f.documentId) ?? 1e6) : 1e6 + Math.min(...f.criteria.map((c) => (criteria.indexOf(c) + 1 || 1e3)), 1e3);
  return files
    .filter((f) => (f.documentId === null ? f.unit === unit.id : place.has(f.documentId)))
    .map((f, index) => ({ f, index }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.index - b.index)
    .map(({ f }, index) => ({ ...f, number: `F${index + 1}` }));
}
