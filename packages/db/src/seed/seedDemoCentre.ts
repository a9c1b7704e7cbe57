import { eq } from "drizzle-orm";
import { fieldsByRole, mayWrite, registry, type Template } from "@ilm-forms/core";
import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { centres } from "../schema/centres.ts";
import { users, type Role } from "../schema/people.ts";
import { sha256Hex } from "../util/ids.ts";
import { assignAssessor } from "../repositories/assignments.ts";
import { createDocument } from "../repositories/documents.ts";
import { createSigningLink, signWithLink } from "../repositories/signatures.ts";
import { endorseDocument } from "../repositories/endorsements.ts";
import { registerLearner } from "../repositories/learners.ts";
import { addMember, createCentreWithAdmin } from "../repositories/people.ts";
import { demoPortfolio, type DemoPlan } from "./demoDocuments.ts";
import { get } from "../access/engine.ts";

/** A demo account to print for people trying the dashboard. */
export interface DemoSignIn {
  role: Role;
  name: string;
  email: string;
  password: string;
}

/** What {@link seedDemoCentre} answers. */
export interface SeedResult {
  centreId: string;
  /** false when the centre was there already and nothing was written. */
  created: boolean;
  signIns: DemoSignIn[];
  /** Documents stored (0 on a second run). */
  documents: number;
}

const ROUTE_UNITS = { certificate: ["500", "501", "503"], diploma: ["500", "502", "503"] } as const;

const PEOPLE: { role: Role; name: string; local: string; route?: keyof typeof ROUTE_UNITS; plan?: DemoPlan; assessor?: number; addedLater?: true }[] = [
  { role: "centre_admin", name: "Alex Admin", local: "admin" },
  { role: "assessor", name: "Sam Assessor", local: "assessor1" },
  { role: "assessor", name: "Robin Assessor", local: "assessor2" },
  { role: "iqa", name: "Indira Quality", local: "iqa" },
  // Learners' names come from the generator; the route must match the profile's.
  { role: "learner", name: "", local: "learner1", route: "certificate", plan: { profile: "certificate-complete" }, assessor: 1 },
  { role: "learner", name: "", local: "learner2", route: "certificate", plan: { profile: "short-hours" }, assessor: 1 },
  { role: "learner", name: "", local: "learner3", route: "diploma", plan: { profile: "diploma-complete" }, assessor: 2 },
  { role: "learner", name: "", local: "learner4", route: "diploma", plan: { profile: "diploma-complete", dropClients: ["client-5", "client-6"] }, assessor: 2 },
  { role: "learner", name: "", local: "learner5", route: "certificate", plan: { profile: "missing-reflective-log" }, assessor: 1 },
  // Added after the first demo centres were seeded: last, so no one's seed or password changes, and
  // added to an existing demo centre on its next start.
  { role: "eqa", name: "Esther External", local: "eqa", addedLater: true },
];

/**
 * Creates a demo centre: a centre admin, two assessors, an IQA, five learners with portfolios
 * from core's `generateDemoPortfolio`: Certificate complete, Certificate short of hours, Diploma
 * complete, Diploma with two clients' documents missing, Certificate missing a reflective log;
 * registered on their route's units and assigned to an assessor, and an external quality assurer (EQA).
 * Idempotent: when the centre exists nothing is written (but a person added to the demo later) and the same sign-ins come back (the
 * passwords derive from the seed, so they are never stored in plain text).
 *
 * @param db - the connection
 * @param options - `seed` (varies passwords), `centreId` (default `demo-centre`), `centreName`, `emailDomain`
 * @returns the centre id, whether it was created, the sign-ins and how many documents were stored
 */
