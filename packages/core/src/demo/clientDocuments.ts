import type { PortfolioDocument } from "../portfolio/types.ts";
import { addDays, minutes } from "./dates.ts";
import * as P from "./phrases.ts";
import type { Random } from "./prng.ts";
import type { Theme } from "./themes.ts";

/** One demo client and the people around them. */
export interface DemoClient {
  ref: string;
  slug: string;
  theme: Theme;
  /** The client's own name: only ever in signature fields (and in the "client-named" flaw). */
  name: string;
  stakeholder: string;
  start: string;
  durations: number[];
  dates: string[];
}

const fill = (text: string, c: DemoClient, random: Random): string => text.replaceAll("{c}", c.ref.replace(/^Client /, "")).replaceAll("{n}", String(random.int(6, 9)));
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1) + (text.endsWith(".") ? "" : ".");

/**
 * The documents of one client: diary cover, programme plan, diagnostics, development needs, contract,
 * hours log, and a session record and a reflective log for every session, then the client's feedback.
 */
export function clientDocuments(c: DemoClient, coach: string, random: Random): PortfolioDocument[] {
  const total = c.durations.reduce((a, b) => a + b, 0);
  const sign = (name: string, role: string, date: string) => ({ name, role, date });
  const contractDate = addDays(c.start, 3);
  const docs: PortfolioDocument[] = [
    {
      id: `${c.slug}/diary-cover`,
      template: "ilm-8588/diary-cover",
      data: { coachName: coach, clientRef: c.ref, startDate: c.start, totalHours: minutes(total) },
    },
    {
      id: `${c.slug}/programme-plan`,
      template: "ilm-8588/programme-plan",
      data: {
        clientRef: c.ref,
        clientProfile: c.theme.profile,
        anticipatedBenefits: `${sentence(c.theme.needs.map((n) => n.need.toLowerCase()).join(", "))} The organisation expects ${random.pick(["a more confident team leader", "fewer escalations", "better use of the client's time", "a smoother handover of work"])}.`,
        venue: random.pick(P.VENUES),
        venueSuitability: "Private, free from interruptions and easy for the client to reach; the client chose it.",
        plannedSessionDuration: minutes(c.durations[0]!),
        numberOfSessions: c.durations.length,
      },
    },
    {
      id: `${c.slug}/diagnostics`,
      template: "ilm-8588/diagnostics",
      data: {
        clientRef: c.ref,
        diagnosticName: random.pick(["Honey and Mumford Learning Styles Questionnaire", "VARK questionnaire", "Wheel of work"]),
        learningStyle: random.pick(["Strong Activist, moderate Pragmatist", "Reflector with a strong Theorist preference", "Pragmatist; low Activist"]),
        swot: {
          strengths: "Knows the work well\nTrusted by colleagues",
          weaknesses: c.theme.needs.map((n) => n.need).join("\n"),
          opportunities: "Supportive line manager\nTraining budget available this year",
          threats: "Workload peaks\nOrganisational change",
        },
      },
    },
    {
      id: `${c.slug}/development-needs`,
      template: "ilm-8588/development-needs",
      data: { clientRef: c.ref, developmentNeeds: c.theme.needs.map((n) => ({ ...n, targetDate: addDays(c.start, 70) })) },
    },
    {
      id: `${c.slug}/contract`,
      template: "ilm-8588/contract",
      data: {
        agreement: { honestAndCommitted: true, keepAppointments: true, confidentiality: true, reviewAndNoFaultEnding: true, reviewAfterSessions: Math.min(3, c.durations.length), openToFeedback: true },
        addedClauses: ["Sessions may be held by video call when meeting in person is not possible."],
        coachSignature: sign(coach, "Coach/Mentor", contractDate),
        clientSignature: sign(c.name, "Client", contractDate),
        stakeholderSignature: sign(c.stakeholder, "Stakeholder", addDays(contractDate, 1)),
        clientRef: c.ref,
      },
    },
    {
      id: `${c.slug}/hours-log`,
      template: "ilm-8588/hours-log",
      data: { clientRef: c.ref, sessions: c.durations.map((duration, i) => ({ sessionNo: i + 1, sessionDate: c.dates[i], duration: minutes(duration) })) },
    },
  ];
  c.durations.forEach((duration, i) => {
    const n = i + 1;
    const next = c.dates[i + 1];
    docs.push({
      id: `${c.slug}/session-record-${n}`,
      template: "ilm-8588/session-record",
      data: {
        clientRef: c.ref,
        sessionNo: n,
        sessionDate: c.dates[i],
        duration: minutes(duration),
        ...(n > 1 ? { progressReview: `The client had agreed to ${random.pick(c.theme.actions)}; ${random.pick(["she had done it and it went better than expected", "she had made a start but ran out of time", "she had not done it and we explored what got in the way"])}.` } : {}),
        goal: sentence(random.pick(c.theme.goals)),
        reality: `${fill(random.pick(P.OPENINGS), c, random)} ${random.pick(P.MOODS)}. ${sentence(random.pick(c.theme.realities))}`,
        options: `Options the client generated: ${random.sample(c.theme.options, 3).join("; ")}.`,
        chosenOption: `${sentence(random.pick(c.theme.actions))} Target date: ${addDays(c.dates[i]!, 10)}.`,
        willingness: fill(random.pick(P.WILLINGNESS), c, random),
        feedbackGiven: random.pick(P.FEEDBACK_GIVEN),
        clientFeedback: random.pick(P.CLIENT_FEEDBACK),
        nextSession: next ? `${next}, ${random.pick(P.VENUES)}` : "Final session: none planned",
      },
    });
    docs.push({
      id: `${c.slug}/reflective-log-${n}`,
      template: "ilm-8588/reflective-log",
      data: {
        coachName: coach,
        clientRef: c.ref,
        sessionDate: c.dates[i],
        sessionOverall: random.pick(P.OVERALL),
        modelsAndTools: n === 1 ? `${P.TOOL_SENTENCES[0]} ${P.TOOL_SENTENCES[1]}` : random.sample(P.TOOL_SENTENCES, 2).join(" "),
        listening: random.pick(P.LISTENING),
        questioning: random.pick(P.QUESTIONING),
        feedbackReceived: random.pick(P.FEEDBACK_RECEIVED),
        ethics: random.pick(P.ETHICS),
        givingFeedback: random.pick(P.GIVING_FEEDBACK),
        improvements: random.pick(P.IMPROVEMENTS),
      },
    });
  });
  const rating = () => random.int(6, 10);
  const ratingKeys = ["buildsRapport", "nonJudgemental", "listening", "questioning", "structuredApproach", "friendly", "goalSetting", "empathy", "respect", "motivating", "supportive", "confidentiality", "patience", "givesFeedback", "acceptsFeedback", "challenges", "goalAchievement"];
  docs.push({
    id: `${c.slug}/client-feedback`,
    template: "ilm-8588/client-feedback",
    data: {
      coachName: coach,
      clientRef: c.ref,
      date: addDays(c.dates[c.dates.length - 1]!, 2),
      ratings: Object.fromEntries(ratingKeys.map((key) => [key, rating()])),
      overallExperience: `${random.pick(["A really positive experience.", "Useful and well structured.", "Better than I expected."])} I achieved ${random.pick(["most", "two of my three", "all"])} of my goals, in particular ${c.theme.needs[0]!.need.toLowerCase()}.`,
    },
  });
  return docs;
}
