import { readAttachment, type Db, type Scope } from "@ilm-forms/db";
import { PDFDocument, type PDFPage } from "pdf-lib";
import type { AttachmentView } from "./attachments.server.ts";

/** An evidence file in the portfolio: its number in the annex (F1, F2 ...) and what is known of it. */
export interface PortfolioFile extends AttachmentView {
  number: string;
}

const MERGED = new Set(["application/pdf", "image/png", "image/jpeg"]);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The annex of a portfolio: every evidence file, numbered, with its name, type, size, hash and whether
 * its pages follow in the PDF. It goes at the end of the portfolio's HTML (and so of the PDF).
 *
 * @param files - the files, in evidence order
 * @returns an HTML section
 */
export function evidenceAnnexHtml(files: PortfolioFile[]): string {
  if (files.length === 0) return "";
  const rows = files
    .map(
      (f) =>
        `<tr><td>${f.number}</td><td>${escapeHtml(f.name)}</td><td>${escapeHtml(f.mediaType)}</td><td>${f.size.toLocaleString("en-GB")} bytes</td><td><code>${f.sha256}</code></td><td>${escapeHtml(f.criteria.join(", ") || "the document it is attached to")}</td><td>${MERGED.has(f.mediaType) ? "after this annex, in the PDF" : "listed only"}</td></tr>`,
    )
    .join("");
  return `<section class="evidence-annex" style="page-break-before: always"><h2>Annex: evidence files</h2><p>PDFs and images follow this annex in the PDF, in this order; recordings, e-mails and other files are listed with the SHA-256 of their content, which identifies the file the centre holds.</p><table><thead><tr><th>No.</th><th>File</th><th>Type</th><th>Size</th><th>SHA-256</th><th>Evidence for</th><th>In this PDF</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * Puts the annex before the end of a rendered portfolio page.
 *
 * @param html - the portfolio's HTML
 * @param files - the files
 * @returns the HTML with the annex
 */
export function withEvidenceAnnex(html: string, files: PortfolioFile[]): string {
  const annex = evidenceAnnexHtml(files);
  if (!annex) return html;
  const end = html.lastIndexOf("</body>");
  return end === -1 ? html + annex : html.slice(0, end) + annex + html.slice(end);
}

async function bytesOf(db: Db, scope: Scope, id: string): Promise<Buffer | undefined> {
  const found = (await readAttachment(db, scope, id));
  if (!found) return undefined;
  const parts: Buffer[] = [];
  for await (const part of found.content) parts.push(part);
  return Buffer.concat(parts);
}

/** Draws an image on its own A4 page, scaled to fit inside the margins. */
function addImagePage(merged: PDFDocument, image: { width: number; height: number }, draw: (page: PDFPage, box: { x: number; y: number; width: number; height: number }) => void): void {
  const [pageWidth, pageHeight, margin] = [595.28, 841.89, 36];
  const scale = Math.min((pageWidth - 2 * margin) / image.width, (pageHeight - 2 * margin) / image.height, 1);
  const page = merged.addPage([pageWidth, pageHeight]);
  const width = image.width * scale;
  const height = image.height * scale;
  draw(page, { x: (pageWidth - width) / 2, y: pageHeight - margin - height, width, height });
}

/**
 * Appends the pages of the PDF files and the images among the evidence files to a printed portfolio,
 * in evidence order. A file that cannot be read as a PDF or an image (damaged, encrypted) is left to
 * the annex. One file is held at a time; a portfolio is bounded by the learner's allowance.
 *
 * @param portfolio - the printed portfolio
 * @param files - the files, in evidence order
 * @param read - the caller's database and scope, to read each file
 * @returns the merged PDF and the numbers of the files whose pages could not be added
 */
export async function mergeEvidenceFiles(portfolio: Uint8Array, files: PortfolioFile[], read: { db: Db; scope: Scope }): Promise<{ pdf: Uint8Array; skipped: string[] }> {
  const merged = await PDFDocument.load(portfolio);
  const skipped: string[] = [];
  for (const file of files.filter((f) => MERGED.has(f.mediaType))) {
    const bytes = await bytesOf(read.db, read.scope, file.id);
    if (!bytes) continue;
    try {
      if (file.mediaType === "application/pdf") {
        const source = await PDFDocument.load(bytes);
        for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
      } else {
        const image = file.mediaType === "image/png" ? await merged.embedPng(bytes) : await merged.embedJpg(bytes);
        addImagePage(merged, image, (page, box) => page.drawImage(image, box));
      }
    } catch {
      skipped.push(file.number);
    }
  }
  return { pdf: await merged.save(), skipped };
}
