import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "../models/account.server.ts";
import { getOptionalUser, sessionCookie, SESSION_COOKIE } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { readCookie } from "../../server/csrf.js";
import { securityEvent } from "../../server/log.js";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request);
  const token = readCookie(request.headers.get("Cookie") ?? "", SESSION_COOKIE);
  const user = await getOptionalUser(request, context);
  await endSession(context.database.db, token);
  if (user) securityEvent("sign-out", { userId: user.id, centreId: user.centreId });
  throw redirect("/sign-in", { headers: { "Set-Cookie": sessionCookie(null, context) } });
}
