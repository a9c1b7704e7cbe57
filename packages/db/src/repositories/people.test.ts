import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../auth/signIn.ts";
import { createWorld, type World } from "../test/world.ts";
import { addMember, listMembers, setMemberActive } from "./people.ts";
import { getSession } from "../auth/sessions.ts";

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
    expect(listMembers(db(), world.otherScopes.admin!).filter((m) => m.email === theirs.email)).toHaveLength(1);
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
    const documents = world.database.sqlite.prepare("select count(*) from documents where learner_id = ?").pluck().get(world.scopes.learner5!.learnerId) as number;
    expect(setMemberActive(db(), world.scopes.learner5!, { userId: signedIn.user.id, active: false })).toEqual({ ok: false, reason: "forbidden" });
    expect(setMemberActive(db(), world.scopes.admin!, { userId: world.scopes.admin!.userId, active: false })).toEqual({ ok: false, reason: "self" });
    expect(setMemberActive(db(), world.otherScopes.admin!, { userId: signedIn.user.id, active: false })).toEqual({ ok: false, reason: "not-found" });
    expect(setMemberActive(db(), world.scopes.admin!, { userId: signedIn.user.id, active: false })).toEqual({ ok: true });
    expect(getSession(db(), signedIn.token)).toBeUndefined();
    expect(await signIn(db(), { email: person.email, password: person.password, ip: "10.2.2.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(world.database.sqlite.prepare("select count(*) from documents where learner_id = ?").pluck().get(world.scopes.learner5!.learnerId)).toBe(documents);
    expect(listMembers(db(), world.scopes.admin!).find((m) => m.userId === signedIn.user.id)?.deactivatedAt).toEqual(expect.any(String));
    expect(setMemberActive(db(), world.scopes.admin!, { userId: signedIn.user.id, active: true })).toEqual({ ok: true });
    expect((await signIn(db(), { email: person.email, password: person.password, ip: "10.2.2.1" })).ok).toBe(true);
  });
});
