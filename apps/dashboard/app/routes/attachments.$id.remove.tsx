import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { removeEvidenceFile } from "../models/attachments.server.ts";
import { notFound, requireUser, safeRedirect } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";

// Removing an evidence file: a form posted from the page that lists it (the download and the
// upload are served before Remix, by server/attachments.js).

export async function loader() {
  throw notFound();
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, ["learner", "centre_admin"]);
  const form = await readForm(request);
  const result = (await removeEvidenceFile(context.database.db, user.scope, params.id ?? ""));
  if (result.ok) {
    const back = safeRedirect(String(form.get("returnTo") ?? ""), "/");
    return redirect(back);
  }
  if (result.reason === "locked") {
    return new Response("The unit is submitted for assessment: its files cannot change until the assessor returns it.", { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  throw notFound();
}
