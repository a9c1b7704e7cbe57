import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { UnitProgressSummary } from "../components/UnitProgressSummary.tsx";
import { learnerAssessments, learnerAwards, learnerNews, learnerSubmissions } from "../models/assessment.server.ts";
import { learnerProgress } from "../models/portfolio.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "My units – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  if (!user.learnerId) throw notFound();
  // The learner's submissions are read once for the units' states, the news and the award.
  const records = (await learnerSubmissions(context.database.db, user.scope, user.learnerId));
  const assessments = (await learnerAssessments(context.database.db, user.scope, user.learnerId, records));
  const units = (await learnerProgress(context.database.db, user.scope, user.learnerId)).map((p) => ({
    state: assessments.get(p.unit.id)?.state.words ?? "Not submitted yet.",
    unit: { id: p.unit.id, title: p.unit.title, version: p.unit.version, current: p.unit.current, thresholds: p.unit.thresholds ?? {} },
    qualification: p.registration.qualification,
    summary: p.check.summary,
    counts: {
      met: p.check.findings.filter((f) => f.status === "met").length,
      notMet: p.check.findings.filter((f) => f.status === "not met").length,
      forAssessor: p.check.findings.filter((f) => f.status === "for the assessor").length,
    },
    documents: p.documents.length,
  }));
  return { name: user.name, units, news: (await learnerNews(context.database.db, user.scope, user.learnerId, records)), awards: (await learnerAwards(context.database.db, user.scope, user.learnerId, records)) };
}

export default function LearnerHome() {
  const { name, units, news, awards } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My units</h1>
      <p className="lead">{name}, here is what your records show so far.</p>
      {awards.filter((a) => a.achieved).map((a) => (
        <div className="notice notice--success" role="status" key={`${a.qualification}-${a.title}`}>
          <p><strong>{a.title}: achieved.</strong> Every unit of the route is ratified as a Pass.</p>
        </div>
      ))}
      {news.length ? (
        <section aria-labelledby="news">
          <h2 id="news">What’s new</h2>
          <ul className="news">{news.map((n) => <li key={`${n.at}-${n.text}`}><time dateTime={n.at}>{n.at.slice(0, 10)}</time> <a href={`/learner/units/${n.unit}#assessment`}>{n.text}</a></li>)}</ul>
        </section>
      ) : null}
      {units.length === 0 ? <p>You are not registered on any unit yet. Your centre registers you.</p> : null}
      <div className="cards">
        {units.map((u) => (
          <section className="card" key={`${u.qualification}-${u.unit.id}`} aria-labelledby={`unit-${u.unit.id}`}>
            <h2 id={`unit-${u.unit.id}`}>
              <a href={`/learner/units/${u.unit.id}`}>Unit {u.unit.id}</a>
            </h2>
            <p>{u.unit.title}{u.unit.current ? "" : ` (version: ${u.unit.version})`}</p>
            <p className="card__state"><strong>{u.state}</strong></p>
            <UnitProgressSummary summary={u.summary} thresholds={u.unit.thresholds} />
            <p>
              {u.documents} documents. Criteria: <span className="tag tag--met">{u.counts.met} met</span>{" "}
              <span className="tag tag--not-met">{u.counts.notMet} not met</span>{" "}
              <span className="tag tag--for-the-assessor">{u.counts.forAssessor} for the assessor</span>
            </p>
          </section>
        ))}
      </div>
    </>
  );
}
