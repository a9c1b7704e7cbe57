import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser, ROLE_HOME } from "../utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  throw redirect(user ? ROLE_HOME[user.role] : "/sign-in");
}
