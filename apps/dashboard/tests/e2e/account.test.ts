import { describe, expect, it, vi } from "vitest";
import { at, demoPerson, signIn, useServerAndBrowser } from "../support/browser.ts";

vi.setConfig({ testTimeout: 180_000 });

// A learner whose centre admin typed their first password changes it in a browser, from "Your account"
// in the header: a wrong current password is refused, the right one changes it, this browser stays
// signed in, another browser of theirs is signed out, and only the new password signs in afterwards.

const e2e = useServerAndBrowser();
const { errors, found } = e2e;

describe("a learner changes the password their centre admin gave them", () => {
  it("from Your account: refused with the wrong current password, changed with the right one, other browsers signed out, and signed out again from the session list", async () => {
    const { server } = e2e;
    const learner = demoPerson(server, "learner1@demo.ilm-forms.test");
    const next = "a password only I know";
    const here = await e2e.page();
    const there = await e2e.page();
    try {
      await signIn(there.page, server.url, learner);
      await signIn(here.page, server.url, learner);
      const { page } = here;
      await page.getByRole("link", { name: "Your account" }).click();
      await at(page, /\/account$/);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Your account");
      const sessions = page.getByRole("table", { name: "Your sessions" });
      expect(await sessions.locator("tbody tr").count()).toBe(2);
      expect(await sessions.innerText()).toContain("This browser");
      await e2e.check(page, "account");

      await page.getByLabel("Current password").fill("not my password");
      await page.getByLabel("New password", { exact: true }).fill(next);
      await page.getByLabel("The new password again").fill(next);
      await page.getByRole("button", { name: "Change the password" }).click();
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").innerText()).toContain("Your current password is not right");
      await e2e.check(page, "account, wrong current password");

      await page.getByLabel("Current password").fill(learner.password);
      await page.getByLabel("New password", { exact: true }).fill(next);
      await page.getByLabel("The new password again").fill(next);
      await page.getByRole("button", { name: "Change the password" }).click();
      await at(page, /\/account\?changed=1$/);
      expect(await page.getByRole("status").innerText()).toContain("Your password is changed");
      expect(await page.getByRole("table", { name: "Your sessions" }).locator("tbody tr").count()).toBe(1);

      // This browser goes on; the other one is signed out.
      await page.goto(`${server.url}/learner`);
      expect(new URL(page.url()).pathname).toBe("/learner");
      await there.page.goto(`${server.url}/learner`);
      expect(new URL(there.page.url()).pathname).toBe("/sign-in");

      // Only the new password signs in now.
      await there.page.getByLabel("Email address").fill(learner.email);
      await there.page.getByLabel("Password").fill(learner.password);
      await there.page.getByRole("button", { name: "Sign in" }).click();
      await there.page.getByRole("alert").waitFor();
      expect(await there.page.getByRole("alert").innerText()).toContain("The email address or the password is not right");
      await signIn(there.page, server.url, { email: learner.email, password: next });
      expect(new URL(there.page.url()).pathname).toBe("/learner");

      // From this browser, with the password typed again, the other browser is signed out.
      await page.goto(`${server.url}/account`);
      await at(page, /\/account$/);
      await page.getByLabel("Your password", { exact: true }).fill(next);
      await page.getByRole("button", { name: "Sign out everywhere else" }).click();
      await page.getByText("You are signed out everywhere else: 1 other session ended.").waitFor();
      await there.page.goto(`${server.url}/learner`);
      expect(new URL(there.page.url()).pathname).toBe("/sign-in");
    } finally {
      await here.context.close();
      await there.context.close();
    }
    expect(found.axe).toEqual({ account: [], "account, wrong current password": [] });
    expect(found.sideways).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("tells the centre admin where the person changes their first password", async () => {
    const admin = [...e2e.server.signIns.values()].find((p) => p.role === "centre_admin")!;
    await e2e.as(admin.email, async (page) => {
      await page.goto(`${e2e.server.url}/admin`);
      expect(await page.locator("#member-password-hint").innerText()).toContain("change it under “Your account”");
      await e2e.check(page, "admin");
    });
    e2e.expectClean();
  });
});
