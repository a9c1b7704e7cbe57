import { count, hoursPhrase, hoursShortOf, type PortfolioSummary, type Thresholds } from "@ilm-forms/core";

function Meter({ label, value, target }: { label: string; value: number; target?: number }) {
  // In the findings' own words: a total short of its target is never rounded up to it (17 hours 59 minutes).
  const short = target !== undefined && value + 1e-9 < target;
  const shown = short ? hoursShortOf(value, target) : hoursPhrase(value);
  const percent = target ? Math.min(100, Math.round((value / target) * 100)) : 0;
  return (
    <>
      <dt>{label}</dt>
      <dd className="meter">
        {target ? (
          <span className="meter__bar" aria-hidden="true">
            <span className={`meter__fill${short ? "" : " meter__fill--done"}`} style={{ width: `${percent}%`, display: "block" }} />
          </span>
        ) : null}
        <span>
          {shown}
          {target ? ` of at least ${hoursPhrase(target)}` : ""}
        </span>
      </dd>
    </>
  );
}

/**
 * Progress at a glance: hours against the target, clients against the range, supervision hours.
 * The targets are the unit's thresholds from the qualification data.
 */
export function UnitProgressSummary({ summary, thresholds }: { summary: Pick<PortfolioSummary, "coachingHours" | "clients" | "supervisionHours">; thresholds: Thresholds }) {
  const clients = thresholds.clients;
  const range = clients ? (clients.max ? `${clients.min ?? 1} to ${clients.max}` : `at least ${clients.min ?? 1}`) : undefined;
  return (
    <dl className="summary-list">
      {thresholds.coachingHours !== undefined || summary.coachingHours > 0 ? (
        <Meter label="Coaching hours" value={summary.coachingHours} target={thresholds.coachingHours} />
      ) : null}
      {clients || summary.clients.length > 0 ? (
        <>
          <dt>Clients</dt>
          <dd>
            {count(summary.clients.length, "client")}
            {range ? ` (the unit asks for ${range})` : ""}
          </dd>
        </>
      ) : null}
      {thresholds.supervisionHours !== undefined ? (
        <Meter label="Supervision" value={summary.supervisionHours} target={thresholds.supervisionHours} />
      ) : null}
    </dl>
  );
}

/** Hours by client as a bar chart; the numbers are text, so the chart reads without seeing it. */
export function HoursByClientChart({ hoursByClient }: { hoursByClient: Record<string, number> }) {
  const entries = Object.entries(hoursByClient).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
  if (entries.length === 0) return <p className="hint">No coaching hours are logged yet.</p>;
  const most = Math.max(...entries.map(([, hours]) => hours), 1);
  return (
    <figure className="chart" aria-labelledby="hours-chart-title">
      <figcaption id="hours-chart-title" className="label">Hours by client</figcaption>
      {entries.map(([client, hours]) => (
        <div className="chart__row" key={client}>
          <span>{client}</span>
          <span className="chart__bar" style={{ width: `${Math.max(2, (hours / most) * 100)}%` }} aria-hidden="true" />
          <span>{Math.round(hours * 100) / 100} h</span>
        </div>
      ))}
    </figure>
  );
}
