import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { Pager } from "../components/Pager.tsx";
import { requireUser } from "../utils/auth.server.ts";
import { ApprovalQueue } from "../components/ApprovalQueue.tsx";
import { recordsAwaitingApproval } from "../models/approvals.server.ts";
import { readForm } from "../utils/form.server.ts";
import { retryAfterHeaders } from "../utils/retryAfter.ts";
import { TEXT_LIMITS } from "../models/limits.server.ts";
import { adminReauthProblem, isRole, issueApiToken, passwordResetLink, peoplePage, peopleChanges, registerOnUnit, type Role } from "../models/people.server.ts";

export const meta: MetaFunction = () => [{ title: "People and assignments – ilm-forms" }];

/** Used-up tries of the admin's password (429) say when to try again. */
export const headers = retryAfterHeaders;

const ROLE_NAMES: Record<Role, string> = { learner: "Learner", assessor: "Assessor", iqa: "Internal quality assurer", centre_admin: "Centre admin", eqa: "External quality assurer" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["centre_admin"]);
  const { db } = context.database;
  return { ...(await peoplePage(db, user.scope, ROLE_NAMES, new URL(request.url))), awaitingApproval: await recordsAwaitingApproval(db, user.scope) };
}

type Problem = { href: string; message: string };

/** The admin was not re-authenticated: the problem on the page, as 429 with Retry-After when the tries are used up. */
function reauthRefusal({ href, message, tooMany }: Problem & { tooMany?: true }) {
  return tooMany ? json({ errors: [{ href, message }] }, { status: 429, headers: { "Retry-After": "900" } }) : { errors: [{ href, message }] };
}

