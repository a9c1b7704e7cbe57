import { useRouteLoaderData } from "@remix-run/react";

/**
 * The hidden CSRF token every form posts. The token comes from the root loader's session, so a form
 * on any page carries it; actions check it with `requireCsrf`.
 */
export function CsrfField() {
  const data = useRouteLoaderData("root") as { csrf?: string } | undefined;
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}
