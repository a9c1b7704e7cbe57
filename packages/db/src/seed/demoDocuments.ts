import { generateDemoPortfolio, type DemoProfile, type PortfolioDocument } from "@ilm-forms/core";

/** How a demo learner's portfolio is made: a profile of core's generator, optionally cut short. */
export interface DemoPlan {
  profile: DemoProfile;
  /** Drop the documents of these clients (e.g. `["client-5", "client-6"]`): a Diploma falling short. */
  dropClients?: string[];
}

/**
 * A demo learner's portfolio from `generateDemoPortfolio` of @ilm-forms/core (deterministic for a
 * seed and profile; every document valid against its template, flaws only where the profile says).
 *
 * @param seed - the generator's seed
 * @param plan - the profile, and clients to drop
 * @returns the learner's name, registration number and documents
 */
export function demoPortfolio(seed: number, plan: DemoPlan): { name: string; registrationNo: string; documents: PortfolioDocument[] } {
  const portfolio = generateDemoPortfolio(seed, plan.profile);
  const dropped = plan.dropClients ?? [];
  return {
    ...portfolio.learner,
    documents: portfolio.documents.filter((doc) => !dropped.some((client) => doc.id.startsWith(`${client}/`))),
  };
}
