import { describe, expect, it, vi } from "vitest";
import { row, scalar } from "../support/database.ts";
import { Client } from "../reliability/support/http.ts";
import { useWorldServer } from "../reliability/support/world.ts";

vi.setConfig({ testTimeout: 180_000 });

// Document saves from the pages are counted per person, and the portal API's requests and writes per
// token, in the t.database (decision 072): past a limit, 429 with Retry-After and a message naming the
// rule, and nothing stored. Small limits here; the defaults are checked at the end.

const t = useWorldServer({ DOCUMENT_SAVES_PER_10_MINUTES: "3", API_WRITES_PER_10_MINUTES: "2", API_REQUESTS_PER_10_MINUTES: "6" });

const SESSION = { clientRef: "Client 1", sessionNo: 91, sessionDate: "2026-05-03", duration: 1, goal: "Agree the next step." };
/** The security log's refusals of one rate limit so far (decision 067). */
const limitRefusals = async (limiter: string) => (await t.securityLog()).filter((entry) => entry.event === "rate-limit.refused" && entry.limiter === limiter);

const stored = (id: string) => row<{ version: number; data: string }>(t.database, "select version, data from documents where id = ?", id);

describe("the document-save limit of a person", () => {
  it("answers a person's fourth save in ten minutes with 429, Retry-After and the rule, stores nothing, and lets other people save", async () => {
    const learner = await new Client(t.server.url).signIn(t.world.demo.learner1!.email, t.world.demo.learner1!.password);
    const id = t.world.records.demoL1OpenDoc;
    const save = async (goal: string) => learner.request(`/learner/documents/${id}`, { form: { document: JSON.stringify({ ...SESSION, goal }), expectedVersion: String((await stored(id))!.version), intent: "save" } });
    for (let n = 1; n <= 3; n++) {
      const saved = await save(`Saved ${n}`);
      expect(saved.status, `save ${n}`).toBe(200);
      expect(saved.text).toContain("Saved.");
    }
    const before = (await stored(id))!;
    const refused = await save("One too many");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("600");
    expect(refused.text).toContain("You have saved documents 3 times in the last ten minutes, as many as the dashboard takes from one person. Nothing was saved this time; your changes are kept in this browser.");
    expect(refused.text).toContain("The document was not saved");
    expect(await stored(id)).toEqual(before);
    expect(before.data).toContain("Saved 3");
    expect(await limitRefusals("document-save")).toEqual([expect.objectContaining({ userId: t.world.demo.learner1!.userId, method: "POST", path: `/learner/documents/${id}` })]);

    // A new document counts too, and is not created.
    const documents = await scalar(t.database, "select count(*) from documents where learner_id = ?", t.world.demo.learner1!.learnerId);
    const created = await learner.request("/learner/documents/new?template=ilm-8588/session-record", { form: { document: JSON.stringify(SESSION) } });
    expect(created.status).toBe(429);
    expect(await scalar(t.database, "select count(*) from documents where learner_id = ?", t.world.demo.learner1!.learnerId)).toBe(documents);

    // Another person has their own count.
    const other = await new Client(t.server.url).signIn(t.world.demo.learner2!.email, t.world.demo.learner2!.password);
    const theirs = await scalar(t.database, "select count(*) from documents where learner_id = ?", t.world.demo.learner2!.learnerId);
    const made = await other.request("/learner/documents/new?template=ilm-8588/session-record", { form: { document: JSON.stringify(SESSION) } });
    expect(made.status).toBe(200);
    expect(await scalar(t.database, "select count(*) from documents where learner_id = ?", t.world.demo.learner2!.learnerId)).toBe(theirs + 1);
  });
});

