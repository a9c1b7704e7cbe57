import type { AwaitingApproval } from "../models/approvals.server.ts";

/** The records that wait for the centre's approval, on the IQA's and the centre admin's pages. */
export function ApprovalQueue({ records }: { records: AwaitingApproval[] }) {
  return (
    <section aria-labelledby="awaiting-approval">
      <h2 id="awaiting-approval">Records waiting for the centre’s approval</h2>
      {records.length === 0 ? (
        <p>None. The rules count such a record (an exceptional-circumstances record) only once the centre approves it.</p>
      ) : (
        <ul>
          {records.map((r) => (
            <li key={r.id}>
              <a href={`/documents/${r.id}`}>{r.label}</a> for {r.learner}, saved {r.updatedAt.slice(0, 10)}{r.changed ? " (changed since it was approved)" : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
