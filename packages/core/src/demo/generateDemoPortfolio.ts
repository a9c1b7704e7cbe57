import type { PortfolioDocument, UnitRegistration } from "../portfolio/types.ts";
import type { Registry } from "../registry/createRegistry.ts";
import { withAssessment, type AssessmentOptions } from "./assessmentDocuments.ts";
import { addDays } from "./dates.ts";
import { clientDocuments, type DemoClient } from "./clientDocuments.ts";
import { evidenceStatements } from "./evidenceStatements.ts";
import { exceptionalRecord, reviewDocuments, supervisionDocuments } from "./learnerDocuments.ts";
import { CLIENT_NAMES, LEARNERS, STAKEHOLDERS, SUPERVISORS } from "./people.ts";
import { mulberry32, type Random } from "./prng.ts";
import { PROFILES, type DemoProfile } from "./profiles.ts";
import { THEMES } from "./themes.ts";

/** A demo learner's portfolio. */
export interface DemoPortfolio {
  profile: DemoProfile;
  seed: number;
  learner: { name: string; registrationNo: string };
  registration: UnitRegistration[];
  documents: PortfolioDocument[];
}

/** Opt-in additions to a demo portfolio; without them every profile's output is as it always was. */
export interface DemoOptions {
  /**
   * Adds the assessment (`withAssessment`): authenticity declarations, missing introductions, the
   * units' own templates the portfolio lacks (Unit 500's assignment), a professional discussion, the
   * evidence matrices and marked result sheets, read from `registry`. `true`, or the options of
   * `withAssessment`.
   */
  assessment?: boolean | AssessmentOptions;
  /** Where the templates are found (required for `assessment` here; `@ilm-forms/core` defaults it to the built-in registry). */
  registry?: Registry;
}

const ROUTE_UNITS = { certificate: ["500", "501", "503"], diploma: ["500", "502", "503"] } as const;

/**
 * Generates a realistic demo portfolio for a learner of ILM 8588: the same seed and profile always give
 * byte-identical output (its own seeded generator, no clock, no Math.random). Every document is valid
 * against its template. "certificate-complete" and "diploma-complete" meet every countable rule; the
 * other profiles fall short in the one way their name says.
 *
 * @param seed - any integer; different seeds give different names, dates, themes and wording
 * @param profile - which learner to generate
 * @param options - `assessment` adds the assessment documents after the learner's own (no draw on the
 *   seeded generator: the learner's documents are the same with or without them)
 * @returns the learner, their unit registrations and their documents
 */
export function generateDemoPortfolio(seed: number, profile: DemoProfile, options: DemoOptions = {}): DemoPortfolio {
  const portfolio = learnerPortfolio(seed, profile);
  if (!options.assessment) return portfolio;
  if (!options.registry) throw new Error("generateDemoPortfolio needs options.registry for the assessment: @ilm-forms/core/engine holds no templates");
  return withAssessment(portfolio, options.registry, options.assessment === true ? {} : options.assessment);
}

function learnerPortfolio(seed: number, profile: DemoProfile): DemoPortfolio {
  const plan = PROFILES[profile];
  if (!plan) throw new Error(`There is no demo profile ${String(profile)}`);
  const random = mulberry32(seed);
  const coach = random.pick(LEARNERS);
  const supervisor = random.pick(SUPERVISORS);
  const learner = { name: coach, registrationNo: `ILM${String(random.int(1_000_000, 9_999_999))}` };
  const start = addDays("2025-01-06", random.int(0, 90));
  const themeOffset = random.int(0, THEMES.length - 1);
  const names = random.sample(CLIENT_NAMES, plan.clients);
  const hoursEach = splitQuarters(plan.hours, plan.clients, random);
  const clients: DemoClient[] = hoursEach.map((hours, i) => {
    const clientStart = addDays(start, i * 5);
    const durations = plan.sessionsPerClient ? evenDurations(hours, plan.sessionsPerClient) : randomDurations(hours, random);
    const gap = durations.length > 6 ? 7 : 14;
    return {
      ref: `Client ${i + 1}`,
      slug: `client-${i + 1}`,
      theme: THEMES[(themeOffset + i) % THEMES.length]!,
      name: names[i]!,
      stakeholder: STAKEHOLDERS[(themeOffset + i) % STAKEHOLDERS.length]!,
      start: clientStart,
      durations,
      dates: durations.map((_, s) => addDays(clientStart, 10 + s * gap + random.int(0, 2))),
    };
  });
  const documents = clients.flatMap((c) => clientDocuments(c, coach, random));
  documents.push(...supervisionDocuments(coach, supervisor, clients, plan.supervision, random));
  const lastSession = clients.flatMap((c) => c.dates).sort().pop()!;
  documents.push(...reviewDocuments(coach, addDays(lastSession, 14), plan.pdpMonths, random));
  if (plan.exceptionalRecord) documents.push(exceptionalRecord(coach, clients[clients.length - 1]!, supervisor));
  if (plan.evidenceStatements) documents.push(...evidenceStatements(coach, plan.route === "diploma" ? "502" : "501", clients, addDays(lastSession, 21)));
  applyFlaws(plan, clients, documents);
  return {
    profile,
    seed,
    learner,
    registration: ROUTE_UNITS[plan.route].map((unit) => ({ qualification: "ilm-8588", unit })),
    documents,
  };
}

function applyFlaws(plan: (typeof PROFILES)[DemoProfile], clients: DemoClient[], documents: PortfolioDocument[]): void {
  const byId = (id: string) => documents.find((d) => d.id === id);
  if (plan.dropReflectiveLog) documents.splice(documents.indexOf(byId("client-2/reflective-log-2")!), 1);
  if (plan.unsignedContract) delete byId(`${clients[clients.length - 1]!.slug}/contract`)!.data.stakeholderSignature;
  if (plan.nameClient) {
    const record = byId("client-1/session-record-2")!.data;
    const firstName = clients[0]!.name.split(" ")[0]!;
    record.reality = `${firstName} said the week had been difficult. ${String(record.reality)}`;
  }
}

/** Splits hours across clients in quarter hours, as evenly as the quarters allow, with a little variety. */
function splitQuarters(total: number, parts: number, random: Random): number[] {
  const quarters = Math.round(total * 4);
  const base = Math.floor(quarters / parts);
  const shares = Array.from({ length: parts }, (_, i) => base + (i < quarters - base * parts ? 1 : 0));
  for (let i = 0; i + 1 < parts; i += 2) {
    const shift = Math.min(random.int(0, 2), shares[i + 1]! - 4);
    shares[i] = shares[i]! + shift;
    shares[i + 1] = shares[i + 1]! - shift;
  }
  return shares.map((q) => q / 4);
}

/** Sessions of 1 to 2 hours that add up to exactly `hours`. */
function randomDurations(hours: number, random: Random): number[] {
  const durations: number[] = [];
  let remaining = hours;
  while (remaining > 2.75) {
    const d = random.pick([1, 1.25, 1.5, 1.5, 1.75, 2]);
    durations.push(d);
    remaining -= d;
  }
  if (remaining > 2) {
    const first = Math.round(remaining * 2) / 4;
    durations.push(first, remaining - first);
  } else durations.push(remaining);
  return durations;
}

/** `count` sessions adding up to `hours`, in quarter hours. */
function evenDurations(hours: number, count: number): number[] {
  const quarters = Math.round(hours * 4);
  const base = Math.floor(quarters / count);
  return Array.from({ length: count }, (_, i) => (base + (i < quarters - base * count ? 1 : 0)) / 4);
}
