import { issueCentreApiToken } from "@ilm-forms/db";
import { describe, expect, it, vi } from "vitest";
import { scalar } from "../support/database.ts";
import { Client } from "../reliability/support/http.ts";
import { useWorldServer } from "../reliability/support/world.ts";

vi.setConfig({ testTimeout: 180_000 });

// The portal's API token on the admin's page (decision 071): a lifetime chosen at issue, its expiry and
// last use shown, revocation; an expired or revoked token is refused with 401.

const t = useWorldServer();

/** The text of the page's token section, without tags. */
const tokenSection = (html: string) => html.slice(html.indexOf('id="api-token"')).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the API token on the admin's page", () => {
  it("issues a token for the lifetime the admin chooses, shows its expiry and last use, and revokes it so the portal is refused", async () => {
    const admin = await new Client(t.server.url).signIn(t.world.demo.admin!.email, t.world.demo.admin!.password);
    const docPath = `/api/v1/documents/${t.world.records.demoL1OpenDoc}`;

    // A lifetime outside the list: refused, and the old token still works.
    const odd = await admin.request("/admin", { form: { intent: "api-token", confirm: "yes", days: "1000" } });
    expect(odd.text).toContain("Choose how long the token works from the list");
    expect((await new Client(t.server.url, { Authorization: `Bearer ${t.world.apiToken}` }).request(docPath)).status).toBe(200);

    const before = Date.now();
    const issued = await admin.request("/admin", { form: { intent: "api-token", confirm: "yes", days: "30" } });
    expect(issued.status).toBe(200);
    const token = /<code>([A-Za-z0-9_-]{40,})<\/code>/.exec(issued.text)?.[1];
    expect(token).toBeDefined();
    const expiry = new Date(before + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect(tokenSection(issued.text)).toContain(`It works until ${expiry}`);
    const page = tokenSection((await admin.request("/admin")).text);
    expect(page).toMatch(new RegExp(`Expires ${expiry} \\d\\d:\\d\\d UTC`));
    expect(page).toContain("Last used Not yet");
    expect(await scalar<string>(t.database, "select api_token_expires_at from centres where id = ?", t.world.demo.admin!.centreId)).toMatch(new RegExp(`^${expiry}T`));

    // The old token stopped working; the new one works, and its use is shown.
    expect((await new Client(t.server.url, { Authorization: `Bearer ${t.world.apiToken}` }).request(docPath)).status).toBe(401);
    const portal = new Client(t.server.url, { Authorization: `Bearer ${token}` });
    expect((await portal.request(docPath)).status).toBe(200);
    expect(tokenSection((await admin.request("/admin")).text)).toMatch(new RegExp(`Last used ${new Date().toISOString().slice(0, 10)} \\d\\d:\\d\\d UTC`));

    // Revoking needs the confirmation; then the portal is refused, and it is audited.
    expect((await admin.request("/admin", { form: { intent: "revoke-api-token" } })).text).toContain("Confirm that the portal&#x27;s token stops working now");
    expect((await portal.request(docPath)).status).toBe(200);
    const revoked = await admin.request("/admin", { form: { intent: "revoke-api-token", confirm: "yes" } });
    expect(revoked.text).toContain("The API token is revoked");
    const refused = await portal.request(docPath);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain("A token works until the expiry its admin chose, or until it is revoked or replaced");
    expect(tokenSection((await admin.request("/admin")).text)).toContain("Your centre has no API token.");
    expect(await scalar(t.database, "select count(*) from audit_log where action = 'centre.api-token.revoke' and actor_user_id = ?", t.world.demo.admin!.userId)).toBe(1);
  });

  it("refuses a token past its expiry with 401, on the document and the evidence-file routes alike", async () => {
    const issued = await issueCentreApiToken(t.database.db, t.world.other.admin!.scope, { days: 1, now: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) });
    if (!issued.ok) throw new Error("not issued");
    const portal = new Client(t.server.url, { Authorization: `Bearer ${issued.token}` });
    expect((await portal.request(`/api/v1/documents/${t.world.records.otherL1Doc}`)).status).toBe(401);
    expect((await portal.request(`/api/v1/attachments/${t.world.records.otherL1Attachment}`)).status).toBe(401);
  });

  it("lets only a centre admin revoke the token", async () => {
    const learner = await new Client(t.server.url).signIn(t.world.demo.learner1!.email, t.world.demo.learner1!.password);
    const issued = await issueCentreApiToken(t.database.db, t.world.demo.admin!.scope, { days: 30 });
    if (!issued.ok) throw new Error("not issued");
    const hash = await scalar<string | null>(t.database, "select api_token_hash from centres where id = ?", t.world.demo.admin!.centreId);
    expect(hash).not.toBeNull();
    expect((await learner.request("/admin", { form: { intent: "revoke-api-token", confirm: "yes" } })).status).toBe(404);
    expect(await scalar<string | null>(t.database, "select api_token_hash from centres where id = ?", t.world.demo.admin!.centreId)).toBe(hash);
    expect((await new Client(t.server.url, { Authorization: `Bearer ${issued.token}` }).request(`/api/v1/documents/${t.world.records.demoL1OpenDoc}`)).status).toBe(200);
  });
});
