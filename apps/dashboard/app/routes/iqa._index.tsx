import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ApprovalQueue } from "../components/ApprovalQueue.tsx";
import { recordsAwaitingApproval } from "../models/approvals.server.ts";
import { QueueTable, type QueueColumn } from "../components/QueueTable.tsx";
import { iqaSample } from "../models/queues.server.ts";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Quality assurance sample – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["iqa"]);
  const { db } = context.database;
  return { ...(await iqaSample(db, user.scope, user.centreId, new URL(request.url))), awaitingApproval: await recordsAwaitingApproval(db, user.scope) };
}

const SAMPLE_COLUMNS: QueueColumn<"learner" | "unit" | "assessor" | "attempt" | "outcome" | "reason">[] = [
  { key: "learner", title: "Learner" },
  { key: "unit", title: "Unit" },
  { key: "assessor", title: "Assessor" },
  { key: "attempt", title: "Attempt" },
  { key: "outcome", title: "Provisional outcome" },
  { key: "reason", title: "Why" },
];

const RATIFIED_COLUMNS: QueueColumn<"learner" | "unit" | "attempt" | "result">[] = [
  { key: "learner", title: "Learner" },
  { key: "unit", title: "Unit" },
  { key: "attempt", title: "Attempt" },
  { key: "result", title: "Result" },
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
      {ratified.total === 0 ? <p>None yet.</p> : (
        <QueueTable caption="Ratified units" columns={RATIFIED_COLUMNS} data={ratified} action={{ label: "Open", href: (id) => `/iqa/submissions/${id}` }} />
      )}
      <ApprovalQueue records={awaitingApproval} />
    </>
  );
}
