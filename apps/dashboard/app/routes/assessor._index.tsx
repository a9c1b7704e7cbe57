import { getLearner, listDecisions, listRatifications, listSubmissions } from "@ilm-forms/db";
import { assessmentState } from "../models/assessment.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Marking queue – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["assessor"]);
  const { db } = context.database;
  const rows = async (status: "submitted" | "assessed") =>
    (await Promise.all((await listSubmissions(db, user.scope, { status: [status] })).map(async (s) => {
      const state = assessmentState(s, (await listDecisions(db, user.scope, s.id)), (await listRatifications(db, user.scope, s.id)));
      return {
        id: s.id,
        unit: s.unit,
        learner: (await getLearner(db, user.scope, s.learnerId))?.name ?? "",
        submittedAt: s.submittedAt,
        attempt: s.attempt,
        state: state.code === "returned-by-qa" ? "Returned by quality assurance" : state.code === "being-assessed" ? "Draft marks saved" : state.code === "ratified" ? `Ratified ${state.outcome}` : state.code === "provisional" ? `Provisional ${state.outcome ?? ""}` : "New",
      };
    })));
  const assessed = (await rows("assessed"));
  return { queue: (await rows("submitted")), assessed: assessed.filter((s) => !s.state.startsWith("Ratified")), ratified: assessed.filter((s) => s.state.startsWith("Ratified")) };
}

export default function AssessorQueue() {
  const { queue, assessed, ratified } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Marking queue</h1>
      <p className="lead">Units your learners have submitted, oldest first.</p>
      {queue.length === 0 ? <p>Nothing is waiting for you.</p> : (
        <table>
          <thead><tr><th scope="col">Learner</th><th scope="col">Unit</th><th scope="col">Attempt</th><th scope="col">Submitted</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {queue.map((s) => (
              <tr key={s.id}>
                <td>{s.learner}</td><td>{s.unit}</td><td>{s.attempt}</td><td>{s.submittedAt.slice(0, 10)}</td><td>{s.state}</td>
                <td><a href={`/assessor/submissions/${s.id}`}>Mark<span className="visually-hidden"> Unit {s.unit} of {s.learner}</span></a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Assessed, waiting for quality assurance</h2>
      {assessed.length === 0 ? <p>None.</p> : (
        <ul>{assessed.map((s) => <li key={s.id}><a href={`/assessor/submissions/${s.id}`}>{s.learner}, Unit {s.unit}</a> ({s.state})</li>)}</ul>
      )}
      <h2>Ratified</h2>
      {ratified.length === 0 ? <p>None.</p> : (
        <ul>{ratified.map((s) => <li key={s.id}><a href={`/assessor/submissions/${s.id}`}>{s.learner}, Unit {s.unit}, attempt {s.attempt}</a> ({s.state})</li>)}</ul>
      )}
    </>
  );
}