/** A stored time as the page shows it: `2026-03-01 09:00 UTC`. */
function utc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["centre_admin"]);
  const form = await readForm(request);
  const { db } = context.database;
  const field = (name: string) => String(form.get(name) ?? "").trim();
  switch (form.get("intent")) {
    case "add-member": {
      const role = field("role");
      const errors: Problem[] = [];
      if (!field("name")) errors.push({ href: "#member-name", message: "Enter the person’s name" });
      else if (field("name").length > TEXT_LIMITS.name) errors.push({ href: "#member-name", message: `The name has at most ${TEXT_LIMITS.name} characters` });
      if (field("email").length > TEXT_LIMITS.email) errors.push({ href: "#member-email", message: `An email address has at most ${TEXT_LIMITS.email} characters` });
      if (field("learnerNumber").length > TEXT_LIMITS.learnerNumber) errors.push({ href: "#member-number", message: `The learner registration number has at most ${TEXT_LIMITS.learnerNumber} characters` });
      else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(field("email"))) errors.push({ href: "#member-email", message: "Enter an email address like name@example.org" });
      if (!isRole(role)) errors.push({ href: "#member-role", message: "Choose a role" });
      if (errors.length || !isRole(role)) return { errors };
      const result = await peopleChanges.addPerson(db, user.scope, { name: field("name"), email: field("email"), password: String(form.get("password") ?? ""), role, learnerNumber: field("learnerNumber") || undefined });
      if (result.ok) return { done: `${field("name")} was added.` };
      if (result.reason === "email-taken") return { errors: [{ href: "#member-email", message: "Someone of your centre already uses this email address" }] };
      if (result.reason === "weak-password") return { errors: [{ href: "#member-password", message: result.message }] };
      if (result.reason === "too-long") return { errors: [{ href: `#member-${result.field === "learnerNumber" ? "number" : result.field}`, message: `The ${result.field === "learnerNumber" ? "learner registration number" : result.field} has at most ${result.limit} characters` }] };
      return { errors: [{ href: "#member-name", message: "You cannot add people" }] };
    }
    case "edit-member": {
      const reauth = await adminReauthProblem(db, user, { targetUserId: field("userId"), purpose: "email-change", password: String(form.get("adminPassword") ?? ""), newEmail: field("email"), fieldId: `edit-password-${field("userId")}` });
      if (reauth) return reauthRefusal(reauth);
      const result = (await peopleChanges.editPerson(db, user.scope, { userId: field("userId"), name: field("name"), email: field("email"), ...(form.has("learnerNumber") ? { learnerNumber: field("learnerNumber") } : {}) }));
      const at = `#edit-${field("userId")}`;
      if (result.ok) return { done: `${field("name")}’s details are saved.` };
      if (result.reason === "email-taken") return { errors: [{ href: at, message: "Someone of your centre already uses this email address" }] };
      if (result.reason === "empty-name") return { errors: [{ href: at, message: "Enter the person’s name" }] };
      if (result.reason === "bad-email") return { errors: [{ href: at, message: "Enter an email address like name@example.org" }] };
      if (result.reason === "too-long") return { errors: [{ href: at, message: `The ${result.field === "learnerNumber" ? "learner registration number" : result.field} has at most ${result.limit} characters` }] };
      return { errors: [{ href: "#people", message: "Choose a person of your centre" }] };
    }
    case "reset-password": {
      const reauth = await adminReauthProblem(db, user, { targetUserId: field("userId"), purpose: "reset-link", password: String(form.get("adminPassword") ?? ""), fieldId: `reset-password-${field("userId")}` });
      if (reauth) return reauthRefusal(reauth);
      const resetLink = await passwordResetLink(db, user.scope, field("userId"), new URL(request.url).origin);
      if (!resetLink) return { errors: [{ href: "#people", message: "Choose a person of your centre" }] };
      return { resetLink };
    }
    case "assign": {
      const result = (await peopleChanges.assign(db, user.scope, { assessorUserId: field("assessor"), learnerId: field("learner") }));
      return result.ok ? { done: "The assessor was assigned." } : { errors: [{ href: "#assign-assessor", message: "Choose an assessor and a learner of your centre" }] };
    }
    case "register": {
      const result = await registerOnUnit(db, user.scope, field("learner"), field("unit"));
      if (!result.ok && result.reason === "unknown-choice") return { errors: [{ href: "#register-unit", message: "Choose a unit from the list" }] };
      if (result.ok) return { done: "The learner was registered." };
      const message = result.reason === "duplicate" ? "The learner is registered on this unit already" : result.reason === "unknown-unit" ? "Choose a unit of the chosen route" : "Choose a learner of your centre";
      return { errors: [{ href: "#register-unit", message }] };
    }
    case "move-to-rules": {
      const result = await peopleChanges.moveToRules(db, user.scope, { registrationId: field("registration"), ruleSetVersion: field("version") });
      if (result.ok) return { done: "The registration now follows the chosen rules: the learner's findings are checked against them from now on." };
      const message = result.reason === "being-assessed"
        ? "The unit is with the assessor or quality assurance: its rules can change once it is ratified or returned"
        : result.reason === "same" ? "The registration follows these rules already" : "Choose a version of the unit's rules from the list";
      return { errors: [{ href: "#registrations", message }] };
    }
    case "settings": {
      const percent = field("iqaSamplePercent");
      const result = (await peopleChanges.saveSettings(db, user.scope, { centreNumber: field("centreNumber"), iqaSamplePercent: /^\d{1,3}$/.test(percent) ? Number(percent) : -1, eqaVerificationRequired: form.get("eqaVerificationRequired") === "yes" }));
      if (result.ok) return { done: "The centre’s settings are saved." };
      if (result.reason === "invalid") {
        return { errors: [result.field === "centreNumber" ? { href: "#centre-number", message: "The centre number has at most 40 characters" } : { href: "#iqa-sample-percent", message: "Enter a whole number from 0 to 100" }] };
      }
      return { errors: [{ href: "#centre-number", message: "You cannot change the centre’s settings" }] };
    }
    case "deactivate":
    case "reactivate": {
      const result = (await peopleChanges.setActive(db, user.scope, { userId: field("userId"), active: form.get("intent") === "reactivate" }));
      if (result.ok) return { done: form.get("intent") === "reactivate" ? "The person can sign in again." : "The person is deactivated: they cannot sign in, and everything they did is kept." };
      return { errors: [{ href: "#people", message: result.reason === "self" ? "You cannot deactivate yourself" : "Choose a person of your centre" }] };
    }
    case "end-sessions": {
      const result = await peopleChanges.endSessions(db, user.scope, { userId: field("userId") });
      if (result.ok) return { done: `${result.ended === 1 ? "1 session" : `${result.ended} sessions`} ended: the person signs in again with their password.` };
      return { errors: [{ href: "#people", message: result.reason === "self" ? "End your own other sessions under Your account" : "Choose a person of your centre" }] };
    }
    case "unassign": {
      const result = (await peopleChanges.unassign(db, user.scope, { assessorUserId: field("assessor"), learnerId: field("learner") }));
      return result.ok ? { done: "The assessor is no longer assigned to the learner." } : { errors: [{ href: "#assignments", message: "Choose an assignment of your centre" }] };
    }
    case "api-token": {
      const result = await issueApiToken(db, user.scope, form.get("confirm") === "yes", field("days"));
      if (!result.ok && result.reason === "invalid-days") return { errors: [{ href: "#api-token-days", message: "Choose how long the token works from the list" }] };
      if (!result.ok && result.reason === "unconfirmed") return { errors: [{ href: "#api-token-confirm", message: "Confirm that the current token will stop working" }] };
      return result.ok ? { token: result.token, tokenExpiresAt: result.expiresAt } : { errors: [{ href: "#api-token", message: "You cannot issue tokens" }] };
    }
    case "revoke-api-token": {
      if (form.get("confirm") !== "yes") return { errors: [{ href: "#api-token-revoke-confirm", message: "Confirm that the portal's token stops working now" }] };
      const result = await peopleChanges.revokeApiToken(db, user.scope);
      if (!result.ok) return { errors: [{ href: "#api-token", message: "You cannot revoke tokens" }] };
      return { done: result.revoked ? "The API token is revoked: the portal's requests are refused until you issue a new one." : "Your centre has no API token to revoke." };
    }
    default:
      return { errors: [{ href: "#main", message: "Unknown action" }] };
  }
}

