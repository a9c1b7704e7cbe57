/** What a client brings to coaching: each demo client works on one theme across their sessions. */
export interface Theme {
  profile: string;
  needs: Array<{ need: string; goal: string }>;
  goals: string[];
  realities: string[];
  options: string[];
  actions: string[];
}

export const THEMES: Theme[] = [
  {
    profile: "A team leader promoted from within a customer service team of twelve eight months ago.",
    needs: [
      { need: "Delegating escalated calls", goal: "Hand at least half of escalated calls to the two senior advisers within eight weeks, checked weekly in the call log." },
      { need: "Challenging former peers", goal: "Hold one planned feedback conversation with each adviser whose call quality is below target by the end of the quarter." },
      { need: "Planning the week ahead", goal: "Block two hours every Monday for planning and keep to it for six consecutive weeks." },
    ],
    goals: ["to work out which escalated calls could safely go to the senior advisers", "to plan a feedback conversation with an adviser she has known for years", "to protect time for planning without letting the team down"],
    realities: ["she still takes most escalations herself because it feels quicker than explaining", "the two senior advisers have asked for more responsibility but have not been given it", "planning time is the first thing to go when the phones are busy"],
    options: ["a rota for escalations shared between the senior advisers", "a short guide to the five most common escalations", "asking the line manager to cover one afternoon a week", "practising the opening of the feedback conversation in the session"],
    actions: ["draft the escalation rota and agree it at the next team meeting", "book the feedback conversation for the following Thursday", "put a recurring planning slot in the shared calendar"],
  },
  {
    profile: "A finance analyst preparing to move into a business-partner role supporting operations managers.",
    needs: [
      { need: "Presenting to non-specialists", goal: "Present the monthly figures to the operations managers in ten minutes with no more than five slides by the end of next month." },
      { need: "Building relationships outside finance", goal: "Meet each of the four operations managers one-to-one before the quarterly review." },
      { need: "Handling challenge in meetings", goal: "Respond to challenge on the forecast calmly and with evidence in the next two review meetings, as noticed by the line manager." },
    ],
    goals: ["to cut the monthly presentation down to what the operations managers actually use", "to plan the first one-to-one meetings with the operations managers", "to prepare for challenge on the forecast at the quarterly review"],
    realities: ["the current slides are written for accountants and run to twelve pages", "the operations managers see finance as the department that says no", "the last review meeting ended with the forecast being questioned and no answer ready"],
    options: ["asking one manager what they need from the figures", "a one-page summary with three headline numbers", "rehearsing answers to the three hardest questions", "shadowing an operations shift for a morning"],
    actions: ["rewrite the slides down to five and test them on a colleague", "send meeting invitations to two operations managers this week", "write down the three most likely challenges and the evidence for each"],
  },
  {
    profile: "A ward sister in a busy hospital unit who wants to manage her workload and her energy better.",
    needs: [
      { need: "Prioritising competing demands", goal: "Use a daily priority list on every shift for four weeks and review it at the end of each week." },
      { need: "Saying no to extra tasks", goal: "Decline or renegotiate at least one non-essential request each week for a month without feeling guilty afterwards, as noted in a journal." },
      { need: "Delegating to junior staff", goal: "Delegate the weekly stock check and one audit to band 5 staff by the end of the next rota." },
    ],
    goals: ["to find a way of deciding what must be done on a shift and what can wait", "to practise saying no to requests that are not part of the role", "to choose what to hand over to junior staff"],
    realities: ["shifts end late two or three times a week because paperwork is left until last", "requests from other departments are accepted without question", "junior staff are keen to develop but are rarely given the chance"],
    options: ["a five-minute priority huddle at the start of each shift", "a standard reply for requests that belong to another team", "pairing junior staff for the stock check", "talking to the matron about which audits can move"],
    actions: ["trial the priority huddle for the next two weeks", "use the standard reply at least once before the next session", "ask two junior staff which tasks they would like to learn"],
  },
  {
    profile: "A project manager leading a change of systems across three offices, new to leading people through change.",
    needs: [
      { need: "Communicating change", goal: "Publish a fortnightly update that every office confirms it has read for the rest of the project." },
      { need: "Managing resistance", goal: "Hold a listening session in each office before the next phase and record the three main concerns from each." },
    ],
    goals: ["to plan how to explain the next phase of the change to the three offices", "to understand why one office is resisting the new system", "to decide how much detail to share with the teams"],
    realities: ["the last update was sent by email and few people opened it", "one office has missed every training date so far", "rumours about job losses are spreading faster than the facts"],
    options: ["short video updates instead of long emails", "a champion in each office", "a question-and-answer session with the director", "visiting the resistant office in person"],
    actions: ["record the first video update and send it on Friday", "ask each office manager to nominate a champion", "arrange a visit to the resistant office within two weeks"],
  },
  {
    profile: "A newly qualified teacher in her second term who wants to manage behaviour in a difficult class with more confidence.",
    needs: [
      { need: "Classroom routines", goal: "Introduce and keep to a start-of-lesson routine with the Year 9 class for six weeks." },
      { need: "Confidence with parents", goal: "Make three positive phone calls home before the next parents' evening." },
      { need: "Asking for support", goal: "Agree a fortnightly check-in with the head of year by half term." },
    ],
    goals: ["to design a start-of-lesson routine that the class will follow", "to prepare for parents' evening", "to decide what support to ask the head of year for"],
    realities: ["the first ten minutes of each lesson are lost to settling the class", "contact with parents so far has only been about problems", "asking for help feels like admitting failure"],
    options: ["a seating plan changed every half term", "a starter task on the board before the class arrives", "positive postcards home", "observing an experienced colleague with the same class"],
    actions: ["try the starter task for two weeks and note what happens", "make the first positive phone call this week", "email the head of year to request a check-in"],
  },
  {
    profile: "An engineer who has been asked to lead a small team and is unsure whether management is the right career path.",
    needs: [
      { need: "Clarifying career direction", goal: "Decide by the end of the programme whether to apply for the permanent team lead role, having spoken to two people in each path." },
      { need: "Running effective one-to-ones", goal: "Hold a monthly one-to-one with each of the four team members, using an agreed agenda, for three months." },
    ],
    goals: ["to explore what he values in his work and where each career path would lead", "to plan the first round of one-to-ones with his team", "to weigh up the team lead role before the application deadline"],
    realities: ["he enjoys solving technical problems and misses it when meetings fill the day", "the team has never had regular one-to-ones", "the application deadline is in six weeks"],
    options: ["talking to a principal engineer and an engineering manager", "a trial period of three months before deciding", "a shared agenda template for one-to-ones", "keeping one day a week free for technical work"],
    actions: ["book conversations with two people in each career path", "send the one-to-one agenda to the team", "write a list of what he would miss in each role"],
  },
];