export async function seedDemoCentre(
  db: Db,
  options: { seed: number; centreId?: string; centreName?: string; emailDomain?: string },
): Promise<SeedResult> {
  const centreId = options.centreId ?? "demo-centre";
  const domain = options.emailDomain ?? "demo.ilm-forms.test";
  const portfolios = PEOPLE.map((p, i) => (p.plan ? demoPortfolio(options.seed * 100 + i, p.plan) : undefined));
  const signIns: DemoSignIn[] = PEOPLE.map((p, i) => ({
    role: p.role,
    name: portfolios[i]?.name ?? p.name,
    email: `${p.local}@${domain}`,
    password: `demo-${sha256Hex(`ilm-forms demo ${options.seed} ${centreId} ${p.local}`).slice(0, 12)}`,
  }));
  if ((await get(db, db.select({ id: centres.id }).from(centres).where(eq(centres.id, centreId))))) {
    // The last of the first people is added last: without them an earlier run stopped half-way.
    const lastFirst = PEOPLE.findLastIndex((p) => !p.addedLater);
    if (!(await get(db, db.select({ id: users.id }).from(users).where(eq(users.email, signIns[lastFirst]!.email))))) {
      throw new Error(`seedDemoCentre: centre ${centreId} exists but its demo people are incomplete (an earlier seed stopped); start from a fresh file`);
    }
    // People added to the demo later join an existing demo centre, added by its admin.
    const adminUser = await get(db, db.select({ id: users.id }).from(users).where(eq(users.email, signIns[0]!.email)));
    for (const [i, person] of PEOPLE.entries()) {
      if (!person.addedLater || !adminUser) continue;
      const signIn = signIns[i]!;
      if (await get(db, db.select({ id: users.id }).from(users).where(eq(users.email, signIn.email)))) continue;
      const added = await addMember(db, { userId: adminUser.id, centreId, role: "centre_admin" }, { email: signIn.email, name: signIn.name, password: signIn.password, role: person.role });
      if (!added.ok) throw new Error(`seedDemoCentre: could not add ${signIn.email} (${added.reason})`);
    }
    return { centreId, created: false, signIns, documents: 0 };
  }
  const [adminSignIn] = signIns;
  const setup = await createCentreWithAdmin(db, {
    centreId,
    centreName: options.centreName ?? "ilm-forms Demo Centre",
    admin: { email: adminSignIn!.email, name: adminSignIn!.name, password: adminSignIn!.password },
  });
  if (!setup.ok) throw new Error(`seedDemoCentre: could not create the centre admin (${setup.reason})`);
  const admin = setup.admin;
  const userIds: string[] = [admin.userId];
  let documents = 0;
  for (const [i, person] of PEOPLE.entries()) {
    if (i === 0) continue;
    const signIn = signIns[i]!;
    const portfolio = portfolios[i];
    const added = await addMember(db, admin, {
      email: signIn.email,
      name: signIn.name,
      password: signIn.password,
      role: person.role,
      ...(portfolio ? { learnerNumber: portfolio.registrationNo } : {}),
    });
    if (!added.ok) throw new Error(`seedDemoCentre: could not add ${signIn.email} (${added.reason})`);
    userIds.push(added.userId);
    if (!added.learnerId || !person.route || !portfolio) continue;
    const learnerId = added.learnerId;
    for (const unit of ROUTE_UNITS[person.route]) {
      (await registerLearner(db, admin, { learnerId, qualification: "ilm-8588", route: person.route, unit, ruleSetVersion: "2.0", registeredOn: "2025-01-06" }));
    }
    (await assignAssessor(db, admin, { assessorUserId: userIds[person.assessor!]!, learnerId }));
    const learner: Scope = { userId: added.userId, centreId, role: "learner" };
    const assessor: Scope = { userId: userIds[person.assessor!]!, centreId, role: "assessor" };
    for (const doc of portfolio.documents) {
      const input = { learnerId, templateId: doc.template, ...(doc.version ? { templateVersion: doc.version } : {}), data: doc.data };
      // Each record is written by a role its template declares (a centre's record by the assessor or admin).
      const template = registry.get(doc.template, doc.version);
      const writer = [learner, admin, assessor].find((scope) => template && mayWrite(template, scope.role)) ?? learner;
      // A document a profile left incomplete on purpose (an unsigned contract) stays a draft.
      let stored = (await createDocument(db, writer, { ...input, status: "submitted" }));
      if (!stored.ok && stored.reason === "invalid") stored = (await createDocument(db, writer, { ...input, status: "draft" }));
      if (!stored.ok) throw new Error(`seedDemoCentre: demo ${doc.id} refused (${stored.reason})`);
      if (template && writer === learner) (await signedBySigners(db, learner, template, stored.id, doc.data));
      // A record the demo says the centre approved (x-ilm.approvedBy) is approved by the admin.
      if (doc.approved) {
        const approved = (await endorseDocument(db, admin, { documentId: stored.id, kind: "approved", expectedVersion: 1 }));
        if (!approved.ok) throw new Error(`seedDemoCentre: demo ${doc.id} not approved (${approved.reason})`);
      }
      documents++;
    }
  }
  return { centreId, created: true, signIns, documents };
}

/**
 * The demo's clients and stakeholders signed their own signatures (the fields whose `x-ilm.signer`
 * names them) through signing links, with the names and on the dates the demo typed.
 */
async function signedBySigners(db: Db, learner: Scope, template: Template, documentId: string, data: Record<string, unknown>): Promise<void> {
  const fields = fieldsByRole(template).filter((f) => f.role === "signature" && f.signer && f.steps.length === 1);
  if (fields.length === 0) return;
  // One transaction for the document's links and signatures (each call's own becomes a savepoint).
  await writeTransaction(db, () => signEach(db, learner, fields, documentId, data));
}

async function signEach(db: Db, learner: Scope, fields: ReturnType<typeof fieldsByRole>, documentId: string, data: Record<string, unknown>): Promise<void> {
  for (const field of fields) {
    if (field.role !== "signature" || !field.signer || field.steps.length !== 1) continue;
    const typed = data[field.steps[0]!] as { name?: unknown; date?: unknown } | undefined;
    if (typeof typed?.name !== "string" || typeof typed.date !== "string" || !/^\d{4}-\d\d-\d\d$/.test(typed.date)) continue;
    const link = (await createSigningLink(db, learner, { documentId, field: field.steps[0]!, now: new Date(`${typed.date}T09:00:00Z`) }));
    if (link.ok) (await signWithLink(db, link.token, { name: typed.name, now: new Date(`${typed.date}T10:00:00Z`) }));
  }
}
