import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueTable, type QueueColumn } from "../components/QueueTable.tsx";
import { assessorQueues } from "../models/queues.server.ts";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Marking queue – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["assessor"]);
  return assessorQueues(context.database.db, user.scope, new URL(request.url));
}

const COLUMNS: QueueColumn<"learner" | "unit" | "attempt" | "submitted" | "state">[] = [
  { key: "learner", title: "Learner" },
  { key: "unit", title: "Unit" },
  { key: "attempt", title: "Attempt" },
  { key: "submitted", title: "Submitted" },
  { key: "state", title: "State" },
];

export default function AssessorQueue() {
  const { queue, assessed, ratified } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Marking queue</h1>
      <p className="lead">Units your learners have submitted, oldest first.</p>
      {queue.total === 0 ? <p>Nothing is waiting for you.</p> : (
        <QueueTable caption="Units to mark" columns={COLUMNS} data={queue} action={{ label: "Mark", href: (id) => `/assessor/submissions/${id}` }} />
      )}
      <h2>Assessed, waiting for quality assurance</h2>
      {assessed.total === 0 ? <p>None.</p> : (
        <QueueTable caption="Assessed units waiting for quality assurance" columns={COLUMNS} data={assessed} action={{ label: "Open", href: (id) => `/assessor/submissions/${id}` }} />
      )}
      <h2>Ratified</h2>
      {ratified.total === 0 ? <p>None.</p> : (
        <QueueTable caption="Ratified units" columns={COLUMNS} data={ratified} action={{ label: "Open", href: (id) => `/assessor/submissions/${id}` }} />
      )}
    </>
  );
}
