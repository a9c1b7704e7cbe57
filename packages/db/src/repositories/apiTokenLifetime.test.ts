import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scalar } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { API_TOKEN_DEFAULT_DAYS, apiTokenScope, getCentre, issueCentreApiToken, recordApiTokenUse, revokeCentreApiToken } from "./centres.ts";

// The portal's API token (decision 071): it expires, the admin revokes it, its last use is recorded.
describe("the API token's lifetime", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.cleanup());
  const db = () => world.database.db;
  const DAY = 24 * 60 * 60 * 1000;

  it("works until the expiry the admin chose at issue, and the centre shows when it was issued and when it expires", async () => {
    const admin = world.scopes.admin!;
    const now = new Date("2026-03-01T09:00:00.000Z");
    const issued = await issueCentreApiToken(db(), admin, { days: 30, now });
    if (!issued.ok) throw new Error("not issued");
    expect(issued.expiresAt).toBe("2026-03-31T09:00:00.000Z");
    expect((await getCentre(db(), admin))?.apiToken).toEqual({ issuedAt: "2026-03-01T09:00:00.000Z", expiresAt: "2026-03-31T09:00:00.000Z", lastUsedAt: null });
    expect(await apiTokenScope(db(), issued.token, new Date("2026-03-31T08:59:59.000Z"))).toEqual({ userId: admin.userId, centreId: admin.centreId, role: "centre_admin" });
    expect(await apiTokenScope(db(), issued.token, new Date("2026-03-31T09:00:00.000Z"))).toBeUndefined();
    // Without a choice: the default lifetime.
    const plain = await issueCentreApiToken(db(), admin, { now });
    if (!plain.ok) throw new Error("not issued");
    expect(plain.expiresAt).toBe(new Date(now.getTime() + API_TOKEN_DEFAULT_DAYS * DAY).toISOString());
    expect(await apiTokenScope(db(), issued.token, now)).toBeUndefined(); // replaced
    const audit = JSON.parse(await scalar<string>(db(), `select "after" from audit_log where action = 'centre.api-token.issue' order by seq desc limit 1`)) as Record<string, unknown>;
    expect(audit).toEqual({ hasApiToken: true, issuedBy: admin.userId, expiresAt: plain.expiresAt });
  });

  it("refuses a lifetime that is not a whole number of days from 1 to 365, and issues nothing", async () => {
    const admin = world.scopes.admin!;
    const before = await scalar<string>(db(), "select api_token_hash from centres where id = ?", admin.centreId);
    for (const days of [0, -1, 366, 1.5, Number.NaN]) expect(await issueCentreApiToken(db(), admin, { days }), String(days)).toEqual({ ok: false, reason: "invalid-days" });
    expect(await scalar<string>(db(), "select api_token_hash from centres where id = ?", admin.centreId)).toBe(before);
    expect(await issueCentreApiToken(db(), world.scopes.assessor1!, { days: 30 })).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("records the last use at most once a minute", async () => {
    const admin = world.scopes.admin!;
    const t0 = new Date("2026-04-01T10:00:00.000Z");
    await recordApiTokenUse(db(), admin.centreId, t0);
    await recordApiTokenUse(db(), admin.centreId, new Date(t0.getTime() + 30_000));
    expect((await getCentre(db(), admin))?.apiToken?.lastUsedAt).toBe("2026-04-01T10:00:00.000Z");
    await recordApiTokenUse(db(), admin.centreId, new Date(t0.getTime() + 61_000));
    expect((await getCentre(db(), admin))?.apiToken?.lastUsedAt).toBe("2026-04-01T10:01:01.000Z");
  });

  it("is revoked by an admin: it stops working at once, the revocation is audited, and nobody else may revoke it", async () => {
    const admin = world.scopes.admin!;
    const issued = await issueCentreApiToken(db(), admin, { days: 7 });
    if (!issued.ok) throw new Error("not issued");
    expect(await revokeCentreApiToken(db(), world.scopes.assessor1!)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await apiTokenScope(db(), issued.token)).toBeDefined();
    expect(await revokeCentreApiToken(db(), admin)).toEqual({ ok: true, revoked: true });
    expect(await apiTokenScope(db(), issued.token)).toBeUndefined();
    expect(await getCentre(db(), admin)).toMatchObject({ hasApiToken: false, apiToken: null });
    expect(await scalar(db(), "select count(*) from audit_log where action = 'centre.api-token.revoke' and actor_user_id = ?", admin.userId)).toBe(1);
    // Again: nothing to revoke, nothing audited.
    expect(await revokeCentreApiToken(db(), admin)).toEqual({ ok: true, revoked: false });
    expect(await scalar(db(), "select count(*) from audit_log where action = 'centre.api-token.revoke'")).toBe(1);
    // Another centre's token is untouched.
    const other = await issueCentreApiToken(db(), world.otherScopes.admin!, { days: 7 });
    if (!other.ok) throw new Error("not issued");
    await revokeCentreApiToken(db(), admin);
    expect(await apiTokenScope(db(), other.token)).toMatchObject({ centreId: "other-centre" });
  });
});
