import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pager } from "../components/Pager.tsx";
import { UnitProgressSummary } from "../components/UnitProgressSummary.tsx";
import { myLearners } from "../models/myLearners.server.ts";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "My learners – ilm-forms" }];

/** The learners an assessor is assigned (every learner of the centre for IQA), each unit at a glance. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["assessor", "iqa"]);
  return { learners: await myLearners(context.database.db, user.scope, new URL(request.url)) };
}

export default function MyLearners() {
  const { learners } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My learners</h1>
      <p className="lead">What each learner’s records show so far, unit by unit.</p>
      {learners.total === 0 ? <p>No learners are assigned to you.</p> : null}
      {learners.rows.map((learner) => (
        <section key={learner.id} className="card" aria-labelledby={`learner-${learner.id}`} style={{ marginBottom: "1.5rem" }}>
          <h2 id={`learner-${learner.id}`}>{learner.name}{learner.learnerNumber ? ` (${learner.learnerNumber})` : ""}</h2>
          {learner.units.map((unit) => (
            <div key={unit.id}>
              <h3>Unit {unit.id}</h3>
              <UnitProgressSummary summary={unit.summary} thresholds={unit.thresholds} />
              {unit.notMet.length ? (
                <ul>{unit.notMet.map((f) => <li key={f.criterion}><strong>AC {f.criterion.split(":")[1]}:</strong> {f.reasons.join(" ")}</li>)}</ul>
              ) : <p>No criterion is shown as not met.</p>}
              <p><a href={`/downloads/portfolio/${learner.id}/${unit.id}.pdf`}>Portfolio of Unit {unit.id} (PDF)<span className="visually-hidden"> for {learner.name}</span></a></p>
            </div>
          ))}
          {learner.recordTemplates.length ? (
            <>
              <h3>Records you keep</h3>
              {learner.records.length ? <ul>{learner.records.map((r) => <li key={r.id}><a href={`/assessor/records/${r.id}`}>{r.label}</a> (saved {r.updatedAt.slice(0, 10)})</li>)}</ul> : null}
              <ul className="link-list">
                {learner.recordTemplates.map((t) => (
                  <li key={t.id}><a href={`/assessor/learners/${learner.id}/records/new?template=${encodeURIComponent(t.id)}`}>Add: {t.title}<span className="visually-hidden"> for {learner.name}</span></a></li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      <Pager data={learners} label="My learners" noun="learners" />
    </>
  );
}
