import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { memberships } from "../schema/people.ts";
import { run } from "../access/engine.ts";
import { createWorld, type World } from "../test/world.ts";
import { listAuditEntries } from "./audit.ts";
import { apiTokenScope, issueCentreApiToken } from "./centres.ts";
import { createDocument } from "./documents.ts";
import { addMember } from "./people.ts";

describe("portal API tokens", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;

  it("act as the admin who issued them, so the audit log names that person, and stop when they are no longer an admin", async () => {
    const { admin, learner1, assessor1 } = world.scopes;
    const added = await addMember(db(), admin!, { email: "second.admin@demo.ilm-forms.test", name: "Second Admin", password: "a long enough password 1", role: "centre_admin" });
    if (!added.ok) throw new Error("could not add the second admin");
    const second = { userId: added.userId, centreId: admin!.centreId, role: "centre_admin" as const };

    expect((await issueCentreApiToken(db(), assessor1!))).toEqual({ ok: false, reason: "forbidden" });
    const issued = (await issueCentreApiToken(db(), second));
    if (!issued.ok) throw new Error("not issued");
    const scope = (await apiTokenScope(db(), issued.token));
    expect(scope).toEqual({ userId: second.userId, centreId: admin!.centreId, role: "centre_admin" });
    expect((await apiTokenScope(db(), "not-the-token-at-all-0123456789"))).toBeUndefined();

    const created = (await createDocument(db(), scope!, { learnerId: learner1!.learnerId!, templateId: "ilm-8588/session-record", data: { clientRef: "Client 1", sessionNo: 91, sessionDate: "2026-05-03", duration: 1 } }));
    expect(created.ok).toBe(true);
    const entry = (await listAuditEntries(db(), admin!, { limit: 1 }))[0]!;
    expect([entry.action, entry.actorUserId]).toEqual(["document.create", second.userId]);

    // Only the newest token works, and only while its issuer is an admin of the centre.
    const reissued = (await issueCentreApiToken(db(), admin!));
    if (!reissued.ok) throw new Error("not reissued");
    expect((await apiTokenScope(db(), issued.token))).toBeUndefined();
    expect((await apiTokenScope(db(), reissued.token))?.userId).toBe(admin!.userId);
    const again = (await issueCentreApiToken(db(), second));
    if (!again.ok) throw new Error("not issued again");
    await run(world.database.db, world.database.db.update(memberships).set({ role: "assessor" }).where(eq(memberships.userId, second.userId)));
    expect((await apiTokenScope(db(), again.token))).toBeUndefined();
  });
});
