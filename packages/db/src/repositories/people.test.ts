import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../auth/signIn.ts";
import { createWorld, type World } from "../test/world.ts";
import { addMember, endMemberSessions, listMembers, setMemberActive } from "./people.ts";
import { getSession } from "../auth/sessions.ts";
import { scalar } from "../test/database.ts";

describe("people of a centre", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("tells an admin nothing about another centre's people: an email used there is added here as a new account", async () => {
    const theirs = world.other.signIns.find((s) => s.email.startsWith("learner1@"))!;
    const added = await addMember(db(), world.scopes.admin!, { email: theirs.email, name: "Same Address", password: "a-different-password", role: "learner", learnerNumber: "ILM-X" });
    expect(added.ok).toBe(true);
    // Taken in one's own centre is said plainly.
    expect(await addMember(db(), world.scopes.admin!, { email: theirs.email.toUpperCase(), name: "Again", password: "a-different-password", role: "learner" })).toEqual({ ok: false, reason: "email-taken" });
    // Each account signs in with its own password, in its own centre.
    const here = await signIn(db(), { email: theirs.email, password: "a-different-password", ip: "10.1.1.1" });
    const there = await signIn(db(), { email: theirs.email, password: theirs.password, ip: "10.1.1.2" });
    expect(here.ok && here.scope.centreId).toBe("demo-centre");
    expect(there.ok && there.scope.centreId).toBe("other-centre");
    expect(await signIn(db(), { email: theirs.email, password: "neither-of-them", ip: "10.1.1.3" })).toEqual({ ok: false, reason: "invalid" });
    expect((await listMembers(db(), world.otherScopes.admin!)).filter((m) => m.email === theirs.email)).toHaveLength(1);
  });
});

describe("deactivating a person", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("refuses their sign-in and ends their sessions, keeps their history, and can be undone", async () => {
    const person = world.demo.signIns.find((s) => s.email.startsWith("learner5@"))!;
    const signedIn = await signIn(db(), { email: person.email, password: person.password, ip: "10.2.2.1" });
    if (!signedIn.ok) throw new Error("no sign-in");
    const documents = await scalar(db(), "select count(*) from documents where learner_id = ?", world.scopes.learner5!.learnerId);
    expect((await setMemberActive(db(), world.scopes.learner5!, { userId: signedIn.user.id, active: false }))).toEqual({ ok: false, reason: "forbidden" });
    expect((await setMemberActive(db(), world.scopes.admin!, { userId: world.scopes.admin!.userId, active: false }))).toEqual({ ok: false, reason: "self" });
    expect((await setMemberActive(db(), world.otherScopes.admin!, { userId: signedIn.user.id, active: false }))).toEqual({ ok: false, reason: "not-found" });
    expect((await setMemberActive(db(), world.scopes.admin!, { userId: signedIn.user.id, active: false }))).toEqual({ ok: true });
    expect((await getSession(db(), signedIn.token))).toBeUndefined();
    expect(await signIn(db(), { email: person.email, password: person.password, ip: "10.2.2.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await scalar(db(), "select count(*) from documents where learner_id = ?", world.scopes.learner5!.learnerId)).toBe(documents);
    expect((await listMembers(db(), world.scopes.admin!)).find((m) => m.userId === signedIn.user.id)?.deactivatedAt).toEqual(expect.any(String));
    expect((await setMemberActive(db(), world.scopes.admin!, { userId: signedIn.user.id, active: true }))).toEqual({ ok: true });
    expect((await signIn(db(), { email: person.email, password: person.password, ip: "10.2.2.1" })).ok).toBe(true);
  });
});

describe("a centre admin signs a person out everywhere", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("ends every session of the person, audited, leaves other people's, and the person signs in again", async () => {
    const person = world.demo.signIns.find((s) => s.email.startsWith("learner4@"))!;
    const other = world.demo.signIns.find((s) => s.email.startsWith("learner3@"))!;
    const first = await signIn(db(), { email: person.email, password: person.password, ip: "10.3.3.1" });
    const second = await signIn(db(), { email: person.email, password: person.password, ip: "10.3.3.2" });
    const theirs = await signIn(db(), { email: other.email, password: other.password, ip: "10.3.3.3" });
    if (!first.ok || !second.ok || !theirs.ok) throw new Error("no sign-in");
    const userId = first.user.id;
    expect(await endMemberSessions(db(), world.scopes.learner4!, { userId })).toEqual({ ok: false, reason: "forbidden" });
    expect(await endMemberSessions(db(), world.scopes.assessor1!, { userId })).toEqual({ ok: false, reason: "forbidden" });
    expect(await endMemberSessions(db(), world.otherScopes.admin!, { userId })).toEqual({ ok: false, reason: "not-found" });
    expect(await endMemberSessions(db(), world.scopes.admin!, { userId: world.scopes.admin!.userId })).toEqual({ ok: false, reason: "self" });
    expect(await getSession(db(), first.token)).toBeDefined();
    expect(await endMemberSessions(db(), world.scopes.admin!, { userId })).toEqual({ ok: true, ended: 2 });
    expect(await getSession(db(), first.token)).toBeUndefined();
    expect(await getSession(db(), second.token)).toBeUndefined();
    expect(await getSession(db(), theirs.token)).toBeDefined();
    expect(await scalar(db(), "select count(*) from audit_log where action = 'member.sessions-end' and entity_id = ? and actor_user_id = ?", userId, world.scopes.admin!.userId)).toBe(1);
    expect((await signIn(db(), { email: person.email, password: person.password, ip: "10.3.3.1" })).ok).toBe(true);
  });
});
