import { readFileSync } from "node:fs";
import { parseDocument, type PortfolioDocument } from "@ilm-forms/core";
import type { Learner } from "../render/types.ts";

const MAX_BYTES = 50 * 1024 * 1024;

/** Reads a JSON file with core's safe parser (size and depth limits, no prototype keys). */
export function readJson(path: string): unknown {
  const result = parseDocument(readFileSync(path, "utf8"), { maxBytes: MAX_BYTES });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.document;
}

/** A portfolio file: `PortfolioDocument[]`, or `{ learner?, documents: PortfolioDocument[] }`. */
export function readPortfolio(path: string): { learner?: Learner; documents: PortfolioDocument[] } {
  const value = readJson(path);
  const body = Array.isArray(value) ? { documents: value } : (value as { learner?: Learner; documents?: unknown });
  if (!body || !Array.isArray(body.documents)) throw new Error(`${path}: expected an array of documents or { "documents": [...] }`);
  body.documents.forEach((document: unknown, index: number) => {
    const d = document as Partial<PortfolioDocument> | null;
    if (!d || typeof d.template !== "string" || typeof d.data !== "object" || d.data === null) {
      throw new Error(`${path}: document ${index + 1} needs "template" (a template id) and "data" (an object)`);
    }
  });
  return { learner: body.learner, documents: body.documents as PortfolioDocument[] };
}
