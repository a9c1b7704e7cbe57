import Handlebars from "handlebars";

// A hand-written Handlebars template of the session record: the markup the generic renderer prints
// for it, written out field by field. The bench's baseline. It renders from the same raw document
// as docgen (ISO date, duration as a number of hours), so turning those into the printed text is part
// of every call, done the way a hand-written template does it: two helpers on its own environment.
export const sessionRecordSource = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="@ilm-forms/docgen">
<title>Coaching/ Mentoring Record</title>
<style>/*PRINT_CSS*/</style>
</head>
<body>

<article class="document" id="doc-1"><header class="doc-header">
<p class="criteria">AC 2.2 Maintain effective records of coaching or mentoring activity to include goals, progress against goals, summary discussion and outcomes</p>
<h1>Coaching/ Mentoring Record</h1>
<p class="intro">This page will require photocopying and completion for each session with an individual</p>
</header>
<table class="kv grid"><tbody><tr><th scope="row">Client Ref/ID</th><td>{{clientRef}}</td><th scope="row">Session No.</th><td>{{sessionNo}}</td></tr><tr><th scope="row">Date of Session</th><td>{{date sessionDate}}</td><th scope="row">Duration</th><td>{{hours duration}}</td></tr></tbody></table>
<table class="kv"><tbody><tr><th scope="row">Review of client’s progress from last session (if applicable)</th><td class="text">{{progressReview}}</td></tr><tr><th scope="row">Goal for today’s meeting</th><td class="text">{{goal}}</td></tr><tr><th scope="row">Reality/current situation</th><td class="text">{{reality}}</td></tr><tr><th scope="row">Options generated to achieve goal</th><td class="text">{{options}}</td></tr><tr><th scope="row">Chosen option &amp; target date</th><td class="text">{{chosenOption}}</td></tr><tr><th scope="row">Willingness of client to complete action</th><td class="text">{{willingness}}</td></tr><tr><th scope="row">Feedback you gave to the client</th><td class="text">{{feedbackGiven}}</td></tr><tr><th scope="row">Feedback from client on the coaching/mentoring session</th><td class="text">{{clientFeedback}}</td></tr><tr><th scope="row">Date and venue of next session</th><td>{{nextSession}}</td></tr></tbody></table>

</article>
</body>
</html>
`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The baseline as someone would write it by hand: its own `Handlebars.create()` environment with a
 * `date` helper (`yyyy-mm-dd` as `dd/mm/yyyy`, anything else as it is) and an `hours` helper
 * (`1.5 hours`, `1 hour`), compiled once with both declared as known helpers (so Handlebars calls
 * them directly, the fastest form it has), cached by the caller.
 *
 * @param css - the print stylesheet, inlined as docgen inlines it
 * @returns the compiled template; call it with the raw document
 */
export function createHandWritten(css) {
  const instance = Handlebars.create();
  instance.registerHelper("date", (value) => (typeof value === "string" && ISO_DATE.test(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value));
  instance.registerHelper("hours", (value) => (typeof value === "number" && Number.isFinite(value) ? `${value} ${value === 1 ? "hour" : "hours"}` : value));
  return instance.compile(sessionRecordSource.replace("/*PRINT_CSS*/", css), { preventIndent: true, knownHelpers: { date: true, hours: true } });
}
