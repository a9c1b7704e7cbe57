// Who may do what: for every route file in app/routes (and each API endpoint), every principal
// against every relationship to the record, the answer the server must give. access.test.ts drives
// every cell over HTTP against a running dashboard and fails when a route file is missing here.
//
// Principals: anonymous (no session), portal (the demo centre's API token, no session), and the demo
// centre's learner1, assessor1 (assigned learner1, not learner3), iqa, admin and eqa (the external quality
// assurer: reads across its centre, writes only its comments and verification).
// Relationships of the record to the principal:
//   own                     learner1's own record (learner only)
//   assigned                learner1's record, to the assessor assigned to learner1
//   same-centre-unassigned  a record of the same centre the principal is not tied to
//                           (learner3's, for a learner, assessor, IQA, admin or EQA; learner1's for anonymous/portal)
//   other-centre            learner1 of "other-centre"
// A cell is "n/a" where the relationship cannot exist for the principal (a learner has no assigned
// records). Route without a record: relationship "none".
//
// Expected answers: a status, "302 sign-in" (to /sign-in?redirectTo=...), "302 home" (the role's
// home page), "302 /" or "302 /sign-in".
// POST bodies are chosen so that an allowed action runs and answers without changing anything
// (a missing confirmation, an invalid document, an unknown intent): the status says whether the
// action ran for that principal at all.

export const PRINCIPALS = ["anonymous", "portal", "learner", "assessor", "iqa", "centre_admin", "eqa"] as const;
export type Principal = (typeof PRINCIPALS)[number];
export const RELATIONS = ["own", "assigned", "same-centre-unassigned", "other-centre"] as const;
export type Relation = (typeof RELATIONS)[number];
export type Expect = "200" | "302 sign-in" | "302 home" | "302 /" | "302 /sign-in" | "401" | "404" | "405" | "409" | "422" | "n/a";

/** The relationships a principal can have to a record; the others are n/a. */
export const RELATIONS_OF: Record<Principal, readonly Relation[]> = {
  anonymous: ["same-centre-unassigned", "other-centre"],
  portal: ["same-centre-unassigned", "other-centre"],
  learner: ["own", "same-centre-unassigned", "other-centre"],
  assessor: ["assigned", "same-centre-unassigned", "other-centre"],
  iqa: ["same-centre-unassigned", "other-centre"],
  centre_admin: ["same-centre-unassigned", "other-centre"],
  eqa: ["same-centre-unassigned", "other-centre"],
};

/** For a record route: the answer per relationship (a plain answer applies to every relationship the principal can have). */
export type ByRelation = Record<Relation, Expect>;

export interface Action {
  /** form fields, JSON body (placeholders {id} {learnerNumber} are filled in), or nothing */
  form?: Record<string, string>;
  json?: unknown;
  /** the action signs the session out: run it on a throwaway session */
  consumesSession?: boolean;
  expect: Record<Principal, Expect | ByRelation>;
}

export interface Endpoint {
  /** the route file in app/routes, or "server:<file>" for a route served by Express before Remix (server/<file>) */
  file: string;
  /** what the record in the path is; none for a route without a record */
  record?: "document" | "submission" | "learner-unit" | "learner-number" | "attachment";
  /** the path; {id}, {learnerId}, {unit}, {learnerNumber} are filled in from the record */
  path: string;
  GET?: Action;
  POST?: Action;
  PUT?: Action;
}

/** The same answer for every principal. */
const all = (e: Expect): Record<Principal, Expect> => ({ anonymous: e, portal: e, learner: e, assessor: e, iqa: e, centre_admin: e, eqa: e });
/**
 * Anonymous and portal are sent to sign in; the given answers for the roles. The EQA is refused (404)
 * wherever the row does not name it: it reads only what a row grants it.
 */
const page = (roles: Record<"learner" | "assessor" | "iqa" | "centre_admin", Expect | ByRelation> & { eqa?: Expect | ByRelation }): Record<Principal, Expect | ByRelation> => ({
  anonymous: "302 sign-in",
  portal: "302 sign-in",
  eqa: "404",
  ...roles,
});
/** A relationship map for a record route: n/a where the relationship cannot exist for the principal. */
function rec(sameOrAll: Expect, other?: Expect): ByRelation {
  return { own: "n/a", assigned: "n/a", "same-centre-unassigned": sameOrAll, "other-centre": other ?? sameOrAll };
}
const learnerRec = (own: Expect, unassigned: Expect, other: Expect): ByRelation => ({ own, assigned: "n/a", "same-centre-unassigned": unassigned, "other-centre": other });
const assessorRec = (assigned: Expect, unassigned: Expect, other: Expect): ByRelation => ({ own: "n/a", assigned, "same-centre-unassigned": unassigned, "other-centre": other });
const API = { anonymous: "401", learner: "401", assessor: "401", iqa: "401", centre_admin: "401", eqa: "401" } as const;

