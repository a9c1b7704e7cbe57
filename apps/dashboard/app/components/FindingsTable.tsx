import type { Finding } from "@ilm-forms/core";
import { EvidenceLinks } from "./EvidenceLinks.tsx";

const STATUS_CLASS: Record<Finding["status"], string> = { met: "met", "not met": "not-met", "for the assessor": "for-the-assessor" };

/**
 * What the records show, one row per assessment criterion (a card each on a phone). It never says
 * Pass or Referral: the assessor decides.
 */
export function FindingsTable({ findings, criterionText, evidence }: { findings: Finding[]; criterionText: (criterion: string) => string; evidence?: Record<string, { href: string; label: string }> }) {
  return (
    <table className="table--stack">
      <caption className="visually-hidden">What the records show for each assessment criterion</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">What the records show</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding) => (
          <tr key={finding.criterion}>
            <td>
              <strong>AC {finding.criterion.split(":")[1]}</strong> {criterionText(finding.criterion)}
            </td>
            <td data-label="What the records show">
              <span className={`tag tag--${STATUS_CLASS[finding.status]}`}>{finding.status}</span>
            </td>
            <td data-label="Why">
              {finding.reasons.length ? (
                <ul>
                  {finding.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              ) : null}
              {evidence ? <EvidenceLinks pointers={finding.pointers} evidence={evidence} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
