import type { MetaFunction } from "@remix-run/node";

// Where a signer lands after signing through a link (the link is used, so its own page is gone).

export const meta: MetaFunction = () => [{ title: "Signed – ilm-forms" }];

export default function Signed() {
  return (
    <div className="notice notice--success" role="status">
      <h1>Thank you: you have signed</h1>
      <p>Your signature is recorded with the date and a fingerprint of what you signed. You can close this page.</p>
    </div>
  );
}
