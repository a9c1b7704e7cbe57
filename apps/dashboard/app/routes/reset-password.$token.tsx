import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "../components/CsrfField.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { passwordResetName, setPasswordWithLink } from "../models/account.server.ts";
import { signingRateLimited } from "../models/rateLimits.server.ts";
import { readForm } from "../utils/form.server.ts";
import { securityEvent } from "../../server/log.js";

// The page a person opens from the one-time link their centre admin made: a new password, once.
// The token is the only key; it is never echoed, and an unknown, used or expired link reads alike.

export const meta: MetaFunction = () => [{ title: "Set a new password – ilm-forms" }, { name: "referrer", content: "no-referrer" }];

const INVALID = "This link to set a password is not valid: it may have been used, have expired (after a day), or been replaced by a newer one. Ask your centre admin for a new link.";

function refused(): Response {
  return new Response(INVALID, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function tooMany(): Response {
  return new Response("Too many requests from your address. Wait a quarter of an hour and open the link again.", { status: 429, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "900" } });
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  if ((await signingRateLimited(context.database.db, context.clientIp))) throw tooMany(); // one limit per address for the pages a link opens (signing, password reset), shared by every process
  const name = await passwordResetName(context.database.db, params.token ?? "");
  if (name === undefined) throw refused();
  return { name };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if ((await signingRateLimited(context.database.db, context.clientIp))) throw tooMany(); // one limit per address for the pages a link opens (signing, password reset), shared by every process
  const form = await readForm(request);
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("again") ?? "")) return { errors: [{ href: "#again", message: "Type the same new password twice" }] };
  const result = await setPasswordWithLink(context.database.db, params.token ?? "", password);
  if (result.ok) securityEvent("password.reset", { userId: result.userId, centreId: result.centreId });
  if (result.ok) throw redirect("/sign-in?reset=1");
  if (result.reason === "weak-password") return { errors: [{ href: "#password", message: result.message }] };
  throw refused();
}

export default function ResetPassword() {
  const { name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors ?? []} />
      <h1>Set a new password</h1>
      <p>{name}, choose a new password. The link works once; after this you sign in with the new password.</p>
      <Form method="post" noValidate>
        <CsrfField />
        <div className="field"><label htmlFor="password">New password</label><p className="hint" id="password-hint">At least 8 characters, and not a common password: three or four unrelated words are easy to remember and hard to guess.</p><input id="password" name="password" type="password" autoComplete="new-password" aria-describedby="password-hint" /></div>
        <div className="field"><label htmlFor="again">The new password again</label><input id="again" name="again" type="password" autoComplete="new-password" /></div>
        <button type="submit" className="button">Set the password</button>
      </Form>
    </>
  );
}
