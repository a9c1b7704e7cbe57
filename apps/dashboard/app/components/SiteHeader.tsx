import { Form } from "@remix-run/react";
import { CsrfField } from "./CsrfField.tsx";

export type Role = "learner" | "assessor" | "iqa" | "centre_admin" | "eqa";

const HOME: Record<Role, { href: string; label: string }[]> = {
  learner: [{ href: "/learner", label: "My units" }],
  assessor: [{ href: "/assessor", label: "Marking queue" }, { href: "/assessor/learners", label: "My learners" }],
  iqa: [{ href: "/iqa", label: "Quality assurance sample" }, { href: "/assessor/learners", label: "Learners" }],
  centre_admin: [{ href: "/admin", label: "People and assignments" }],
  eqa: [{ href: "/eqa", label: "External quality assurance" }],
};

/** The page header: the service name, the signed-in person and their pages. */
export function SiteHeader({ user }: { user: { name: string; role: Role; centreName: string } | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__name">ilm-forms</a>
        {user ? (
          <nav aria-label="Main">
            <ul className="site-header__nav">
              {HOME[user.role].map((link) => (
                <li key={link.href}><a href={link.href}>{link.label}</a></li>
              ))}
              <li className="site-header__who">{user.name}, {user.centreName}</li>
              <li><a href="/account">Your account</a></li>
              <li>
                <Form method="post" action="/sign-out">
                  <CsrfField />
                  <button type="submit" className="link-button">Sign out</button>
                </Form>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
