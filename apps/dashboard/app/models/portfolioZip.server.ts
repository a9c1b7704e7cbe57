import { readAttachment, type Db, type Scope } from "@ilm-forms/db";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { PortfolioFile } from "./portfolioFiles.server.ts";

/**
 * The chunks of a ZIP of a portfolio: its web page (with the annex) and every evidence file under
 * `files/`, named by its number in the annex. Files are stored as they are (they are mostly compressed
 * already) and read one stored part at a time as the download is pulled, so no file is held whole.
 */
async function* zipChunks(html: string, files: PortfolioFile[], read: { db: Db; scope: Scope } | undefined): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else queue.push(chunk);
  });
  const page = new ZipDeflate("portfolio.html", { level: 6 });
  zip.add(page);
  page.push(new TextEncoder().encode(html), true);
  while (queue.length) yield queue.shift()!;
  for (const file of read ? files : []) {
    const found = (await readAttachment(read!.db, read!.scope, file.id));
    if (!found) continue;
    const entry = new ZipPassThrough(`files/${file.number} ${file.name}`);
    zip.add(entry);
    for await (const part of found.content) {
      entry.push(part);
      while (queue.length) yield queue.shift()!;
    }
    entry.push(new Uint8Array(0), true);
    while (queue.length) yield queue.shift()!;
  }
  zip.end();
  while (queue.length) yield queue.shift()!;
  if (failure) throw failure;
}

/**
 * A ZIP download of a portfolio with its evidence files, streamed as the client reads it.
 *
 * @param html - the portfolio's web page, with its annex
 * @param files - the files, in evidence order
 * @param read - the caller's database and scope (without it, the page alone)
 * @param fileName - the download's name
 * @returns the response
 */
export function portfolioZipResponse(html: string, files: PortfolioFile[], read: { db: Db; scope: Scope } | undefined, fileName: string): Response {
  const chunks = zipChunks(html, files, read);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileName}"` } });
}
