import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { signInRefusal, signInWithPassword } from "../models/account.server.ts";
import { TEXT_LIMITS } from "../models/limits.server.ts";
import { getOptionalUser, ROLE_HOME, safeRedirect, sessionCookie, SESSION_COOKIE } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { readCookie } from "../../server/csrf.js";
import { securityEvent } from "../../server/log.js";

export const meta: MetaFunction = () => [{ title: "Sign in – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(ROLE_HOME[user.role]);
  // A session cookie the server no longer knows: the session ended (unused too long, its 12 hours, or
  // signed out from elsewhere). Sign-out clears the cookie, so this is never said after one.
  const ended = Boolean(readCookie(request.headers.get("Cookie") ?? "", SESSION_COOKIE));
  return { reset: new URL(request.url).searchParams.get("reset") === "1", ended };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const errors: { path: string; message: string }[] = [];
  if (!email) errors.push({ path: "email", message: "Enter your email address" });
  else if (email.length > TEXT_LIMITS.email) errors.push({ path: "email", message: `An email address has at most ${TEXT_LIMITS.email} characters` });
  if (!password) errors.push({ path: "password", message: "Enter your password" });
  if (errors.length) return { errors, email: email.slice(0, TEXT_LIMITS.email) };
  // Where to go is decided before a session exists, so a bad address can never fail after one was made.
  const requested = new URL(request.url).searchParams.get("redirectTo");
  const result = await signInWithPassword(context.database.db, {
    email,
    password,
    ip: context.clientIp,
    previousToken: readCookie(request.headers.get("Cookie") ?? "", SESSION_COOKIE),
    maxSessions: context.config.sessionsPerPerson,
  });
  if (!result.ok) {
    if (result.reason === "rate-limited") securityEvent("rate-limit.refused", { limiter: "sign-in", email });
    else securityEvent("sign-in.refused", { reason: await signInRefusal(context.database.db, email), email });
    const message =
      result.reason === "rate-limited"
        ? "Too many attempts to sign in. Wait 15 minutes and try again."
        : "The email address or the password is not right";
    return { errors: [{ path: "email", message }], email };
  }
  securityEvent("sign-in.succeeded", { userId: result.scope.userId, centreId: result.scope.centreId });
  const to = safeRedirect(requested, ROLE_HOME[result.scope.role]);
  throw redirect(to, { headers: { "Set-Cookie": sessionCookie(result.token, context, result.expiresAt) } });
}

export default function SignIn() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? [];
  const errorFor = (path: string) => errors.find((e) => e.path === path);
  return (
    <>
      <ErrorSummary errors={errors.map((e) => ({ href: `#${e.path}`, message: e.message }))} />
      <h1>Sign in</h1>
      {loaded?.reset ? <div className="notice notice--success" role="status"><p>Your new password is set. Sign in with it.</p></div> : null}
      {loaded?.ended && !loaded.reset ? <div className="notice" role="status"><p>You have been signed out: a session ends after a while unused, 12 hours after signing in, or when it is ended from elsewhere (another browser, a password change, your centre). Sign in again to go on; what you saved is kept.</p></div> : null}
      <p className="lead">Learners, assessors and quality assurers of your centre sign in here.</p>
      <Form method="post" action={`/sign-in${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`} noValidate>
        <CsrfField />
        <div className={`field${errorFor("email") ? " field--error" : ""}`}>
          <label htmlFor="email">Email address</label>
          {errorFor("email") ? <p className="error-message" id="email-error"><span className="visually-hidden">Error: </span>{errorFor("email")!.message}</p> : null}
          <input id="email" name="email" type="email" autoComplete="username" spellCheck={false} defaultValue={result?.email ?? ""} aria-describedby={errorFor("email") ? "email-error" : undefined} aria-invalid={errorFor("email") ? true : undefined} />
        </div>
        <div className={`field${errorFor("password") ? " field--error" : ""}`}>
          <label htmlFor="password">Password</label>
          {errorFor("password") ? <p className="error-message" id="password-error"><span className="visually-hidden">Error: </span>{errorFor("password")!.message}</p> : null}
          <input id="password" name="password" type="password" autoComplete="current-password" aria-describedby={errorFor("password") ? "password-error" : undefined} aria-invalid={errorFor("password") ? true : undefined} />
        </div>
        <button type="submit" className="button">Sign in</button>
      </Form>
    </>
  );
}
