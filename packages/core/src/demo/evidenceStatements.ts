import type { PortfolioDocument } from "../portfolio/types.ts";
import type { DemoClient } from "./clientDocuments.ts";
import { minutes } from "./dates.ts";

/** The demo assessor who observes a session (a fixed name: no draw on the seeded generator). */
export const DEMO_ASSESSOR = "Morag Ellison";

/**
 * The evidence of issue 21's templates for the complete demo learners, so the dashboard, the matrices
 * and the portfolio show them: the practical unit's introduction, the written statements (conclusions
 * from each session, tools justified, own communication assessed), the Unit 503 summary statements,
 * an observation written by the assessor and a testimony signed by a witness (the first client's
 * stakeholder). Fixed wording, no draw on the seeded generator: the rest of the portfolio is the same
 * with or without them.
 *
 * @param coach - the learner's name
 * @param unit - the practical unit, 501 or 502
 * @param clients - the learner's clients
 * @param date - when the statements were written (after the last session)
 * @returns the documents
 */
export function evidenceStatements(coach: string, unit: "501" | "502", clients: DemoClient[], date: string): PortfolioDocument[] {
  const first = clients[0]!;
  const second = clients[1] ?? first;
  const observed = Math.min(1, first.dates.length - 1);
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
    {
      id: `session-conclusions-${unit}`,
      template: "ilm-8588/session-conclusions",
      data: {
        learnerName: coach,
        unit,
        date,
        sessions: clients.flatMap((client) =>
          client.dates.map((_, s) => ({
            clientRef: client.ref,
            sessionNo: s + 1,
            conclusions:
              s === 0
                ? `The first session with ${client.ref} set the goal and agreed how progress would be measured.`
                : `The session reviewed the actions agreed in session ${s} and the client chose the next steps.`,
            keyLearning: s === 0 ? "Time spent contracting at the start made the later sessions easier to run." : "Open questions asked one at a time gave the client more room to think.",
          })),
        ),
      },
    },
    {
      id: `communication-assessment-${unit}`,
      template: "ilm-8588/communication-assessment",
      data: {
        learnerName: coach,
        unit,
        date,
        questioning: "My reflective logs show closed and leading questions in the first sessions and open, single questions in the later ones.",
        listening: "I now summarise what the client said and how they seemed to feel before I ask the next question.",
        givingFeedback: "Contracting for feedback at the start of each programme made it easier to say what the client might not want to hear.",
        developsPractice: "I will ask my supervisor to listen to a recorded session each quarter and to comment on my questioning and silences.",
      },
    },
    {
      id: "journal-summary-statements",
      template: "ilm-8588/journal-summary-statements",
      data: {
        learnerName: coach,
        date,
        benefits: `Referencing the evidence for Unit ${unit}: each of the ${clients.length} clients reached at least one goal set at contracting, and the feedback forms rate the programmes highly.`,
        learningAndDevelopment: "The largest change is in questioning: from closed questions in the first sessions to open ones, with more attention to listening and to feedback.",
        ownAbility: "Against a competency framework I assess myself as secure in contracting and structure, and still developing in challenge and the use of silence.",
        swot: "My SWOT draws on this evidence: strengths in contracting, weaknesses in challenge, opportunities in the internal coaching pool, and the threat of too little time for practice.",
        developmentPlan: "My personal development plan covers the next twelve months with supervision, a peer coaching triad and the centre's workshops.",
        cpdMonitoring: "I will keep a log of each activity, review it monthly against the plan, and evaluate progress with my supervisor every quarter.",
      },
    },
    {
      id: `assessor-observation-${unit}`,
      template: "ilm-8588/assessor-observation",
      data: {
        learnerName: coach,
        assessorName: DEMO_ASSESSOR,
        date: first.dates[observed]!,
        unit,
        observationOrRecording: "Observation",
        sessionLength: minutes(first.durations[observed]!),
        clientRef: first.ref,
        observations: [
          { criteria: [`${unit}:2.2`, `${unit}:3.4`], observed: "Questions were open and asked one at a time; two summaries checked the client's feelings as well as the facts." },
          { criteria: [`${unit}:3.2`], observed: "Scaling questions were used to measure progress, and the coach told the client why they were being used." },
        ],
        areasForDevelopment: "Allow longer silences before the next question.",
        assessorSignature: { name: DEMO_ASSESSOR, role: "Assessor", date: first.dates[observed]! },
      },
    },
    {
      id: `witness-testimony-${unit}`,
      template: "ilm-8588/witness-testimony",
      data: {
        learnerName: coach,
        unit,
        witnessName: first.stakeholder,
        witnessRole: `Stakeholder in the contract for ${first.ref}`,
        criteria: [`${unit}:1.3`],
        testimony: `I attended the three-way contracting meeting for ${first.ref}. The purpose of the programme, what I as the stakeholder would and would not be told, and how the contract could be reviewed were explained and agreed before the contract was signed.`,
        witnessSignature: { name: first.stakeholder, role: "Witness", date },
      },
    },
  ];
}