export const POLICY: Endpoint[] = [
  { file: "_index.tsx", path: "/", GET: { expect: { ...all("302 home"), anonymous: "302 /sign-in", portal: "302 /sign-in" } }, POST: { form: {}, expect: all("405") } },
  { file: "sign-in.tsx", path: "/sign-in", GET: { expect: { ...all("302 home"), anonymous: "200", portal: "200" } }, POST: { form: { email: "", password: "" }, expect: { ...all("302 home"), anonymous: "200", portal: "200" } } },
  { file: "sign-out.tsx", path: "/sign-out", GET: { expect: all("302 /") }, POST: { form: {}, consumesSession: true, expect: all("302 /sign-in") } },
  // Every role's own account; the POST's unknown intent changes nothing (a wrong current password would count a try).
  {
    file: "account.tsx",
    path: "/account",
    GET: { expect: page({ learner: "200", assessor: "200", iqa: "200", centre_admin: "200", eqa: "200" }) },
    POST: { form: { intent: "none" }, expect: page({ learner: "200", assessor: "200", iqa: "200", centre_admin: "200", eqa: "200" }) },
  },

  { file: "learner._index.tsx", path: "/learner", GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) }, POST: { form: {}, expect: all("405") } },
  {
    file: "learner.units.$unit.tsx",
    path: "/learner/units/501",
    GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) },
    POST: { form: {}, expect: all("405") },
  },
  {
    file: "learner.units.$unit_.submit.tsx",
    path: "/learner/units/501/submit",
    GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) },
    // no confirmation: the action answers with field errors and submits nothing
    POST: { form: { name: "", status: "assessed" }, expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) },
  },
  {
    file: "learner.documents.new.tsx",
    path: "/learner/documents/new?template=ilm-8588%2Fsession-record",
    GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) },
    POST: { form: { document: '{"sessionNo":"x"}' }, expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) },
  },
  {
    file: "learner.documents.$id.tsx",
    record: "document",
    path: "/learner/documents/{id}",
    GET: { expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
    // {} is not a valid submitted document: the owner gets field errors, nothing is saved
    POST: { form: { document: "{}", expectedVersion: "1" }, expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
  },
  {
    file: "documents.$id.tsx",
    record: "document",
    path: "/documents/{id}",
    GET: { expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
    // The centre approves a record whose template asks for it (x-ilm.approvedBy): a session record does not, so an allowed IQA or admin is told so and nothing is stored.
    POST: { form: { intent: "approve", version: "1" }, expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404") }) },
  },

  { file: "assessor._index.tsx", path: "/assessor", GET: { expect: page({ learner: "404", assessor: "200", iqa: "404", centre_admin: "404" }) }, POST: { form: {}, expect: all("405") } },
  {
    file: "assessor.submissions.$id.tsx",
    record: "submission",
    path: "/assessor/submissions/{id}",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
    // no decisions in the form: an allowed assessor saves nothing and is told "saved"
    POST: { form: { intent: "save" }, expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
  },

  {
    file: "assessor.learners_.$learnerId.records.new.tsx",
    record: "learner-unit",
    path: "/assessor/learners/{learnerId}/records/new?template=ilm-8588%2Fprofessional-discussion",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
    // {"date": "x"} breaks the template: the assigned assessor gets field errors, nothing is stored
    POST: { form: { document: '{"date":"x"}' }, expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
  },
  {
    // The record route is for records the assessor keeps: a learner's own document answers 404 to everyone.
    file: "assessor.records.$id.tsx",
    record: "document",
    path: "/assessor/records/{id}",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
    POST: { form: { document: "{}", expectedVersion: "1" }, expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
  },
  { file: "assessor.learners.tsx", path: "/assessor/learners", GET: { expect: page({ learner: "404", assessor: "200", iqa: "200", centre_admin: "404" }) }, POST: { form: {}, expect: all("405") } },

  { file: "iqa._index.tsx", path: "/iqa", GET: { expect: page({ learner: "404", assessor: "404", iqa: "200", centre_admin: "404" }) }, POST: { form: {}, expect: all("405") } },
  {
    file: "iqa.submissions.$id.tsx",
    record: "submission",
    path: "/iqa/submissions/{id}",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("404") }) },
    // the submissions are not assessed yet: the IQA is told so, nothing is ratified
    POST: { form: { decision: "ratify", comments: "" }, expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("404") }) },
  },

  // External quality assurance (issue 15): read-only across its centre, but for its comments and verification.
  { file: "eqa._index.tsx", path: "/eqa", GET: { expect: page({ learner: "404", assessor: "404", iqa: "404", centre_admin: "404", eqa: "200" }) }, POST: { form: {}, expect: all("405") } },
  {
    file: "eqa.submissions.$id.tsx",
    record: "submission",
    path: "/eqa/submissions/{id}",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404"), eqa: rec("200", "404") }) },
    // the submissions are not ratified yet: the EQA is told so, nothing is stored
    POST: { form: { intent: "verified", comment: "" }, expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404"), eqa: rec("200", "404") }) },
  },

  { file: "admin._index.tsx", path: "/admin", GET: { expect: page({ learner: "404", assessor: "404", iqa: "404", centre_admin: "200" }) }, POST: { form: { intent: "none" }, expect: page({ learner: "404", assessor: "404", iqa: "404", centre_admin: "200" }) } },

  {
    file: "downloads.$.tsx",
    record: "document",
    path: "/downloads/document/{id}.html",
    GET: { expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
    POST: { form: {}, expect: all("405") },
  },
  { file: "downloads.$.tsx", path: "/downloads/portfolio/501.html", GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) } },
  {
    file: "downloads.$.tsx",
    record: "learner-unit",
    path: "/downloads/portfolio/{learnerId}/{unit}.html",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
  },
  { file: "downloads.$.tsx", path: "/downloads/portfolio/501.zip", GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) } },
  {
    file: "downloads.$.tsx",
    record: "learner-unit",
    path: "/downloads/portfolio/{learnerId}/{unit}.zip",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
  },
  { file: "downloads.$.tsx", path: "/downloads/evidence-matrix/501.html", GET: { expect: page({ learner: "200", assessor: "404", iqa: "404", centre_admin: "404" }) } },
  {
    file: "downloads.$.tsx",
    record: "learner-unit",
    path: "/downloads/evidence-matrix/{learnerId}/{unit}.html",
    GET: { expect: page({ learner: learnerRec("404", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
  },
  {
    file: "downloads.$.tsx",
    record: "submission",
    path: "/downloads/result-sheet/{id}.html",
    GET: { expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
  },

  // Evidence files (decision 032). Every attachment of the world is on a submitted unit, so its owner's
  // removal is refused as locked (409) and changes nothing; an upload without a file is checked
  // against its document (404, or 409 for a submitted one) before "choose a file".
  {
    file: "server:attachments.js",
    record: "document",
    path: "/attachments",
    POST: {
      form: { documentId: "{id}" },
      expect: page({ learner: learnerRec("409", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("409", "404") }),
    },
  },
  {
    file: "server:attachments.js",
    record: "attachment",
    path: "/attachments/{id}",
    GET: { expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("200", "404", "404"), iqa: rec("200", "404"), centre_admin: rec("200", "404"), eqa: rec("200", "404") }) },
  },
  {
    file: "attachments.$id.remove.tsx",
    record: "attachment",
    path: "/attachments/{id}/remove",
    GET: { expect: all("404") },
    POST: { form: { returnTo: "/" }, expect: page({ learner: learnerRec("409", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("409", "404") }) },
  },

  // Signing links (issue 20): an unknown intent makes nothing; an unknown token names no link (404).
  {
    file: "learner.documents.$id_.signing-links.tsx",
    record: "document",
    path: "/learner/documents/{id}/signing-links",
    GET: { expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
    POST: { form: { intent: "none" }, expect: page({ learner: learnerRec("200", "404", "404"), assessor: assessorRec("404", "404", "404"), iqa: rec("404"), centre_admin: rec("404") }) },
  },
  { file: "sign.done.tsx", path: "/sign/done", GET: { expect: all("200") }, POST: { form: {}, expect: all("405") } },
  {
    file: "sign.$token.tsx",
    path: "/sign/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    GET: { expect: all("404") },
    POST: { form: { name: "", confirm: "yes" }, expect: all("404") },
  },
  // A password-reset link (issue 15): an unknown token names no link, for everyone alike.
  {
    file: "reset-password.$token.tsx",
    path: "/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    GET: { expect: all("404") },
    POST: { form: { password: "a-long-enough-password", again: "a-long-enough-password" }, expect: all("404") },
  },
  {
    file: "server:apiAttachments.js",
    record: "attachment",
    path: "/api/v1/attachments/{id}",
    GET: { expect: { ...API, portal: rec("200", "404") } },
  },
  {
    file: "server:apiAttachments.js",
    record: "document",
    // "{}" sniffs as plain text; learner 1's document is in their submitted Unit 501: locked (409), nothing stored
    path: "/api/v1/attachments?documentId={id}&name=x.txt",
    POST: { json: {}, expect: { ...API, portal: rec("409", "404") } },
  },
  {
    file: "api.v1.documents.tsx",
    record: "learner-number",
    path: "/api/v1/documents?learnerNumber={learnerNumber}",
    GET: { expect: { ...API, portal: rec("200", "404") } },
    // data of the wrong type: 422 with field errors for the portal's own centre, nothing stored
    POST: { json: { learnerNumber: "{learnerNumber}", template: "ilm-8588/session-record", data: { sessionNo: "x" } }, expect: { ...API, portal: rec("422", "404") } },
    PUT: { json: {}, expect: all("405") },
  },
  {
    file: "api.v1.documents.$id.tsx",
    record: "document",
    path: "/api/v1/documents/{id}",
    GET: { expect: { ...API, portal: rec("200", "404") } },
    // learner 1's document is in their submitted Unit 501: locked (409) before its data is looked at
    PUT: { json: { expectedVersion: 1, data: {} }, expect: { ...API, portal: rec("409", "404") } },
    POST: { json: {}, expect: all("405") },
  },
];
