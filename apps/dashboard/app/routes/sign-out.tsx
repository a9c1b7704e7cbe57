import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "../models/account.server.ts";
import { sessionCookie, SESSION_COOKIE } from "../utils/auth.server.ts";
import { readForm } from "../utils/form.server.ts";
import { readCookie } from "../../server/csrf.js";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request);
  const token = readCookie(request.headers.get("Cookie") ?? "", SESSION_COOKIE);
  await endSession(context.database.db, token);
  throw redirect("/sign-in", { headers: { "Set-Cookie": sessionCookie(null, context) } });
}
