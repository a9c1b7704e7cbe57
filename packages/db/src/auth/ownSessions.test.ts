import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataVersion } from "../access/engine.ts";
import { rows, scalar } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { createSession, deleteExpiredSessions, endOwnSessions, getSession, LAST_SEEN_RESOLUTION_MS, listOwnSessions, MAX_SESSIONS_PER_PERSON, SESSION_IDLE_MS } from "./sessions.ts";

const MINUTE = 60 * 1000;
const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

describe("idle sessions, own sessions, signing out elsewhere", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const lastSeen = (userId: string) => scalar<string>(db(), "select last_seen_at from sessions where user_id = ?", userId);

  it("ends a session unused for longer than the idle limit, while use keeps it going until its absolute end", async () => {
    const start = new Date("2030-03-01T08:00:00Z");
    const { assessor1 } = world.scopes;
    const idle = await createSession(db(), assessor1!.userId, { now: start });
    expect((await getSession(db(), idle.token, { now: at(start, SESSION_IDLE_MS / MINUTE - 1) }))?.user.id).toBe(assessor1!.userId);
    // That use counted: two hours after it, not two hours after the start.
    expect(await getSession(db(), idle.token, { now: at(start, 2 * SESSION_IDLE_MS / MINUTE - 2) })).toBeDefined();
    expect(await getSession(db(), idle.token, { now: at(start, 3 * SESSION_IDLE_MS / MINUTE) })).toBeUndefined();
    // A shorter limit from the caller (the dashboard's SESSION_IDLE_MINUTES).
    const short = await createSession(db(), assessor1!.userId, { now: start });
    expect(await getSession(db(), short.token, { now: at(start, 29), idleMs: 30 * MINUTE })).toBeDefined();
    expect(await getSession(db(), short.token, { now: at(start, 60), idleMs: 30 * MINUTE })).toBeUndefined();
    // Used every hour, a session still ends at its absolute lifetime (12 hours).
    const busy = await createSession(db(), assessor1!.userId, { now: start });
    for (let hour = 1; hour < 12; hour++) expect(await getSession(db(), busy.token, { now: at(start, hour * 60) })).toBeDefined();
    expect(await getSession(db(), busy.token, { now: at(start, 12 * 60) })).toBeUndefined();
  });

  it("writes last_seen_at at most once a minute, without moving the data version the read caches go by", async () => {
    const start = new Date("2030-04-01T08:00:00Z");
    const { assessor2 } = world.scopes;
    const { token } = await createSession(db(), assessor2!.userId, { now: start });
    const seen = () => lastSeen(assessor2!.userId);
    expect(await seen()).toBe(start.toISOString());
    await getSession(db(), token, { now: new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS - 1000) });
    expect(await seen()).toBe(start.toISOString());
    const later = new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS + 1000);
    const version = await dataVersion(db());
    await getSession(db(), token, { now: later });
    expect(await seen()).toBe(later.toISOString());
    expect(await dataVersion(db())).toBe(version);
    await getSession(db(), token, { now: new Date(later.getTime() + 30_000) });
    expect(await seen()).toBe(later.toISOString());
  });

  it("lists a person's live sessions without tokens or ids, marks this browser's, and signs out one or all others after the password again", async () => {
    const { iqa, learner1 } = world.scopes;
    const password = world.demo.signIns.find((s) => s.email.startsWith("iqa@"))!.password;
    const start = new Date();
    const first = await createSession(db(), iqa!.userId, { now: at(start, -30) });
    const second = await createSession(db(), iqa!.userId, { now: at(start, -10) });
    const third = await createSession(db(), iqa!.userId);
    await createSession(db(), iqa!.userId, { now: at(start, -3 * 60) }); // idle for three hours: not listed
    const bystander = await createSession(db(), learner1!.userId);
    const listed = await listOwnSessions(db(), iqa!, { currentToken: second.token });
    expect(listed.map((s) => s.current)).toEqual([false, true, false]);
    expect(listed[2]!.startedAt).toBe(at(start, -30).toISOString());
    expect(Object.keys(listed[0]!).sort()).toEqual(["current", "expiresAt", "handle", "lastUsedAt", "startedAt"]);
    const stored = await rows<{ id: string }>(db(), "select id from sessions where user_id = ?", iqa!.userId);
    for (const secret of [first.token, second.token, third.token, ...stored.map((r) => r.id)]) expect(JSON.stringify(listed)).not.toContain(secret);

    const keep = second.token;
    expect(await endOwnSessions(db(), iqa!, { keepToken: keep, current: "not-the-password" })).toEqual({ ok: false, reason: "wrong-current" });
    expect(await getSession(db(), first.token)).toBeDefined();
    // One session, by its handle: the oldest.
    expect(await endOwnSessions(db(), iqa!, { keepToken: keep, current: password, handle: listed[2]!.handle })).toEqual({ ok: true, ended: 1 });
    expect(await getSession(db(), first.token)).toBeUndefined();
    expect(await getSession(db(), third.token)).toBeDefined();
    // The session in use cannot be ended by its own handle here.
    expect(await endOwnSessions(db(), iqa!, { keepToken: keep, current: password, handle: listed[1]!.handle })).toEqual({ ok: true, ended: 0 });

    const audits = await scalar(db(), "select count(*) from audit_log where action = 'member.sessions-end'");
    expect(await endOwnSessions(db(), iqa!, { keepToken: keep, current: password })).toEqual({ ok: true, ended: 2 });
    expect(await getSession(db(), third.token)).toBeUndefined();
    expect((await getSession(db(), keep))?.user.id).toBe(iqa!.userId);
    expect((await getSession(db(), bystander.token))?.user.id).toBe(learner1!.userId);
    expect(await listOwnSessions(db(), iqa!, { currentToken: keep })).toHaveLength(1);
    expect(await scalar(db(), "select count(*) from audit_log where action = 'member.sessions-end'")).toBe(audits + 1);
  });

  it("keeps at most MAX_SESSIONS_PER_PERSON sessions of one person: a sign-in past it ends the one used least recently", async () => {
    const { learner2, learner3 } = world.scopes;
    const start = new Date();
    const other = await createSession(db(), learner3!.userId, { now: at(start, -50) });
    const made = [];
    for (let i = 0; i < MAX_SESSIONS_PER_PERSON; i++) made.push(await createSession(db(), learner2!.userId, { now: at(start, -40 + i) }));
    expect(await scalar(db(), "select count(*) from sessions where user_id = ?", learner2!.userId)).toBe(MAX_SESSIONS_PER_PERSON);
    // The first session is used again: now the second is the one used least recently.
    expect(await getSession(db(), made[0]!.token, { now: at(start, -25) })).toBeDefined();
    const next = await createSession(db(), learner2!.userId, { now: at(start, -24) });
    const another = await createSession(db(), learner2!.userId, { now: at(start, -23) });
    expect(await scalar(db(), "select count(*) from sessions where user_id = ?", learner2!.userId)).toBe(MAX_SESSIONS_PER_PERSON);
    const alive = async (token: string) => (await getSession(db(), token, { now: at(start, -20) })) !== undefined;
    expect(await alive(made[1]!.token)).toBe(false);
    expect(await alive(made[2]!.token)).toBe(false);
    expect(await alive(made[0]!.token)).toBe(true);
    expect(await alive(made[3]!.token)).toBe(true);
    expect(await alive(next.token)).toBe(true);
    expect(await alive(another.token)).toBe(true);
    // Another person's sessions are theirs.
    expect(await alive(other.token)).toBe(true);
  });

  it("deletes idle sessions with the expired ones", async () => {
    const { eqa } = world.scopes;
    const now = new Date("2030-05-01T12:00:00Z");
    await createSession(db(), eqa!.userId, { now: at(now, -SESSION_IDLE_MS / MINUTE - 1) });
    const fresh = await createSession(db(), eqa!.userId, { now: at(now, -1) });
    expect(await scalar(db(), "select count(*) from sessions where user_id = ?", eqa!.userId)).toBe(2);
    await deleteExpiredSessions(db(), now);
    expect(await scalar(db(), "select count(*) from sessions where user_id = ?", eqa!.userId)).toBe(1);
    expect(await getSession(db(), fresh.token, { now })).toBeDefined();
  });
});
