import { registry, unitChoices, type UnitChoice } from "@ilm-forms/core";
import { mapRows, paginate } from "./paginate.ts";
import { securityEvent } from "../../server/log.js";
import {
  addMember,
  assignAssessor,
  changeRegistrationRules,
  createPasswordReset,
  endMemberSessions,
  getCentre,
  issueCentreApiToken,
  revokeCentreApiToken,
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  listAssignments,
  listLearners,
  listMembers,
  listVisibleRegistrations,
  registerLearner,
  ROLES,
  setMemberActive,
  unassignAssessor,
  updateCentreSettings,
  updateMember,
  normaliseEmail,
  reauthenticateAdmin,
  type AdminReauthPurpose,
  type Db,
  type Role,
  type Scope,
} from "@ilm-forms/db";

export type { Role };

/**
 * Whether a posted value is one of the roles a person can be given.
 *
 * @param value - the posted value
 * @returns true for a role
 */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Every unit version of every qualification the installation knows, once per route that includes it (none named in code). */
export function registrationChoices(): (UnitChoice & { route: string; value: string; label: string })[] {
  return unitChoices(registry.qualifications()).flatMap((choice) => {
    const title = registry.qualification(choice.qualification)?.title ?? choice.qualification;
    const version = choice.current ? "" : ` (${choice.version} version)`;
    const routes = choice.routes.length ? choice.routes : [{ id: "", title }];
    return routes.map((route) => ({
      ...choice,
      route: route.id,
      value: `${choice.qualification}|${route.id}|${choice.unit}@${choice.version}`,
      label: `${route.id ? `${title}, ${route.title}` : title}: Unit ${choice.unit} ${choice.title}${version}`,
    }));
  });
}

/**
 * What the centre admin's page shows: the people of the centre, who assesses whom, the registrations
 * and the centre's settings. People with the same name are told apart by their e-mail address. The
 * three long lists are 25 a page each (`?people-page=`, `?assignments-page=`, `?registrations-page=`), in
 * five reads however many learners the centre has; the pickers keep every assessor and learner.
 *
 * @param db - the connection
 * @param scope - the admin's scope
 * @param roleNames - each role's name as the page shows it
 * @param url - the request's URL, for the pages asked for
 * @returns the page's data
 */
export async function peoplePage(db: Db, scope: Scope, roleNames: Record<Role, string>, url: URL) {
  const centre = await getCentre(db, scope);
  const members = await listMembers(db, scope);
  const learners = await listLearners(db, scope);
  const sameName = new Set(members.filter((m, i) => members.findIndex((o) => o.name.toLowerCase() === m.name.toLowerCase()) !== i).map((m) => m.name.toLowerCase()));
  const shown = (name: string, email: string) => (sameName.has(name.toLowerCase()) ? `${name} (${email})` : name);
  const emails = new Map(members.map((m) => [m.userId, m.email]));
  const names = new Map(members.map((m) => [m.userId, shown(m.name, m.email)]));
  const learnerById = new Map(learners.map((l) => [l.id, l]));
  const learnerNames = new Map(learners.map((l) => [l.id, shown(l.name, l.email)]));
  const learnerOrder = new Map(learners.map((l, i) => [l.id, i]));
  const registrations = (await listVisibleRegistrations(db, scope)).filter((r) => learnerById.has(r.learnerId));
  registrations.sort((a, b) => learnerOrder.get(a.learnerId)! - learnerOrder.get(b.learnerId)!);
  return {
    members: mapRows(paginate(members, url, "people-page"), (m) => ({ userId: m.userId, name: m.name, email: m.email, role: roleNames[m.role], active: m.deactivatedAt === null, self: m.userId === scope.userId, learnerNumber: m.learnerId ? (learnerById.get(m.learnerId)?.learnerNumber ?? "") : null })),
    assessors: members.filter((m) => m.role === "assessor").map((m) => ({ userId: m.userId, name: names.get(m.userId) ?? m.name, email: emails.get(m.userId) ?? "" })),
    learners: learners.map((l) => ({ id: l.id, name: learnerNames.get(l.id) ?? l.name })),
    registered: mapRows(paginate(registrations, url, "registrations-page"), (r) => ({ id: r.id, learner: learnerNames.get(r.learnerId) ?? "", learnerNumber: learnerById.get(r.learnerId)?.learnerNumber ?? "", qualification: registry.qualification(r.qualification)?.title ?? r.qualification, route: r.route ?? "", unit: r.unit, version: r.ruleSetVersion, registeredOn: r.registeredOn ?? "", otherVersions: otherRuleVersions(r.qualification, r.unit, r.ruleSetVersion) })),
    assignments: mapRows(paginate(await listAssignments(db, scope), url, "assignments-page"), (a) => ({ id: a.id, assessorUserId: a.assessorUserId, learnerId: a.learnerId, assessor: names.get(a.assessorUserId) ?? "", learner: learnerNames.get(a.learnerId) ?? "" })),
    registrations: registrationChoices().map(({ value, label }) => ({ value, label })),
    hasApiToken: centre?.hasApiToken ?? false,
    apiToken: centre?.apiToken ?? null,
    apiTokenLifetimes: { choices: API_TOKEN_LIFETIME_DAYS, default: API_TOKEN_DEFAULT_DAYS },
    settings: { centreNumber: centre?.centreNumber ?? "", iqaSamplePercent: centre?.iqaSamplePercent ?? 25, eqaVerificationRequired: centre?.eqaVerificationRequired ?? false },
  };
}

/**
 * Makes a one-time link for a person of the centre to set a new password (an earlier link stops working).
 *
 * @param db - the connection
 * @param scope - the admin's scope
 * @param userId - the person
 * @param origin - the dashboard's origin, for the link
 * @returns the link and whom it is for, or undefined when the person is not of the centre
 */
