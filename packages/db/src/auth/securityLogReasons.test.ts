import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { createSession, deleteSession, sessionEndReason, SESSION_IDLE_MS, SESSION_TTL_MS } from "./sessions.ts";
import { signInRefusalCause } from "./signIn.ts";

// The reasons the dashboard's security log gives (decision 067): why a cookie's session no longer
// answers, and why a sign-in refused as "invalid" was refused. Neither is ever shown to the person.
describe("reasons for the security log", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("says a session ended idle, expired, with its person deactivated, or ended (gone or never issued)", async () => {
    const start = new Date("2030-05-01T08:00:00Z");
    const { assessor1, learner2 } = world.scopes;
    const session = await createSession(db(), assessor1!.userId, { now: start });
    expect(await sessionEndReason(db(), session.token, { now: new Date(start.getTime() + SESSION_IDLE_MS + 60_000) })).toBe("idle");
    expect(await sessionEndReason(db(), session.token, { now: new Date(start.getTime() + 31 * 60_000), idleMs: 30 * 60_000 })).toBe("idle");
    expect(await sessionEndReason(db(), session.token, { now: new Date(start.getTime() + SESSION_TTL_MS), idleMs: SESSION_TTL_MS * 2 })).toBe("expired");
    await deleteSession(db(), session.token);
    expect(await sessionEndReason(db(), session.token, { now: start })).toBe("ended");
    expect(await sessionEndReason(db(), "never-issued-token-of-some-length", { now: start })).toBe("ended");
    const other = await createSession(db(), learner2!.userId, { now: start });
    await rows(db(), "update users set deactivated_at = ? where id = ?", start.toISOString(), learner2!.userId);
    expect(await sessionEndReason(db(), other.token, { now: start })).toBe("deactivated");
  });

  it("says a refused sign-in's address is unknown, every account with it deactivated, or the password wrong", async () => {
    const email = async (userId: string) => (await rows<{ email: string }>(db(), "select email from users where id = ?", userId))[0]!.email;
    const { assessor2, learner3 } = world.scopes;
    expect(await signInRefusalCause(db(), "nobody-at-all@example.org")).toBe("unknown-email");
    expect(await signInRefusalCause(db(), `  ${(await email(assessor2!.userId)).toUpperCase()} `)).toBe("wrong-password");
    await rows(db(), "update users set deactivated_at = ? where id = ?", new Date().toISOString(), learner3!.userId);
    expect(await signInRefusalCause(db(), await email(learner3!.userId))).toBe("deactivated");
  });
});
