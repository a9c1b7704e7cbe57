import type { PortfolioDocument } from "../portfolio/types.ts";
import type { DemoClient } from "./clientDocuments.ts";

/**
 * The practical unit's introduction and a written statement justifying the tools (issue 21's templates),
 * for the complete demo learners, so the dashboard shows them. Fixed wording, no draw on the seeded
 * generator: the rest of the portfolio is the same with or without them.
 *
 * @param coach - the learner's name
 * @param unit - the practical unit, 501 or 502
 * @param clients - the learner's clients
 * @param date - when the statements were written (after the last session)
 * @returns the two documents
 */
export function evidenceStatements(coach: string, unit: "501" | "502", clients: DemoClient[], date: string): PortfolioDocument[] {
  const first = clients[0]!;
  const second = clients[1] ?? first;
  return [
    {
      id: `portfolio-introduction-${unit}`,
      template: "ilm-8588/portfolio-introduction",
      data: {
        learnerName: coach,
        unit,
        date,
        introduction: `This portfolio records my coaching of ${clients.length} clients (${clients.map((c) => c.ref).join(", ")}), with the supervision and feedback that supported it. It follows the order of the handbook: the authentication sheet, the evidence matrix, then the records of each client.`,
        summary: "Across the programmes the clients set their own goals and reviewed them in every session; the reflective logs show how my questioning and contracting changed after supervision.",
      },
    },
    {
      id: `tools-justification-${unit}`,
      template: "ilm-8588/tools-justification",
      data: {
        learnerName: coach,
        unit,
        date,
        tools: [
          {
            toolOrTechnique: "GROW model",
            clientRef: first.ref,
            rationale: `I used GROW because ${first.ref} needed a structure that moves from a broad wish to a goal and concrete actions within one session.`,
            howItSupported: "Each session ended with actions the client chose themselves.",
          },
          {
            toolOrTechnique: "Scaling questions",
            clientRef: second.ref,
            rationale: `I used scaling questions so that ${second.ref} could say where they were between 1 and 10 and what one point higher would look like.`,
            howItSupported: "The client could see and name their progress from session to session.",
          },
        ],
      },
    },
  ];
}
