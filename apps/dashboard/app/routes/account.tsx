import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { changeOwnPassword, ownSessions, signOutElsewhere, SESSION_IDLE_MS } from "../models/account.server.ts";
import { requireUser, sessionCookie } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { securityEvent } from "../../server/log.js";

// Every signed-in person's own account: change the password (the current one first), see the sessions
// that are signed in and end the others. Decisions 064 (idle limit) and 065 (password change).

export const meta: MetaFunction = () => [{ title: "Your account – ilm-forms" }];

const ALL_ROLES = ["learner", "assessor", "iqa", "centre_admin", "eqa"] as const;

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ALL_ROLES);
  const sessions = await ownSessions(context.database.db, user.scope, user.sessionToken, context.config.sessionIdleMs);
  return {
    name: user.name,
    email: user.email,
    changed: new URL(request.url).searchParams.get("changed") === "1",
    idleMinutes: Math.round((context.config.sessionIdleMs ?? SESSION_IDLE_MS) / 60_000),
    sessions: sessions.map((s) => ({ handle: s.handle, startedAt: when.format(new Date(s.startedAt)), lastUsedAt: when.format(new Date(s.lastUsedAt)), expiresAt: when.format(new Date(s.expiresAt)), current: s.current })),
  };
}

type Problem = { href: string; message: string };

/** The tries of the current password are used up: a 429 that says so, as the other limited pages answer. */
function tooMany(): Response {
  securityEvent("rate-limit.refused", { limiter: "current-password" });
  return new Response("Too many tries of your current password. Wait 15 minutes and try again.", { status: 429, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "900" } });
}

export async function action({ request, context }: ActionFunctionArgs): Promise<{ errors: Problem[] } | { done: string }> {
  const user = await requireUser(request, context, ALL_ROLES);
  const form = await readForm(request);
  const { db } = context.database;
  switch (form.get("intent")) {
    case "change-password": {
      const current = String(form.get("current") ?? "");
      const next = String(form.get("password") ?? "");
      const errors: Problem[] = [];
      if (!current) errors.push({ href: "#current", message: "Enter your current password" });
      if (!next) errors.push({ href: "#password", message: "Enter a new password" });
      else if (next !== String(form.get("again") ?? "")) errors.push({ href: "#again", message: "Type the same new password twice" });
      if (errors.length) return { errors };
      const result = await changeOwnPassword(db, user.scope, { current, next, sessionToken: user.sessionToken });
      if (result.ok) securityEvent("password.changed", { userId: user.id, centreId: user.centreId });
      if (result.ok) throw redirect("/account?changed=1", { headers: { "Set-Cookie": sessionCookie(result.token, context, result.expiresAt) } });
      if (result.reason === "weak-password") return { errors: [{ href: "#password", message: result.message }] };
      if (result.reason === "wrong-current") return { errors: [{ href: "#current", message: "Your current password is not right" }] };
      if (result.reason === "rate-limited") {
        throw tooMany();
      }
      throw redirect("/sign-in");
    }
    case "end-sessions": {
      const current = String(form.get("sessions-password") ?? "");
      const end = String(form.get("end") ?? "");
      if (!current) return { errors: [{ href: "#sessions-password", message: "Type your password to sign other sessions out" }] };
      if (end !== "all" && !/^[0-9a-f]{32}$/.test(end)) return { errors: [{ href: "#sessions", message: "Choose a session to sign out" }] };
      const result = await signOutElsewhere(db, user.scope, { keepToken: user.sessionToken, current, ...(end === "all" ? {} : { handle: end }) });
      if (result.ok) {
        if (end !== "all") return { done: result.ended === 1 ? "The session is signed out." : "That session had ended already." };
        return { done: result.ended === 1 ? "You are signed out everywhere else: 1 other session ended." : `You are signed out everywhere else: ${result.ended} other sessions ended.` };
      }
      if (result.reason === "wrong-current") return { errors: [{ href: "#sessions-password", message: "Your password is not right" }] };
      if (result.reason === "rate-limited") throw tooMany();
      throw redirect("/sign-in");
    }
    default:
      return { errors: [{ href: "#main", message: "Unknown action" }] };
  }
}

export default function Account() {
  const { name, email, changed, sessions, idleMinutes } = useLoaderData<typeof loader>();
  const others = sessions.some((s) => !s.current);
  const result = useActionData<typeof action>();
  const errors = (result && "errors" in result ? result.errors : undefined) ?? [];
  const errorFor = (id: string) => errors.find((e) => e.href === `#${id}`)?.message;
  const field = (id: string, label: string, autoComplete: string, hint?: string) => {
    const error = errorFor(id);
    const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
    return (
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={id}>{label}</label>
        {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
        {error ? <p className="error-message" id={`${id}-error`}><span className="visually-hidden">Error: </span>{error}</p> : null}
        <input id={id} name={id} type="password" autoComplete={autoComplete} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      </div>
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      {changed ? <div className="notice notice--success" role="status"><p>Your password is changed. Every other session of yours has ended: sign in there again with the new password.</p></div> : null}
      {result && "done" in result ? <div className="notice notice--success" role="status"><p>{result.done}</p></div> : null}
      <h1>Your account</h1>
      <dl className="summary-list">
        <dt>Name</dt><dd>{name}</dd>
        <dt>Email address</dt><dd>{email}</dd>
      </dl>

      <h2 id="change-password">Change your password</h2>
      <p>Type your current password first. When the password is changed, you stay signed in here and every other session of yours ends.</p>
      <Form method="post" noValidate aria-labelledby="change-password">
        <CsrfField />
        <input type="hidden" name="intent" value="change-password" />
        {field("current", "Current password", "current-password")}
        {field("password", "New password", "new-password", "At least 8 characters, and not a common password: three or four unrelated words are easy to remember and hard to guess.")}
        {field("again", "The new password again", "new-password")}
        <button type="submit" className="button">Change the password</button>
      </Form>

      <h2 id="sessions">Where you are signed in</h2>
      <p>A session ends when you sign out, after {idleMinutes} minutes unused, or 12 hours after signing in.</p>
      <Form method="post" noValidate aria-labelledby="sessions">
        <CsrfField />
        <input type="hidden" name="intent" value="end-sessions" />
        {others ? (
          <>
            {field("sessions-password", "Your password", "current-password", "To sign other sessions out, type your password again.")}
            <button type="submit" name="end" value="all" className="button button--secondary">Sign out everywhere else</button>
          </>
        ) : (
          <p>You are signed in nowhere else.</p>
        )}
        <table className="table--stack">
          <caption className="visually-hidden">Your sessions</caption>
          <thead><tr><th scope="col">Session</th><th scope="col">Signed in</th><th scope="col">Last used</th><th scope="col">Ends at the latest</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.handle}>
                <td data-label="Session" className="table--stack__lead">{s.current ? "This browser" : "Another session"}</td>
                <td data-label="Signed in">{s.startedAt}</td>
                <td data-label="Last used">{s.lastUsedAt}</td>
                <td data-label="Ends at the latest">{s.expiresAt}</td>
                <td className="table--stack__action">
                  {s.current ? null : (
                    <button type="submit" name="end" value={s.handle} className="button button--secondary">Sign out<span className="visually-hidden"> the session signed in {s.startedAt}</span></button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Form>
    </>
  );
}
