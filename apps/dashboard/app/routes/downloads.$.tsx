import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentFile, resultSheetFile, unitFile } from "../models/downloadRequests.server.ts";
import { printedDownloadLimited } from "../models/rateLimits.server.ts";
import { notFound, requireUser } from "../utils/auth.server.ts";

/**
 * Downloads, as HTML or PDF, of what the caller may see:
 * `/downloads/document/<id>.pdf`, `/downloads/portfolio/<unit>.pdf` (a learner's own),
 * `/downloads/portfolio/<learnerId>/<unit>.pdf` (staff), `/downloads/evidence-matrix/[<learnerId>/]<unit>.pdf`,
 * `/downloads/result-sheet/<submissionId>.pdf`.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ["learner", "assessor", "iqa", "centre_admin", "eqa"]);
  const { db } = context.database;
  const match = /^(document|portfolio|evidence-matrix|result-sheet)\/(?:([\w-]+)\/)?([\w.-]+)\.(html|pdf|zip)$/.exec(params["*"] ?? "");
  if (!match) throw notFound();
  const [, kind, first, last, asked] = match as unknown as [string, string, string | undefined, string, "html" | "pdf" | "zip"];
  // A ZIP (the web page with every evidence file) is made of a portfolio only.
  if (asked === "zip" && kind !== "portfolio") throw notFound();
  if (asked !== "html" && (await printedDownloadLimited(db, user.id, context.config.printedDownloadsPer10Minutes))) {
    throw new Response(
      `You have asked for ${context.config.printedDownloadsPer10Minutes} PDF or ZIP downloads in the last ten minutes, as many as the dashboard prints for one person. Wait a few minutes and ask again, or download the web page (HTML) and print it from your browser.`,
      { status: 429, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "600" } },
    );
  }
  const format = asked === "zip" ? "html" : asked;
  let response: Response | undefined;
  if (kind === "document" && !first) response = await documentFile(db, user.scope, last, format);
  else if (kind === "portfolio" || kind === "evidence-matrix") {
    // A learner downloads their own units only; staff name the learner.
    const learnerId = user.role === "learner" ? user.learnerId : first;
    if (!learnerId || (user.role === "learner" && first)) throw notFound();
    response = await unitFile(db, user.scope, { learnerId, unitId: last, kind, asked });
  } else if (kind === "result-sheet" && !first) response = await resultSheetFile(db, user, last, format);
  if (!response) throw notFound();
  return response;
}