export async function passwordResetLink(db: Db, scope: Scope, userId: string, origin: string) {
  const result = await createPasswordReset(db, scope, userId);
  if (!result.ok) return undefined;
  const person = (await listMembers(db, scope)).find((m) => m.userId === userId);
  return { url: `${origin}/reset-password/${result.token}`, name: person?.name ?? "", email: person?.email ?? "", expiresAt: result.expiresAt };
}

/**
 * Registers a learner on the unit version a choice of the page names.
 *
 * @param db - the connection
 * @param scope - the admin's scope
 * @param learnerId - the learner
 * @param choice - the chosen option's value (see {@link registrationChoices})
 * @returns ok, or why not (`unknown-choice` when the value names no choice)
 */
export async function registerOnUnit(db: Db, scope: Scope, learnerId: string, choice: string) {
  const chosen = registrationChoices().find((c) => c.value === choice);
  if (!chosen) return { ok: false as const, reason: "unknown-choice" as const };
  return registerLearner(db, scope, { learnerId, qualification: chosen.qualification, route: chosen.route, unit: chosen.unit, ruleSetVersion: chosen.version, registeredOn: new Date().toISOString().slice(0, 10) });
}

/** The lifetimes, in days, the admin chooses from when issuing a token (decision 071). */
export const API_TOKEN_LIFETIME_DAYS = [30, API_TOKEN_DEFAULT_DAYS, 180, API_TOKEN_MAX_DAYS];

/**
 * Issues the centre's API token for its portal; replacing a live one needs the admin's confirmation.
 *
 * @param db - the connection
 * @param scope - the admin's scope
 * @param confirmed - whether the admin confirmed that the current token stops working
 * @param days - the lifetime chosen, as posted: one of {@link API_TOKEN_LIFETIME_DAYS} (empty: the default)
 * @returns the token (shown once) and its expiry, or why not (`unconfirmed`, `invalid-days`, or refused)
 */
export async function issueApiToken(db: Db, scope: Scope, confirmed: boolean, days: string) {
  const chosen = days === "" ? API_TOKEN_DEFAULT_DAYS : API_TOKEN_LIFETIME_DAYS.find((d) => String(d) === days);
  if (chosen === undefined) return { ok: false as const, reason: "invalid-days" as const };
  if ((await getCentre(db, scope))?.hasApiToken && !confirmed) return { ok: false as const, reason: "unconfirmed" as const };
  return issueCentreApiToken(db, scope, { days: chosen });
}

/**
 * Re-authenticates the admin before a change to how another person signs in (decision 073): their own
 * password from the form's `adminPassword`, or a sign-in within the last 5 minutes. For an e-mail
 * address, only when it changes.
 *
 * @param db - the connection
 * @param user - the admin
 * @param input - the person, the purpose, the password as typed, and for an e-mail change the new address
 * @returns undefined to go on, or the problem to show (with `tooMany` when the tries are used up: answer 429)
 */
export async function adminReauthProblem(
  db: Db,
  user: { scope: Scope; signedInAt: string },
  input: { targetUserId: string; purpose: AdminReauthPurpose; password: string; newEmail?: string; fieldId: string },
): Promise<{ href: string; message: string; tooMany?: true } | undefined> {
  // Someone not of the centre: nothing to re-authenticate for (the change itself answers that), and
  // nothing typed into the form reaches the audit log.
  const member = (await listMembers(db, user.scope)).find((m) => m.userId === input.targetUserId);
  if (!member) return undefined;
  if (input.purpose === "email-change" && normaliseEmail(input.newEmail ?? "") === member.email) return undefined;
  const result = await reauthenticateAdmin(db, user.scope, { password: input.password || undefined, signedInAt: user.signedInAt, purpose: input.purpose, targetUserId: input.targetUserId });
  if (result.ok) return undefined;
  const what = input.purpose === "email-change" ? "change someone’s e-mail address" : "make a link to set someone’s password";
  const href = `#${input.fieldId}`;
  if (result.reason === "password-needed") return { href, message: `Type your own password to ${what}: you signed in more than 5 minutes ago` };
  if (result.reason === "wrong-current") return { href, message: "Your password is not right" };
  if (result.reason === "rate-limited") {
    securityEvent("rate-limit.refused", { limiter: "current-password" });
    return { href, message: "Too many tries of your password: wait 15 minutes and try again. Nothing was changed.", tooMany: true };
  }
  return { href: "#people", message: "Choose a person of your centre" };
}

/** The changes the admin's page makes, one repository call each (every one checks the admin's centre). */
export const peopleChanges = {
  addPerson: addMember,
  editPerson: updateMember,
  setActive: setMemberActive,
  endSessions: endMemberSessions,
  revokeApiToken: revokeCentreApiToken,
  assign: assignAssessor,
  unassign: unassignAssessor,
  saveSettings: updateCentreSettings,
  moveToRules: changeRegistrationRules,
};

/**
 * The other versions of a unit's rules a registration can move to (for example from the earlier Unit 501
 * rules to the current ones), as the qualification data lists them.
 *
 * @param qualification - the registration's qualification
 * @param unit - its unit
 * @param version - the version it is on
 * @returns the versions it can move to, the current first
 */
function otherRuleVersions(qualification: string, unit: string, version: string): { value: string; label: string }[] {
  return (registry.qualification(qualification)?.units ?? [])
    .filter((u) => u.id === unit && u.version !== version)
    .sort((a, b) => Number(b.current) - Number(a.current))
    .map((u) => ({ value: u.version, label: u.current ? `${u.version} (current)` : u.version }));
}
