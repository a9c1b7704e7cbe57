import { describe, expect, it, vi } from "vitest";
import { scalar } from "../support/database.ts";
import { Client } from "../reliability/support/http.ts";
import { useWorldServer } from "../reliability/support/world.ts";

vi.setConfig({ testTimeout: 180_000 });

// ASVS 6.2.4 over HTTP: a new password in the list of common passwords (decision 070) is refused on
// every page that sets one, with a message naming the field and the rule, and nothing changes.

const t = useWorldServer();

const RULE = "Password must not be a common password: this one is in a list of 49,233 that guessers try first. Choose another, for example three or four unrelated words";
const hashOf = (userId: string) => scalar<string>(t.database, "select password_hash from users where id = ?", userId);

describe("common passwords on the pages", () => {
  it("refuses a common new password under Your account, through a reset link and as a new member's first password, naming the field and the rule", async () => {
    // Your account.
    const l1 = t.world.demo.learner1!;
    const learner = await new Client(t.server.url).signIn(l1.email, l1.password);
    const hash = await hashOf(l1.userId);
    const changed = await learner.request("/account", { form: { intent: "change-password", current: l1.password, password: "Password1", again: "Password1" } });
    expect(changed.text).toContain(RULE);
    expect(changed.text).toContain('href="#password"');
    expect(await hashOf(l1.userId)).toBe(hash);

    // A reset link the admin made: refused, the link still works with an uncommon password.
    const admin = await new Client(t.server.url).signIn(t.world.demo.admin!.email, t.world.demo.admin!.password);
    const l2 = t.world.demo.learner2!;
    const made = await admin.request("/admin", { form: { intent: "reset-password", userId: l2.userId } });
    const link = /\/reset-password\/([A-Za-z0-9_-]{40,})/.exec(made.text)?.[1];
    expect(link).toBeDefined();
    const visitor = new Client(t.server.url);
    const l2Hash = await hashOf(l2.userId);
    const refused = await visitor.request(`/reset-password/${link}`, { form: { password: "letmein1", again: "letmein1" } });
    expect(refused.text).toContain(RULE);
    expect(await hashOf(l2.userId)).toBe(l2Hash);
    const accepted = await visitor.request(`/reset-password/${link}`, { form: { password: "tide lantern orchard 49", again: "tide lantern orchard 49" } });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/sign-in?reset=1");
    expect(await hashOf(l2.userId)).not.toBe(l2Hash);

    // A member the admin adds with a first password: not added.
    const users = await scalar(t.database, "select count(*) from users");
    const added = await admin.request("/admin", { form: { intent: "add-member", name: "Common Person", email: "common@demo.test", password: "football", role: "assessor" } });
    expect(added.text).toContain(RULE);
    expect(added.text).toContain('href="#member-password"');
    expect(await scalar(t.database, "select count(*) from users")).toBe(users);
  });
});
