import { getLearner, listDecisions, listRatifications, listSubmissions } from "@ilm-forms/db";
import { assessmentState } from "../models/assessment.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueTable } from "../components/QueueTable.tsx";
import { paginate } from "../models/paginate.ts";
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
        submitted: s.submittedAt.slice(0, 10),
        attempt: s.attempt,
        state: state.code === "returned-by-qa" ? "Returned by quality assurance" : state.code === "being-assessed" ? "Draft marks saved" : state.code === "ratified" ? `Ratified ${state.outcome}` : state.code === "provisional" ? `Provisional ${state.outcome ?? ""}` : "New",
      };
    })));
  const assessed = (await rows("assessed"));
  return { queue: paginate((await rows("submitted")), new URL(request.url)), assessed: assessed.filter((s) => !s.state.startsWith("Ratified")), ratified: assessed.filter((s) => s.state.startsWith("Ratified")) };
}

export default function AssessorQueue() {
  const { queue, assessed, ratified } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Marking queue</h1>
      <p className="lead">Units your learners have submitted, oldest first.</p>
      {queue.total === 0 ? <p>Nothing is waiting for you.</p> : (
        <QueueTable
          caption="Units to mark"
          columns={[{ key: "learner", title: "Learner" }, { key: "unit", title: "Unit" }, { key: "attempt", title: "Attempt" }, { key: "submitted", title: "Submitted" }, { key: "state", title: "State" }]}
          data={queue}
          action={{ label: "Mark", href: (id) => `/assessor/submissions/${id}` }}
        />
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
