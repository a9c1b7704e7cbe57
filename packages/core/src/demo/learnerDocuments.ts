import type { PortfolioDocument } from "../portfolio/types.ts";
import { addDays, addMonths, minutes } from "./dates.ts";
import type { DemoClient } from "./clientDocuments.ts";
import type { Random } from "./prng.ts";

/** Supervision records spread over the programme, and one observed session with the supervisor's feedback. */
export function supervisionDocuments(coach: string, supervisor: string, clients: DemoClient[], durations: number[], random: Random): PortfolioDocument[] {
  const dates = clients.flatMap((c) => c.dates).sort();
  const docs: PortfolioDocument[] = durations.map((duration, i) => {
    const at = dates[Math.min(dates.length - 1, Math.floor(((i + 1) * dates.length) / (durations.length + 1)))]!;
    const discussed = random.sample(clients, Math.min(2, clients.length)).map((c) => c.ref).sort();
    return {
      id: `supervision-record-${i + 1}`,
      template: "ilm-8588/supervision-record",
      data: {
        coachName: coach,
        supervisorName: supervisor,
        sessionDate: addDays(at, 1),
        duration: minutes(duration),
        clientsDiscussed: discussed,
        outcomes: `We reviewed the session records and reflective logs for ${discussed.join(" and ")}. ${random.pick([
          "The structure of the sessions is clear, but the reality stage tends to over-run.",
          "Contracting is thorough and the stakeholder's role is clearly bounded.",
          "Questioning has moved from closed to open questions since the first sessions.",
        ])}`,
        areasForDevelopment: random.pick(["Hold back suggestions and allow silence after powerful questions.", "Increase challenge where a client seems comfortable.", "Plan endings from the start of each programme."]),
      },
    };
  });
  const observed = clients[0]!;
  docs.push({
    id: "supervisor-feedback",
    template: "ilm-8588/supervisor-feedback",
    data: {
      coachName: coach,
      observationOrRecording: random.pick(["Observation", "Recording"]),
      sessionLength: minutes(observed.durations[1] ?? observed.durations[0]!),
      supervisorName: supervisor,
      date: observed.dates[1] ?? observed.dates[0],
      skillsObserved: {
        buildingRapport: "Warm and relaxed opening; the client was at ease quickly.",
        contracting: "Re-contracted on the aim of the session at the start.",
        followingProcess: "Followed GROW clearly; the options stage was a little short.",
        listening: "Summarised accurately and picked up the client's hesitation.",
        questioning: "Mostly open questions; one leading question at the options stage.",
        challenging: "Gentle; there was room for more challenge.",
        givingFeedback: "Specific and balanced.",
        askingForFeedback: "Asked the client what had been most useful.",
      },
      areasForDevelopment: "More challenge, and agree timings for each stage.",
    },
  });
  return docs;
}

/** Unit 503: the coach's SWOT, a personal development plan covering `months`, and how CPD will be monitored. */
export function reviewDocuments(coach: string, from: string, months: number, random: Random): PortfolioDocument[] {
  const areas = [
    ["Challenging clients' assumptions", "Practise two challenge questions in every session and ask my supervisor to listen for missed opportunities."],
    ["Questioning without leading", "Review my reflective logs monthly and rewrite every leading question as an open one."],
    ["Working with senior clients", "Take on one client at a more senior level through the internal coaching pool."],
    ["Supervision and accreditation", "Join a reflective practice group and prepare an application for accreditation."],
    ["Using diagnostics well", "Complete training in one psychometric tool and use it with two clients."],
  ] as const;
  const chosen = random.sample(areas, 4);
  const rows = chosen.map(([area, actions], i) => ({
    areaForDevelopment: area,
    benefits: "Clients will get more from each session and I will be able to evidence my progress.",
    actions,
    support: random.pick(["Supervisor time each quarter.", "Budget for a course, to be agreed with my manager.", "A peer coach from the internal pool."]),
    when: i === chosen.length - 1 ? addMonths(from, months) : addMonths(from, Math.max(1, Math.round(((i + 1) * months) / chosen.length) - 1)),
    successMeasures: "Client feedback ratings rise and my supervisor confirms the change.",
  }));
  return [
    {
      id: "coach-swot",
      template: "ilm-8588/coach-swot",
      data: {
        coachName: coach,
        date: from,
        swot: {
          strengths: "Listening and summarising\nBuilding rapport quickly\nFollowing a clear structure",
          weaknesses: "Challenging clients\nAllowing silence\nKeeping to time in each stage",
          opportunities: "Internal coaching pool\nSupervision group\nAccreditation pathway",
          threats: "Workload in my own role\nClients cancelling at short notice\nLimited budget for CPD",
        },
      },
    },
    { id: "pdp", template: "ilm-8588/pdp", data: { coachName: coach, date: from, rows } },
    {
      id: "cpd-monitoring",
      template: "ilm-8588/cpd-monitoring",
      data: {
        coachName: coach,
        date: from,
        monitoringAndEvaluation: "I will review my development plan every quarter with my supervisor, compare client feedback ratings against the first programme, and keep a log of CPD hours and what changed in my practice as a result.",
      },
    },
  ];
}

/** The centre's record that a fourth client was needed, approved by the centre. */
export function exceptionalRecord(learner: string, client: DemoClient, recorder: string): PortfolioDocument {
  return {
    id: "exceptional-circumstances",
    template: "ilm-8588/exceptional-circumstances",
    approved: true,
    data: {
      learnerName: learner,
      clientRef: client.ref,
      reason: "Client leaves the organisation.",
      reasonDetails: "The third client left the organisation after two sessions.",
      optionsConsidered: ["Using another existing client as the 3rd.", "Hold a review with the other 2 clients and see if they would like further coaching."],
      optionsDetails: "Neither of the other clients wanted further sessions within the programme.",
      eqaConsulted: true,
      recordedBy: { name: recorder, role: "Centre", date: client.start },
    },
  };
}
