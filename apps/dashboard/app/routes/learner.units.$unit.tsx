import { mayWrite, registry } from "@ilm-forms/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AssessmentPanel } from "../components/AssessmentPanel.tsx";
import { FindingsTable } from "../components/FindingsTable.tsx";
import { learnerAssessments } from "../models/assessment.server.ts";
import { HoursByClientChart, UnitProgressSummary } from "../components/UnitProgressSummary.tsx";
import { AttachmentList, AttachmentUploadForm } from "../components/AttachmentList.tsx";
import { UnitDocuments } from "../components/UnitDocuments.tsx";
import { unitAttachments } from "../models/attachments.server.ts";
import { criterionText } from "../models/criteria.ts";
import { documentLocksOf } from "../models/learnerDocuments.server.ts";
import { documentLabel, learnerProgress } from "../models/portfolio.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Unit ${data?.unit.id ?? ""} – ilm-forms` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner"]);
  const progress = (await learnerProgress(context.database.db, user.scope, user.learnerId ?? "", params.unit)).find((p) => p.unit.id === params.unit);
  if (!progress) throw notFound();
  const { unit, check, registration } = progress;
  const assessment = (await learnerAssessments(context.database.db, user.scope, user.learnerId ?? "")).get(unit.id);
  return {
    assessment: assessment ?? null,
    qualification: registration.qualification,
    unit: { id: unit.id, title: unit.title, version: unit.version, thresholds: unit.thresholds ?? {}, hasMatrix: unit.evidenceMatrix !== undefined },
    // Only what the page shows goes into the page's data: each finding's documents once, not every pointer.
    check: {
      summary: {
        coachingHours: check.summary.coachingHours,
        supervisionHours: check.summary.supervisionHours,
        clients: check.summary.clients,
        hoursByClient: check.summary.hoursByClient,
        hoursDisagreements: check.summary.hoursDisagreements,
      },
      findings: check.findings.map((f) => ({ criterion: f.criterion, status: f.status, reasons: f.reasons, pointers: [...new Set(f.pointers.map((p) => p.document))].map((document) => ({ document })) })),
    },
    // The learner's submissions read once for every document (not two queries per document).
    documents: await documentLocksOf(context.database.db, user.scope, user.learnerId ?? "").then((lockOf) => progress.documents.map((d) => {
      const template = registry.get(d.templateId, d.templateVersion);
      const { holding, final } = lockOf(d);
      // Why the learner cannot change it, in words: kept by someone else, with the assessor, or handed in.
      const locked = template && !mayWrite(template, "learner")
        ? "Kept by your assessor or centre: you can read it, not change it."
        : holding
          ? `Locked: part of Unit ${holding.unit} submitted on ${holding.submittedAt.slice(0, 10)}, while it is being assessed.`
          : final
            ? "Locked: handed in as final."
            : null;
      const client = typeof d.data.clientRef === "string" && d.data.clientRef.trim() ? d.data.clientRef.trim() : null;
      return { id: d.id, label: documentLabel(d), status: d.status, updatedAt: d.updatedAt, locked, client };
    })),
    client: new URL(request.url).searchParams.get("client"),
    // Only what a learner may write: records kept by the assessor or the centre are not offered.
    templates: progress.templates.filter((t) => mayWrite(t, "learner")).map((t) => ({ id: t.id, title: t.title })),
    submitted: new URL(request.url).searchParams.get("submitted") === "1",
    files: (await unitAttachments(context.database.db, user.scope, user.learnerId ?? "", registration.qualification, unit.id)),
    criteria: unit.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => ({ id: `${unit.id}:${c.id}`, text: c.text }))),
    learnerId: user.learnerId ?? "",
    maxAttachmentBytes: context.config.maxAttachmentBytes,
  };
}

export default function LearnerUnit() {
  const { qualification, unit, check, documents, templates, submitted, assessment, files, criteria, learnerId, maxAttachmentBytes, client } = useLoaderData<typeof loader>();
  const canSubmit = !assessment || assessment.state.code === "returned-to-learner" || (assessment.state.ratified && assessment.state.outcome === "Referral");
  const evidence = Object.fromEntries(documents.map((d) => [d.id, { href: `/learner/documents/${d.id}?unit=${unit.id}`, label: d.label }]));
  return (
    <>
      <p><a href="/learner">My units</a></p>
      <h1>Unit {unit.id}: {unit.title}</h1>
      {submitted ? <div className="notice notice--success" role="status"><p>Unit {unit.id} is submitted: it is now in your assessor’s marking queue.</p></div> : null}
      {assessment ? <AssessmentPanel assessment={assessment} unitId={unit.id} criterionText={(c) => criterionText(qualification, c, unit.version)} /> : null}
      <UnitProgressSummary summary={check.summary} thresholds={unit.thresholds} />
      <HoursByClientChart hoursByClient={check.summary.hoursByClient} />
      {check.summary.hoursDisagreements.length ? (
        <div className="notice notice--warning">
          <p><strong>Your log of hours and your session records disagree:</strong></p>
          <ul>
            {check.summary.hoursDisagreements.map((d) => (
              <li key={`${d.client}-${d.sessionNo}-${d.date}`}>
                {d.client}{d.sessionNo ? `, session ${d.sessionNo}` : ""}: the log says {d.logHours} hours, the session record {d.recordHours}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        {canSubmit ? <a className="button" href={`/learner/units/${unit.id}/submit`}>{assessment?.state.ratified ? `Submit attempt ${assessment.state.attempt + 1}` : "Submit this unit for assessment"}</a> : null}
        <a className="button button--secondary" href={`/downloads/portfolio/${unit.id}.pdf`}>Download the portfolio (PDF)</a>
        <a className="button button--secondary" href={`/downloads/portfolio/${unit.id}.html`}>Portfolio as a web page</a>
        <a className="button button--secondary" href={`/downloads/portfolio/${unit.id}.zip`}>Portfolio with its files (ZIP)</a>
        {unit.hasMatrix ? <a className="button button--secondary" href={`/downloads/evidence-matrix/${unit.id}.pdf`}>Evidence matrix (PDF)</a> : null}
      </p>

      <h2>What your records show</h2>
      <p className="hint">These are automatic checks to help you. Your assessor decides Pass or Referral.</p>
      <FindingsTable findings={check.findings} criterionText={(c) => criterionText(qualification, c, unit.version)} evidence={evidence} />

      <h2 id="your-documents">Your documents</h2>
      <UnitDocuments unitId={unit.id} documents={documents} client={client} />

      <section aria-labelledby="unit-files">
        <h2 id="unit-files">General evidence for this unit</h2>
        <p className="hint">Files that are not part of a document (a recording, a letter from a sponsor, a certificate), each mapped to the criteria it evidences.</p>
        <AttachmentList attachments={files} removable returnTo={`/learner/units/${unit.id}`} />
        <AttachmentUploadForm target={{ learnerId, qualification, unit: unit.id }} returnTo={`/learner/units/${unit.id}`} maxBytes={maxAttachmentBytes} criteria={criteria} />
      </section>

      <h2 id="add-document">Add a document</h2>
      <ul className="link-list" aria-labelledby="add-document">
        {templates.map((t) => (
          <li key={t.id}><a href={`/learner/documents/new?template=${encodeURIComponent(t.id)}&unit=${unit.id}`}>{t.title}</a></li>
        ))}
      </ul>
    </>
  );
}