describe("the API limits of a token", () => {
  it("answers a token's third write in ten minutes, and its seventh request of any kind, with 429, Retry-After and the rule, storing nothing; other tokens go on", async () => {
    const portal = new Client(t.server.url, { Authorization: `Bearer ${t.world.apiToken}` });
    const id = t.world.records.demoL1OpenDoc;
    const read = async () => JSON.parse((await portal.request(`/api/v1/documents/${id}`)).text) as { version: number; data: Record<string, unknown> };
    const put = (version: number, goal: string) => portal.request(`/api/v1/documents/${id}`, { method: "PUT", json: { expectedVersion: version, data: { ...SESSION, goal } } });
    const doc = await read(); // request 1
    expect((await put(doc.version, "API 1")).status).toBe(200); // 2, write 1
    expect((await put(doc.version + 1, "API 2")).status).toBe(200); // 3, write 2
    const refused = await put(doc.version + 2, "API 3"); // 4, write 3: refused
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("600");
    expect(JSON.parse(refused.text)).toEqual({
      errors: [{ path: "", field: "The request", location: "The request", rule: "rate-limit", message: expect.stringContaining("Your centre's API token has made 2 writes in the last ten minutes") }],
    });
    expect(refused.text).toContain("API_WRITES_PER_10_MINUTES");
    expect((await stored(id))!.version).toBe(doc.version + 2);
    expect(await limitRefusals("api-write")).toEqual([expect.objectContaining({ centreId: t.world.demo.learner1!.centreId, method: "PUT", path: `/api/v1/documents/${id}` })]);
    // An evidence file is a write too (the route outside Remix): refused before its body is stored.
    const files = await scalar(t.database, "select count(*) from attachments");
    const upload = await portal.request(`/api/v1/attachments?documentId=${id}&name=note.txt`, { method: "POST", body: "evidence", headers: { "Content-Type": "text/plain" } }); // 5
    expect(upload.status).toBe(429);
    expect(await scalar(t.database, "select count(*) from attachments")).toBe(files);
    // Reads go on until the requests of any kind reach the limit.
    expect((await portal.request(`/api/v1/documents/${id}`)).status).toBe(200); // 6
    const tooMany = await portal.request(`/api/v1/documents/${id}`); // 7
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get("Retry-After")).toBe("600");
    expect(tooMany.text).toContain("Your centre's API token has made 6 requests in the last ten minutes");
    expect(tooMany.text).toContain("API_REQUESTS_PER_10_MINUTES");
    expect(await limitRefusals("api-request")).toEqual([expect.objectContaining({ centreId: t.world.demo.learner1!.centreId, method: "GET", path: `/api/v1/documents/${id}` })]);

    // Another centre's token has its own count.
    const other = new Client(t.server.url, { Authorization: `Bearer ${t.world.otherApiToken}` });
    expect((await other.request(`/api/v1/documents/${t.world.records.otherL1Doc}`)).status).toBe(200);
    // A made-up token is told 401 and counted nowhere.
    const hits = await scalar(t.database, "select count(*) from rate_limit_hits");
    const stranger = new Client(t.server.url, { Authorization: `Bearer ${"x".repeat(43)}` });
    expect((await stranger.request(`/api/v1/documents/${id}`)).status).toBe(401);
    expect(await scalar(t.database, "select count(*) from rate_limit_hits")).toBe(hits);
  });
});

describe("the settings", () => {
  it("default to limits a person at work never reaches, and refuse a value that is not a whole number of at least 1 at start", async () => {
    const { loadConfig: load } = await import("../../server/config.js");
    const loadConfig = (env: Record<string, string>) => load(env as unknown as NodeJS.ProcessEnv);
    expect(loadConfig({})).toMatchObject({ documentSavesPer10Minutes: 200, apiRequestsPer10Minutes: 6000, apiWritesPer10Minutes: 3000 });
    expect(() => loadConfig({ DOCUMENT_SAVES_PER_10_MINUTES: "0" })).toThrow("DOCUMENT_SAVES_PER_10_MINUTES must be a whole number of at least 1, not 0");
    expect(() => loadConfig({ API_REQUESTS_PER_10_MINUTES: "lots" })).toThrow("API_REQUESTS_PER_10_MINUTES must be a whole number of at least 1, not lots");
    expect(() => loadConfig({ API_WRITES_PER_10_MINUTES: "2.5" })).toThrow("API_WRITES_PER_10_MINUTES must be a whole number of at least 1, not 2.5");
  });
});
