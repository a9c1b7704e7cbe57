import { generateDemoPortfolio, registry, valuesByRole, withAssessment, type DemoProfile, type PortfolioDocument, type UnitRegistration } from "@ilm-forms/core";
import type { Learner } from "../render/types.ts";

export interface DemoPortfolioOptions {
  profile: DemoProfile;
  /** The demo generator's seed (default 1). */
  seed?: number;
  /** Keep only the first clients' documents (for the slow tests: PDF, CLI); every client when omitted. */
  clients?: number;
}

/**
 * Core's demo portfolio with its assessment (declarations, assignment, professional discussion,
 * evidence matrices, result sheets), for docgen's tests and bench. With `clients`, the documents of
 * the later clients (those of templates filled in once per client) are left out before the
 * assessment is added, so the matrices list only what the portfolio holds.
 *
 * @param options - profile, seed and how many clients to keep
 * @returns the learner, their registrations and documents
 */
export function demoPortfolio(options: DemoPortfolioOptions): { learner: Required<Learner>; registration: UnitRegistration[]; documents: PortfolioDocument[] } {
  const portfolio = generateDemoPortfolio(options.seed ?? 1, options.profile);
  const kept = options.clients === undefined ? portfolio : { ...portfolio, documents: firstClients(portfolio.documents, options.clients) };
  const { learner, registration, documents } = withAssessment(kept, registry);
  return { learner, registration, documents };
}

/** The documents, without those of a per-client template about a client after the first `count`. */
function firstClients(documents: PortfolioDocument[], count: number): PortfolioDocument[] {
  const clientOf = (document: PortfolioDocument): string | undefined => {
    const template = registry.get(document.template, document.version);
    if (!template?.annotations.perClient) return undefined;
    const value = valuesByRole(template, document.data, "client-ref")[0]?.value;
    return typeof value === "string" ? value : undefined;
  };
  const clients = [...new Set(documents.map(clientOf).filter((client) => client !== undefined))].slice(0, count);
  return documents.filter((document) => {
    const client = clientOf(document);
    return client === undefined || clients.includes(client);
  });
}
