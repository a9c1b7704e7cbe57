import { getCentre, getLearner, listDecisions, listMembers, listRatifications, listSubmissions } from "@ilm-forms/db";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ApprovalQueue } from "../components/ApprovalQueue.tsx";
import { recordsAwaitingApproval } from "../models/approvals.server.ts";
import { QueueTable, type QueueColumn } from "../components/QueueTable.tsx";
import { paginate } from "../models/paginate.ts";
import { SAMPLING_CLEARANCE as CLEARANCE, samplingPlan, type PastReview, type SampleCandidate } from "../models/sampling.ts";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Quality assurance sample – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["iqa"]);
  const { db } = context.database;
  const names = new Map((await listMembers(db, user.scope)).map((m) => [m.userId, m.name]));
  const history: PastReview[] = [];
  const waiting: (SampleCandidate & { learner: string; attempt: number; submittedAt: string; assessor: string })[] = [];
  const ratified: { id: string; learner: string; unit: string; attempt: number; result: string }[] = [];
  for (const s of (await listSubmissions(db, user.scope))) {
    const decisions = (await listDecisions(db, user.scope, s.id));
    const assessorUserId = decisions[0]?.assessorUserId ?? "";
    for (const r of (await listRatifications(db, user.scope, s.id))) history.push({ assessorUserId, unit: s.unit, decision: r.decision, decidedAt: r.decidedAt });
    const learner = (await getLearner(db, user.scope, s.learnerId))?.name ?? "";
    if (s.result) ratified.push({ id: s.id, learner, unit: s.unit, attempt: s.attempt, result: s.result });
    else if (s.status === "assessed") {
      waiting.push({
        id: s.id,
        assessorUserId,
        unit: s.unit,
        outcome: decisions.some((d) => d.decision === "Referral") ? "Referral" : "Pass",
        decidedAt: decisions.map((d) => d.decidedAt).sort().at(-1) ?? s.submittedAt,
        learner,
        attempt: s.attempt,
        submittedAt: s.submittedAt,
        assessor: names.get(assessorUserId) ?? "",
      });
    }
  }
  const percent = (await getCentre(db, user.scope))?.iqaSamplePercent ?? 25;
  const plan = samplingPlan(waiting, history, { percent, clearance: CLEARANCE, seed: user.centreId });
  const rows = waiting.map((w) => ({ id: w.id, learner: w.learner, unit: w.unit, assessor: w.assessor, attempt: w.attempt, outcome: w.outcome, submittedAt: w.submittedAt, ...plan.get(w.id)! }));
  const url = new URL(request.url);
  return { percent, sample: paginate(rows.filter((r) => r.inSample), url, "page"), notSampled: paginate(rows.filter((r) => !r.inSample), url, "other"), ratified, awaitingApproval: (await recordsAwaitingApproval(db, user.scope)) };
}

const SAMPLE_COLUMNS: QueueColumn<"learner" | "unit" | "assessor" | "attempt" | "outcome" | "reason">[] = [
  { key: "learner", title: "Learner" },
  { key: "unit", title: "Unit" },
  { key: "assessor", title: "Assessor" },
  { key: "attempt", title: "Attempt" },
  { key: "outcome", title: "Provisional outcome" },
  { key: "reason", title: "Why" },
];

function SampleTable({ rows, caption }: { rows: Parameters<typeof QueueTable<(typeof SAMPLE_COLUMNS)[number]["key"]>>[0]["data"]; caption: string }) {
  return <QueueTable caption={caption} columns={SAMPLE_COLUMNS} data={rows} action={{ label: "Review", href: (id) => `/iqa/submissions/${id}` }} />;
}

export default function IqaSample() {
  const { percent, sample, notSampled, ratified, awaitingApproval } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Quality assurance sample</h1>
      <p className="lead">The sampling plan for the assessed units waiting for quality assurance. Decisions stay provisional until you ratify them.</p>
      <p className="hint">
        The plan samples every unit of an assessor until 3 in a row are ratified unchanged (a new assessor, or after a return), every
        Referral, the first unit of each unit type by each assessor each quarter, and {percent}% of the rest at random (the centre’s rate).
      </p>
      <h2>In the sample</h2>
      {sample.total === 0 ? <p>Nothing is waiting for you.</p> : <SampleTable rows={sample} caption="Units in the sample" />}
      <h2>Not sampled</h2>
      {notSampled.total === 0 ? <p>None.</p> : (
        <>
          <p>You may still review these; otherwise they wait with their provisional decision.</p>
          <SampleTable rows={notSampled} caption="Units not sampled" />
        </>
      )}
      <h2>Ratified</h2>
      {ratified.length === 0 ? <p>None yet.</p> : (
        <ul>{ratified.map((s) => <li key={s.id}><a href={`/iqa/submissions/${s.id}`}>{s.learner}, Unit {s.unit}, attempt {s.attempt}</a>: {s.result}</li>)}</ul>
      )}
      <ApprovalQueue records={awaitingApproval} />
    </>
  );
}
