import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueTable, type QueueColumn } from "../components/QueueTable.tsx";
import { eqaSample } from "../models/eqa.server.ts";
import { paginate } from "../models/paginate.ts";
import { iqaSample, readCentreUnits } from "../models/queues.server.ts";
import { SAMPLING_CLEARANCE } from "../models/sampling.ts";
import { requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "External quality assurance – ilm-forms" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["eqa"]);
  // The centre's units read once for both lists.
  const read = await readCentreUnits(context.database.db, user.scope);
  const { required, percent, rows } = await eqaSample(context.database.db, user.scope, read);
  const url = new URL(request.url);
  // The IQA's plan over the units still waiting for them: the same plan the IQA's page shows.
  const { sample: waiting } = await iqaSample(context.database.db, user.scope, user.centreId, url, { sample: "waiting", other: "waiting-other", ratified: "waiting-ratified" }, read);
  const table = rows.map((r) => ({ ...r, verified: r.verifiedOn ? `Verified ${r.verifiedOn}` : "Not yet", ratified: `${r.result}, ${r.ratifiedOn} (${r.iqa})` }));
  return {
    required,
    percent,
    clearance: SAMPLING_CLEARANCE,
    toVerify: paginate(table.filter((r) => !r.verifiedOn), url, "page"),
    verified: paginate(table.filter((r) => r.verifiedOn), url, "verified"),
    waiting,
  };
}

const WAITING_COLUMNS: QueueColumn<"learner" | "unit" | "assessor" | "attempt" | "outcome" | "reason">[] = [
  { key: "learner", title: "Learner" },
  { key: "unit", title: "Unit" },
  { key: "assessor", title: "Assessor" },
  { key: "attempt", title: "Attempt" },
  { key: "outcome", title: "Assessor's outcome" },
  { key: "reason", title: "Why in the IQA sample" },
];

const COLUMNS: QueueColumn<"learner" | "unit" | "assessor" | "attempt" | "ratified" | "reason" | "verified">[] = [
  { key: "learner", title: "Learner" },
  { key: "unit", title: "Unit" },
  { key: "assessor", title: "Assessor" },
  { key: "attempt", title: "Attempt" },
  { key: "ratified", title: "Ratified by the IQA" },
  { key: "reason", title: "Why in the IQA sample" },
  { key: "verified", title: "External verification" },
];

export default function EqaSample() {
  const { required, percent, clearance, toVerify, verified, waiting } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>External quality assurance</h1>
      <p className="lead">The units your centre’s internal quality assurer has ratified, and why each was in the IQA’s sample. You can read every decision, its feedback, the documents and the downloads; you can comment on a unit and verify it externally. You cannot change a decision.</p>
      <p className="hint">
        {required
          ? "This centre’s decisions are final only after you verify them: until then the learner reads them as provisional."
          : "This centre’s decisions are final when the IQA ratifies them; your verification and comments are recorded beside them."}{" "}
        The IQA’s plan samples every unit of a new assessor (or after a return) until {clearance} in a row are ratified unchanged, every Referral, the first unit of each unit type by each assessor each quarter, and {percent}% of the rest at random.
      </p>
      <h2>To verify</h2>
      {toVerify.total === 0 ? <p>Nothing is waiting for you.</p> : <QueueTable caption="Ratified units to verify" columns={COLUMNS} data={toVerify} action={{ label: "Review", href: (id) => `/eqa/submissions/${id}` }} />}
      <h2>In the IQA’s sample, waiting for the IQA</h2>
      {waiting.total === 0 ? <p>No assessed unit is waiting for the IQA.</p> : <QueueTable caption="Units in the IQA's sample, waiting for the IQA" columns={WAITING_COLUMNS} data={waiting} action={{ label: "Read", href: (id) => `/eqa/submissions/${id}` }} />}
      <h2>Verified</h2>
      {verified.total === 0 ? <p>None yet.</p> : <QueueTable caption="Externally verified units" columns={COLUMNS} data={verified} action={{ label: "Read", href: (id) => `/eqa/submissions/${id}` }} />}
    </>
  );
}
