import type { PortfolioCheck } from "../rules/types.ts";

const MARK = { met: "✓ met", "not met": "✗ not met", "for the assessor": "? for the assessor" } as const;

/**
 * The findings of one unit as plain text, one criterion a paragraph, for a terminal.
 *
 * @param check - what `checkPortfolio` answered
 * @returns the text, ending with a newline
 */
export function formatFindings(check: PortfolioCheck): string {
  const { summary } = check;
  const lines = [
    `Unit ${check.unit} (${check.qualification}, version ${check.version})`,
    `  ${summary.coachingHours} hours of coaching, ${summary.clients.length} clients, ${summary.supervisionHours} hours of supervision, ${summary.sessions} sessions`,
  ];
  for (const invalid of summary.invalidDocuments) lines.push(`  ! ${invalid.document} does not validate: ${invalid.errors.map((e) => `${e.location}: ${e.message}`).join("; ")}`);
  for (const unknown of summary.unknownDocuments) lines.push(`  ! ${unknown}: unknown template`);
  lines.push("");
  for (const finding of check.findings) {
    lines.push(`${finding.criterion.padEnd(8)} ${MARK[finding.status]}`);
    for (const reason of finding.reasons) lines.push(`         ${reason}`);
    if (finding.pointers.length > 0) lines.push(`         see: ${finding.pointers.map((p) => (p.path ? `${p.document}#${p.path}` : p.document)).join(", ")}`);
  }
  const count = (status: keyof typeof MARK) => check.findings.filter((f) => f.status === status).length;
  lines.push("", `${count("met")} met, ${count("not met")} not met, ${count("for the assessor")} for the assessor. The assessor decides Pass or Referral.`, "");
  return lines.join("\n");
}
