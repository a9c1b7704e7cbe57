// Reading one document of a portfolio: its template, its validation and its own client reference,
// from an incremental checker's cache while the document is unchanged.
import type { PortfolioDocument } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import type { Template } from "../registry/types.ts";
import type { ValidationResult } from "../validation/types.ts";
import { fieldsByRole, roleReaders } from "../roles/fieldsByRole.ts";
import { memoByObject } from "../roles/memoByObject.ts";
import { clientKey } from "./clientKey.ts";
import type { DocumentMemo, FactsCache, KnownDocument } from "./factsTypes.ts";

/** The top-level fields of a template with the role `client-ref`, in schema order (worked out once). */
const clientRefSteps = memoByObject((template: Template): string[] =>
  fieldsByRole(template)
    .filter((f) => f.role === "client-ref" && f.steps.length === 1)
    .map((f) => f.steps[0]!),
);

/** The document's own client reference: the first top-level client-ref field that holds a string. */
function clientRefOf(template: Template, data: unknown): string | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  for (const step of clientRefSteps(template)) {
    const value = Object.hasOwn(data, step) ? (data as Record<string, unknown>)[step] : undefined;
    if (typeof value === "string") return value;
  }
  return undefined;
}

/** Where `readDocument` puts a document's validation (one object for a whole portfolio: nothing made per document). */
export const VALID_ANSWER: ValidationResult = { valid: true, errors: [] } as unknown as ValidationResult;

/**
 * A document as read: from the cache while unchanged, else validated and read (and cached), its
 * validation put in `out`; `undefined` when its template is unknown.
 */
export function readDocument(
  document: PortfolioDocument,
  registry: Registry,
  validate: (document: PortfolioDocument) => ValidationResult,
  keys: Map<string, string>,
  cache: FactsCache | undefined,
  out: { result: ValidationResult },
): KnownDocument | undefined {
  const cached = cache?.get(document.id);
  if (cached !== undefined && unchanged(cached.document, document)) {
    if (cached.known.client !== undefined) keys.set(cached.known.client, cached.known.clientKey!);
    out.result = cached.result;
    return cached.known;
  }
  const template = registry.get(document.template, document.version);
  if (!template) return undefined;
  const result = validate(document);
  const ref = clientRefOf(template, document.data);
  // Every known document gets the same fields in the same order (one object shape for the checks to read).
  const memo: DocumentMemo = cache ? { rows: undefined, personNames: undefined, names: undefined, tools: undefined, roleMinutes: undefined } : {};
  const known: KnownDocument = { document, template, readers: roleReaders(template), valid: result.valid, client: undefined, clientKey: undefined, memo };
  if (ref !== undefined && ref.trim() !== "") {
    known.client = ref.trim();
    let key = keys.get(known.client);
    if (key === undefined) keys.set(known.client, (key = clientKey(known.client)));
    known.clientKey = key;
  }
  cache?.set(document.id, { document, known, result });
  out.result = result;
  return known;
}

/** Whether a document is the one cached: same template version, approval and signers' signatures, and same revision (or, without revisions, the same data object). */
function unchanged(before: PortfolioDocument, now: PortfolioDocument): boolean {
  if (before === now) return true;
  if (before.template !== now.template || before.version !== now.version || before.approved !== now.approved) return false;
  const same = before.revision !== undefined && now.revision !== undefined ? before.revision === now.revision : before.data === now.data;
  if (!same) return false;
  if (before.signerSignatures === now.signerSignatures) return true;
  return JSON.stringify(before.signerSignatures ?? null) === JSON.stringify(now.signerSignatures ?? null);
}
