import { describe, expect, it, vi } from "vitest";
import { row, rows, scalar } from "../support/database.ts";
import { Client } from "../reliability/support/http.ts";
import { type Person, useWorldServer } from "../reliability/support/world.ts";

vi.setConfig({ testTimeout: 180_000 });

// ASVS 7.5.1 over HTTP (decision 073): a centre admin types their own password again before changing
// another person's e-mail address or making a link to set their password, unless they signed in within
// the last 5 minutes; the tries are limited and every outcome is audited.

const t = useWorldServer();

/** An admin whose sign-in was 10 minutes ago (the session's start moved back): not recent. */
async function staleAdmin(admin: Person): Promise<Client> {
  const client = await new Client(t.server.url).signIn(admin.email, admin.password);
  await rows(t.database, "update sessions set created_at = ? where user_id = ?", new Date(Date.now() - 10 * 60 * 1000).toISOString(), admin.userId);
  return client;
}

const emailOf = async (userId: string) => (await row<{ email: string }>(t.database, "select email from users where id = ?", userId))!.email;
/** The outcomes of the admin's re-authentications, oldest first. */
const outcomes = async (adminUserId: string) =>
  (await rows<{ after: string }>(t.database, `select "after" from audit_log where action = 'member.reauthenticate' and actor_user_id = ? order by seq`, adminUserId)).map((r) => JSON.parse(r.after) as { purpose: string; outcome: string });

describe("re-authentication of a centre admin", () => {
  it("asks an admin who signed in more than 5 minutes ago for their own password before changing another person's e-mail address, audited", async () => {
    const adminPerson = t.world.demo.admin!;
    const admin = await staleAdmin(adminPerson);
    const learner = t.world.demo.learner1!;
    const edit = (form: Record<string, string>) => admin.request("/admin", { form: { intent: "edit-member", userId: learner.userId, name: learner.name, ...form } });

    const asked = await edit({ email: "new-address@demo.ilm-forms.test" });
    expect(asked.text).toContain("Type your own password to change someone’s e-mail address: you signed in more than 5 minutes ago");
    expect(asked.text).toContain(`href="#edit-password-${learner.userId}"`);
    expect(await emailOf(learner.userId)).toBe(learner.email);

    const wrong = await edit({ email: "new-address@demo.ilm-forms.test", adminPassword: "not-my-password" });
    expect(wrong.text).toContain("Your password is not right");
    expect(await emailOf(learner.userId)).toBe(learner.email);

    // The name alone: no password needed, nothing to re-authenticate.
    expect((await edit({ email: learner.email, name: `${learner.name} Jr` })).text).toContain("details are saved");

    const done = await edit({ email: "new-address@demo.ilm-forms.test", adminPassword: adminPerson.password });
    expect(done.text).toContain("details are saved");
    expect(await emailOf(learner.userId)).toBe("new-address@demo.ilm-forms.test");
    expect(await outcomes(adminPerson.userId)).toEqual([
      { purpose: "email-change", outcome: "wrong-current" },
      { purpose: "email-change", outcome: "password" },
    ]);
    expect(await scalar(t.database, `select count(*) from audit_log where "after" like ?`, `%${adminPerson.password}%`)).toBe(0);
  });

  it("asks for it before making a link to set another person's password, and takes a sign-in of the last 5 minutes instead", async () => {
    const adminPerson = t.world.demo.admin!;
    const learner = t.world.demo.learner2!;
    const before = (await outcomes(adminPerson.userId)).length;
    const stale = await staleAdmin(adminPerson);
    const link = (client: Client, form: Record<string, string> = {}) => client.request("/admin", { form: { intent: "reset-password", userId: learner.userId, ...form } });
    const links = () => scalar(t.database, "select count(*) from password_resets where user_id = ?", learner.userId);

    const asked = await link(stale);
    expect(asked.text).toContain("Type your own password to make a link to set someone’s password: you signed in more than 5 minutes ago");
    expect(asked.text).not.toContain("/reset-password/");
    expect(await links()).toBe(0);
    const made = await link(stale, { adminPassword: adminPerson.password });
    expect(made.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}/);
    expect(await links()).toBe(1);

    // Signed in just now: the sign-in is the re-authentication, and it is audited as such.
    const fresh = await new Client(t.server.url).signIn(adminPerson.email, adminPerson.password);
    expect((await link(fresh)).text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}/);
    expect((await outcomes(adminPerson.userId)).slice(before)).toEqual([
      { purpose: "reset-link", outcome: "password" },
      { purpose: "reset-link", outcome: "recent-sign-in" },
    ]);
  });

  it("refuses the admin's password after 5 wrong tries in a quarter of an hour with a 429, even the right one, and changes nothing", async () => {
    const adminPerson = t.world.other.admin!;
    const admin = await staleAdmin(adminPerson);
    const learner = t.world.other.learner1!;
    const edit = (adminPassword: string) => admin.request("/admin", { form: { intent: "edit-member", userId: learner.userId, name: learner.name, email: "elsewhere@other.ilm-forms.test", adminPassword } });
    for (let i = 0; i < 5; i++) expect((await edit(`wrong-${i}`)).text, `try ${i + 1}`).toContain("Your password is not right");
    const refused = await edit(adminPerson.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("900");
    expect(refused.text).toContain("Too many tries of your password: wait 15 minutes and try again. Nothing was changed.");
    expect(await emailOf(learner.userId)).toBe(learner.email);
    expect((await outcomes(adminPerson.userId)).at(-1)).toEqual({ purpose: "email-change", outcome: "rate-limited" });
    // The security log names the refusal once (decision 067), and never the password typed.
    const logged = (await t.securityLog()).filter((entry) => entry.event === "rate-limit.refused");
    expect(logged).toEqual([expect.objectContaining({ limiter: "current-password", userId: adminPerson.userId, method: "POST", path: "/admin" })]);
    expect(t.server.output()).not.toContain(adminPerson.password);
  });
});