export default function Admin() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={(result && "errors" in result ? result.errors : undefined) ?? []} />
      {result && "done" in result ? <div className="notice notice--success" role="status"><p>{result.done}</p></div> : null}
      <h1>People and assignments</h1>
      {result && "resetLink" in result && result.resetLink ? (
        <div className="notice notice--warning" role="status" id="reset-link">
          <p><strong>A link for {result.resetLink.name} ({result.resetLink.email}) to set a new password.</strong> Copy it now and give it to them yourself: it is not shown again, works once, and expires on {result.resetLink.expiresAt.slice(0, 16).replace("T", " ")} UTC. An earlier link for them no longer works.</p>
          <p><code>{result.resetLink.url}</code></p>
        </div>
      ) : null}

      <h2 id="people">People of the centre</h2>
      {/* A table on a wide screen; on a phone each person is a card with their details and actions (table--stack). */}
      <table className="table--stack">
        <caption className="visually-hidden">People of the centre, with their actions</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col"><span className="visually-hidden">Edit</span></th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
        <tbody>
          {data.members.rows.map((m) => (
            <tr key={m.userId}>
              <td data-label="Name" className="table--stack__lead">{m.name}</td><td data-label="Email">{m.email}</td><td data-label="Role">{m.role}{m.active ? "" : " (deactivated)"}</td>
              <td className="table--stack__action">
                <details id={`edit-${m.userId}`}>
                  <summary>Edit<span className="visually-hidden"> {m.name} ({m.email})</span></summary>
                  <Form method="post" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="edit-member" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <div className="field"><label htmlFor={`edit-name-${m.userId}`}>Name</label><input id={`edit-name-${m.userId}`} name="name" type="text" defaultValue={m.name} /></div>
                    <div className="field"><label htmlFor={`edit-email-${m.userId}`}>Email address</label><input id={`edit-email-${m.userId}`} name="email" type="email" defaultValue={m.email} /></div>
                    {m.learnerNumber !== null ? <div className="field"><label htmlFor={`edit-number-${m.userId}`}>Learner registration number</label><input id={`edit-number-${m.userId}`} name="learnerNumber" type="text" defaultValue={m.learnerNumber} /></div> : null}
                    <div className="field"><label htmlFor={`edit-password-${m.userId}`}>Your own password</label><p className="hint" id={`edit-password-hint-${m.userId}`}>Needed to change the e-mail address, unless you signed in within the last 5 minutes.</p><input id={`edit-password-${m.userId}`} name="adminPassword" type="password" autoComplete="current-password" aria-describedby={`edit-password-hint-${m.userId}`} /></div>
                    <button type="submit" className="button button--secondary">Save<span className="visually-hidden"> {m.name}’s details</span></button>
                  </Form>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="userId" value={m.userId} />
                    <div className="field"><label htmlFor={`reset-password-${m.userId}`}>Your own password</label><p className="hint" id={`reset-password-hint-${m.userId}`}>Needed unless you signed in within the last 5 minutes.</p><input id={`reset-password-${m.userId}`} name="adminPassword" type="password" autoComplete="current-password" aria-describedby={`reset-password-hint-${m.userId}`} /></div>
                    <button type="submit" name="intent" value="reset-password" className="button button--secondary">Make a link to set a new password<span className="visually-hidden"> for {m.name} ({m.email})</span></button>
                  </Form>
                  {m.self ? null : (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" name="intent" value="end-sessions" className="button button--secondary">Sign out everywhere<span className="visually-hidden"> {m.name} ({m.email})</span></button>
                    </Form>
                  )}
                </details>
              </td>
              <td className="table--stack__action">
                {m.self ? null : (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" name="intent" value={m.active ? "deactivate" : "reactivate"} className="button button--secondary">
                      {m.active ? "Deactivate" : "Reactivate"}<span className="visually-hidden"> {m.name} ({m.email})</span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager data={data.members} label="People of the centre" noun="people" />

      <h3>Add a person</h3>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="add-member" />
        <div className="field"><label htmlFor="member-name">Name</label><input id="member-name" name="name" type="text" /></div>
        <div className="field"><label htmlFor="member-email">Email address</label><input id="member-email" name="email" type="email" /></div>
        <div className="field"><label htmlFor="member-password">First password</label><p className="hint" id="member-password-hint">At least 8 characters, and not a common password. Tell the person to change it under “Your account”, at the top of every page once they are signed in.</p><input id="member-password" name="password" type="password" autoComplete="new-password" aria-describedby="member-password-hint" /></div>
        <div className="field"><label htmlFor="member-role">Role</label>
          <select id="member-role" name="role">{Object.entries(ROLE_NAMES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}</select>
        </div>
        <div className="field"><label htmlFor="member-number">Learner registration number (learners only)</label><input id="member-number" name="learnerNumber" type="text" /></div>
        <button type="submit" className="button">Add the person</button>
      </Form>

      <h2>Assessors and their learners</h2>
      <ul id="assignments">
        {data.assignments.rows.map((a) => (
          <li key={a.id}>
            <Form method="post" className="inline-form">
              {a.assessor} assesses {a.learner}{" "}
              <CsrfField />
              <input type="hidden" name="assessor" value={a.assessorUserId} />
              <input type="hidden" name="learner" value={a.learnerId} />
              <button type="submit" name="intent" value="unassign" className="button button--secondary">Unassign<span className="visually-hidden"> {a.assessor} from {a.learner}</span></button>
            </Form>
          </li>
        ))}
      </ul>
      <Pager data={data.assignments} label="Assessors and their learners" noun="assignments" />
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="assign" />
        <div className="field"><label htmlFor="assign-assessor">Assessor</label><select id="assign-assessor" name="assessor">{data.assessors.map((a) => <option key={a.userId} value={a.userId}>{a.name}</option>)}</select></div>
        <div className="field"><label htmlFor="assign-learner">Learner</label><select id="assign-learner" name="learner">{data.learners.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</select></div>
        <button type="submit" className="button">Assign</button>
      </Form>

      <ApprovalQueue records={data.awaitingApproval} />
      <h2>Register a learner on a unit</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="register" />
        <div className="field"><label htmlFor="register-learner">Learner</label><select id="register-learner" name="learner">{data.learners.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</select></div>
        <div className="field"><label htmlFor="register-unit">Qualification, route and unit</label><select id="register-unit" name="unit">{data.registrations.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}</select></div>
        <button type="submit" className="button">Register</button>
      </Form>

      <h2 id="registrations">Registrations</h2>
      {data.registered.total === 0 ? <p>No learner is registered yet.</p> : (
        <table className="table--stack">
          <caption className="visually-hidden">Registrations of the centre's learners</caption>
          <thead><tr><th scope="col">Learner</th><th scope="col">Registration number</th><th scope="col">Qualification</th><th scope="col">Route</th><th scope="col">Unit</th><th scope="col">Rules</th><th scope="col">Registered</th></tr></thead>
          <tbody>
            {data.registered.rows.map((r) => (
              <tr key={r.id}><td data-label="Learner" className="table--stack__lead">{r.learner}</td><td data-label="Registration number">{r.learnerNumber}</td><td data-label="Qualification">{r.qualification}</td><td data-label="Route">{r.route}</td><td data-label="Unit">{r.unit}</td><td data-label="Rules">{r.version}{r.otherVersions.length > 0 && (
                <Form method="post" noValidate className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="move-to-rules" />
                  <input type="hidden" name="registration" value={r.id} />
                  <label className="visually-hidden" htmlFor={`rules-${r.id}`}>Rules for {r.learner}, Unit {r.unit}</label>
                  <select id={`rules-${r.id}`} name="version">{r.otherVersions.map((v) => <option key={v.value} value={v.value}>{v.label}</option>)}</select>
                  <button type="submit" className="button button--secondary">Move to these rules</button>
                </Form>
              )}</td><td data-label="Registered">{r.registeredOn}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager data={data.registered} label="Registrations" noun="registrations" />

      <h2>Centre settings</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="settings" />
        <div className="field"><label htmlFor="centre-number">Centre Number</label><p className="hint" id="centre-number-hint">Your centre’s number with ILM, printed on result sheets.</p><input id="centre-number" name="centreNumber" type="text" defaultValue={data.settings.centreNumber} aria-describedby="centre-number-hint" /></div>
        <div className="field"><label htmlFor="iqa-sample-percent">Quality assurance sample rate (%)</label><p className="hint" id="iqa-sample-percent-hint">Of the assessed units the plan does not always sample (new assessors, Referrals, the first of each unit per quarter), the share drawn at random.</p><input id="iqa-sample-percent" name="iqaSamplePercent" type="number" min={0} max={100} step={1} defaultValue={data.settings.iqaSamplePercent} aria-describedby="iqa-sample-percent-hint" /></div>
        <div className="field">
          <div className="radios"><label><input type="checkbox" id="eqa-verification-required" name="eqaVerificationRequired" value="yes" defaultChecked={data.settings.eqaVerificationRequired} aria-describedby="eqa-verification-required-hint" /> Decisions are final only after external verification</label></div>
          <p className="hint" id="eqa-verification-required-hint">When ticked, a learner reads a ratified decision as provisional until your external quality assurer (EQA) verifies it, and the result sheet says so. When not ticked, decisions are final when the IQA ratifies them.</p>
        </div>
        <button type="submit" className="button">Save the settings</button>
      </Form>

      <h2 id="api-token">API token for your portal</h2>
      <p>Your portal sends documents to <code>/api/v1/documents</code> with <code>Authorization: Bearer &lt;token&gt;</code>. A token works until the expiry you choose when you issue it, or until you revoke it. Issuing a new token replaces the old one.</p>
      {result && "token" in result ? (
        <div className="notice notice--warning" id="api-token-issued">
          <p>Copy it now; it is not shown again.{result.tokenExpiresAt ? ` It works until ${utc(result.tokenExpiresAt)}.` : ""}</p>
          <p><code>{result.token}</code></p>
        </div>
      ) : null}
      {data.apiToken ? (
        <dl className="summary" id="api-token-state">
          <dt>Issued</dt>
          <dd>{data.apiToken.issuedAt ? utc(data.apiToken.issuedAt) : "Before tokens recorded it"}</dd>
          <dt>Expires</dt>
          <dd>{data.apiToken.expiresAt ? utc(data.apiToken.expiresAt) : "Never: it was issued before tokens expired. Issue a new one, then give it to the portal"}</dd>
          <dt>Last used</dt>
          <dd>{data.apiToken.lastUsedAt ? utc(data.apiToken.lastUsedAt) : "Not yet"}</dd>
        </dl>
      ) : (
        <p id="api-token-state">Your centre has no API token.</p>
      )}
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="api-token" />
        <div className="field">
          <label htmlFor="api-token-days">The token works for</label>
          <select id="api-token-days" name="days" defaultValue={String(data.apiTokenLifetimes.default)}>
            {data.apiTokenLifetimes.choices.map((days) => <option key={days} value={String(days)}>{days} days</option>)}
          </select>
        </div>
        {data.hasApiToken ? (
          <div className="field">
            <label><input id="api-token-confirm" type="checkbox" name="confirm" value="yes" /> The current token stops working: the portal needs the new one</label>
          </div>
        ) : null}
        <button type="submit" className="button button--secondary">Issue a new token</button>
      </Form>
      {data.hasApiToken ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="revoke-api-token" />
          <div className="field">
            <label><input id="api-token-revoke-confirm" type="checkbox" name="confirm" value="yes" /> The portal&apos;s requests are refused from now on, until you issue a new token</label>
          </div>
          <button type="submit" className="button button--warning">Revoke the token</button>
        </Form>
      ) : null}
    </>
  );
}
