import { getLearner, listDecisions, listSubmissions } from "@ilm-forms/db";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Quality assurance sample – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["iqa"]);
  const { db } = context.database;
  const assessed = listSubmissions(db, user.scope, { status: ["assessed"] }).map((s) => ({
    id: s.id,
    unit: s.unit,
    learner: getLearner(db, user.scope, s.learnerId)?.name ?? "",
    submittedAt: s.submittedAt,
    attempt: s.attempt,
    outcome: s.result ?? (listDecisions(db, user.scope, s.id).some((d) => d.decision === "Referral") ? "Referral" : "Pass"),
    ratified: s.result !== null,
  }));
  return { sample: assessed.filter((s) => !s.ratified), ratified: assessed.filter((s) => s.ratified) };
}

export default function IqaSample() {
  const { sample, ratified } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Quality assurance sample</h1>
      <p className="lead">Assessed units waiting for internal quality assurance. Decisions stay provisional until you ratify them.</p>
      {sample.length === 0 ? <p>Nothing is waiting for you.</p> : (
        <table>
          <thead><tr><th scope="col">Learner</th><th scope="col">Unit</th><th scope="col">Attempt</th><th scope="col">Provisional outcome</th><th scope="col">Submitted</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {sample.map((s) => (
              <tr key={s.id}>
                <td>{s.learner}</td><td>{s.unit}</td><td>{s.attempt}</td><td>{s.outcome}</td><td>{s.submittedAt.slice(0, 10)}</td>
                <td><a href={`/iqa/submissions/${s.id}`}>Review<span className="visually-hidden"> Unit {s.unit} of {s.learner}</span></a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Ratified</h2>
      {ratified.length === 0 ? <p>None yet.</p> : (
        <ul>{ratified.map((s) => <li key={s.id}><a href={`/iqa/submissions/${s.id}`}>{s.learner}, Unit {s.unit}</a></li>)}</ul>
      )}
    </>
  );
}
