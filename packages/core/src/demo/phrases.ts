/** Phrase banks for the parts of a session record and a reflective log that do not depend on the theme. */

export const OPENINGS = ["Client {c} arrived", "At the start of the session Client {c} was", "Client {c} joined the video call", "We met in the small meeting room and Client {c} was"];
export const MOODS = ["focused and ready to work", "tired after a long week", "keen to report progress", "a little anxious about the week ahead"];

export const WILLINGNESS = [
  "On a scale of 0 to 10 the client rated her commitment at {n}; we explored what would move it up one point.",
  "High: the client set the target date herself and said she would tell her manager about it.",
  "Moderate at first; after we looked at what might get in the way, the client rated her willingness at {n} out of 10.",
  "Strong. The client said this action mattered more than anything else on her list this month.",
];

export const FEEDBACK_GIVEN = [
  "I reflected back that the client spoke about risk far more than benefit, and she agreed this was a pattern.",
  "I told the client that her plan was specific and realistic, and pointed out one assumption she had not tested.",
  "I noticed aloud that her energy rose when she talked about the team's success; she found this useful.",
  "I gave balanced feedback on the progress since last time, naming two things that had clearly worked.",
];

export const CLIENT_FEEDBACK = [
  "The client said the scaling question helped her see how committed she really was.",
  "She said the session felt structured and that she left with a clear next step.",
  "The client asked for more challenge next time and said the summary at the end was helpful.",
  "She said that being asked what she already knew was more useful than being given advice.",
];

export const OVERALL = [
  "A productive session: the client moved from describing the problem to choosing an action she owned.",
  "The session went well overall, although the reality stage ran long and the options stage felt rushed.",
  "A slower session; the client needed time to talk before she was ready to look at options, and I let her.",
  "Good progress. The client arrived with a clear issue and left with a dated action and a plan for telling her manager.",
];

/** Each entry names one model or tool and justifies it, as AC 3.2 asks. */
export const TOOL_SENTENCES = [
  "I used GROW because the client wants to leave each session with an action, and GROW keeps the conversation moving from goal to a committed next step.",
  "I added a scaling question in the willingness stage to test commitment, because at the last session she agreed to actions she then did not take.",
  "I chose OSCAR as the client is working towards a defined outcome and the outcome and situation steps suit her analytical style.",
  "I used the wheel of life briefly in order to check whether the drop in energy was about work or about something wider.",
  "We looked at the Johari window so that the client could see how much of her style the team does not know about.",
  "I used solution-focused questions because the client had spent two sessions on what was wrong and needed to notice what was already working.",
  "We used a force-field analysis to help the client weigh the pressures for and against the change before choosing an option.",
];

export const LISTENING = [
  "Better than last time: I summarised twice and the client corrected one of my summaries, which showed she felt able to challenge me.",
  "I listened well for content but was slower to notice emotion; I missed a change in tone that I only picked up afterwards.",
  "I caught myself planning my next question while the client was speaking, and brought my attention back by paraphrasing.",
  "I let silences run longer than usual, and twice the client filled them with something important.",
];

export const QUESTIONING = [
  "“What would it look like if this went well?” opened up a concrete picture of success.",
  "“What has got in the way so far?” worked better than asking why, and led the client to name her fear of losing credibility.",
  "“What do you already know about this?” helped the client see she had more of the answer than she thought.",
  "I asked two closed questions in a row at the options stage and the conversation stalled until I switched to “what else?”.",
];

export const FEEDBACK_RECEIVED = [
  "The client said the session was useful and asked for a short summary email afterwards.",
  "The client rated the session 8 out of 10 and asked for more challenge.",
  "My supervisor suggested I agree time boundaries for each stage at the start of the session.",
  "The client said she valued being able to think aloud without being judged.",
];

export const ETHICS = [
  "Yes. When the client criticised a colleague I kept the focus on her own behaviour and did not offer an opinion.",
  "I noticed a bias of my own and checked that the chosen option was the client's preference, not mine.",
  "I reminded the client what would and would not be shared with her line manager under our contract.",
  "Yes; the client raised a personal matter and I checked whether coaching was still the right support before continuing.",
];

export const GIVING_FEEDBACK = [
  "Specific and balanced; I could have asked permission before offering it.",
  "I gave one clear observation rather than several, which the client found easier to use.",
  "I linked my feedback to what the client had said in the last session, which made it feel fair.",
  "I was too quick to reassure; next time I will describe what I noticed and leave the judgement to the client.",
];

export const IMPROVEMENTS = [
  "Agree timings for each stage at the start and keep to them. Overall my structure is now consistent but my challenge is still gentle.",
  "Ask permission before giving feedback and use more open questions. I assess my listening as my strongest skill at this stage.",
  "Send a summary within 24 hours and check energy at the start of online sessions. My questioning is improving but I still move on too quickly.",
  "Allow more silence after a powerful question. I now follow a process reliably; the next step is to hold the client to account more firmly.",
];

export const VENUES = ["the small meeting room on the second floor", "a quiet room in the training centre", "a video call", "the client's office with the door closed"];
