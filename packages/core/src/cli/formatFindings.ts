import type { Thresholds } from "../qualification/types.ts";
import { count, hoursPhrase, hoursShortOf } from "../rules/checks/context.ts";
import type { PortfolioCheck } from "../rules/types.ts";

const MARK = { met: "✓ met", "not met": "✗ not met", "for the assessor": "? for the assessor" } as const;

/**
 * The findings of one unit as plain text, one criterion a paragraph, for a terminal.
 *
 * @param check - what `checkPortfolio` answered
 * @param thresholds - the unit's targets: a total short of one is never rounded up to it
 * @returns the text, ending with a newline
 */
export function formatFindings(check: PortfolioCheck, thresholds: Thresholds = {}): string {
  const { summary } = check;
  const figures = [`${hoursAgainst(summary.coachingHours, thresholds.coachingHours)} of coaching`, count(summary.clients.length, "client")];
  if (thresholds.supervisionHours !== undefined || summary.supervisionHours > 0) figures.push(`${hoursAgainst(summary.supervisionHours, thresholds.supervisionHours)} of supervision`);
  figures.push(count(summary.sessions, "session"));
  const lines = [`Unit ${check.unit} (${check.qualification}, version ${check.version})`, `  ${figures.join(", ")}`];
  for (const invalid of summary.invalidDocuments) lines.push(`  ! ${invalid.document} does not validate: ${invalid.errors.map((e) => `${e.location}: ${e.message}`).join("; ")}`);
  for (const unknown of summary.unknownDocuments) lines.push(`  ! ${unknown}: unknown template`);
  lines.push("");
  for (const finding of check.findings) {
    lines.push(`${finding.criterion.padEnd(8)} ${MARK[finding.status]}`);
    for (const reason of finding.reasons) lines.push(`         ${reason}`);
    if (finding.pointers.length > 0) lines.push(`         see: ${finding.pointers.map((p) => (p.path ? `${p.document}#${p.path}` : p.document)).join(", ")}`);
  }
  const tally = (status: keyof typeof MARK) => check.findings.filter((f) => f.status === status).length;
  lines.push("", `${tally("met")} met, ${tally("not met")} not met, ${tally("for the assessor")} for the assessor. The assessor decides Pass or Referral.`, "");
  return lines.join("\n");
}

/** Hours in the findings' words: short of the target, never rounded up to it (`17 hours 59 minutes`). */
function hoursAgainst(total: number, target: number | undefined): string {
  return target !== undefined && total + 1e-9 < target ? hoursShortOf(total, target) : hoursPhrase(total);
}
