import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useContext } from "react";
import { SiteHeader } from "./components/SiteHeader.tsx";
import { NonceContext } from "./utils/nonce.ts";
import { getOptionalUser } from "./utils/auth.server.ts";
import formStyles from "@ilm-forms/react/styles.css?url";
import styles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: formStyles },
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  return {
    user: user && { name: user.name, role: user.role, centreName: user.centreName },
    nonce: context.cspNonce,
    csrf: context.csrfToken,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  // The layout also draws the error pages, where React Router allows only useRouteLoaderData; the data
  // is absent when the root loader itself failed.
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useContext(NonceContext) ?? data?.nonce;
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">Skip to main content</a>
        <SiteHeader user={data?.user ?? null} />
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Page not found" : status === 403 ? "You cannot see this page" : status >= 400 && status < 500 ? "The request could not be used" : "Sorry, something went wrong";
  // A refusal the server explained (400, 403, 413, 415 ...) says why; a 500 never shows its details.
  const reason = isRouteErrorResponse(error) && status !== 404 && status < 500 && typeof error.data === "string" ? error.data : undefined;
  return (
    <>
      <h1>{title}</h1>
      <p>{status === 404 ? "Check the address, or go back to your home page." : reason ?? "Try again. If it keeps happening, tell your centre."}</p>
      <p><a href="/">Go to your home page</a></p>
    </>
  );
}
