import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scalar } from "../test/database.ts";
import { createWorld, type World } from "../test/world.ts";
import { addMember, createCentreWithAdmin } from "../repositories/people.ts";
import { createPasswordReset, usePasswordReset } from "../repositories/passwordResets.ts";
import { changePassword } from "./changePassword.ts";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./commonPasswords.ts";
import { checkPasswordRules } from "./passwords.ts";
import { signIn } from "./signIn.ts";

// ASVS 6.2.4: every new password is checked against a list of common passwords (decision 070).
const RULE = /^Password must not be a common password: this one is in a list of 49,233 that guessers try first/;

describe("common passwords", () => {
  it("checks against the 49,233 passwords of @zxcvbn-ts/language-common, ignoring case, and accepts an uncommon one", () => {
    expect(COMMON_PASSWORD_COUNT).toBe(49_233);
    for (const common of ["password", "12345678", "qwertyuiop", "iloveyou", "Password1", "PASSWORD123", "letmein1", "football"]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(checkPasswordRules(common), common).toMatch(RULE);
    }
    for (const uncommon of ["n8wq2vlp", "correct horse battery staple", "Tide-lantern-49-orchard"]) {
      expect(isCommonPassword(uncommon), uncommon).toBe(false);
      expect(checkPasswordRules(uncommon), uncommon).toBeUndefined();
    }
    // Length is still checked first: a short common password gets the length rule.
    expect(checkPasswordRules("123456")).toBe("Password must be at least 8 characters");
  });

  describe("wherever a new password is set", () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld();
    });
    afterAll(() => world.cleanup());
    const db = () => world.database.db;
    const person = (local: string) => world.demo.signIns.find((s) => s.email.startsWith(`${local}@`))!;
    const hashOf = (userId: string) => scalar<string>(db(), "select password_hash from users where id = ?", userId);

    it("refuses a common password for the first admin, a new member, a reset link and a change under Your account, naming the field and the rule, and stores nothing", async () => {
      const centres = await scalar(db(), "select count(*) from centres");
      const users = await scalar(db(), "select count(*) from users");
      const audits = await scalar(db(), "select count(*) from audit_log");

      // The first admin of a new centre.
      const first = await createCentreWithAdmin(db(), { centreName: "Common Centre", admin: { email: "first@common.test", name: "First Admin", password: "password123" } });
      expect(first).toMatchObject({ ok: false, reason: "weak-password", message: expect.stringMatching(RULE) });
      // A member the admin adds with a first password.
      const added = await addMember(db(), world.scopes.admin!, { email: "new@demo.test", name: "New Person", password: "Qwerty123", role: "assessor" });
      expect(added).toMatchObject({ ok: false, reason: "weak-password", message: expect.stringMatching(RULE) });
      expect(await scalar(db(), "select count(*) from centres")).toBe(centres);
      expect(await scalar(db(), "select count(*) from users")).toBe(users);
      expect(await scalar(db(), "select count(*) from audit_log")).toBe(audits);

      // A reset link: refused, the link stays open, the password is unchanged; an uncommon one then works.
      const learner = world.scopes.learner1!;
      const hash = await hashOf(learner.userId);
      const link = await createPasswordReset(db(), world.scopes.admin!, learner.userId);
      if (!link.ok) throw new Error("no link");
      expect(await usePasswordReset(db(), link.token, "sunshine1")).toMatchObject({ ok: false, reason: "weak-password", message: expect.stringMatching(RULE) });
      expect(await hashOf(learner.userId)).toBe(hash);
      expect(await usePasswordReset(db(), link.token, "Tide-lantern-49-orchard")).toMatchObject({ ok: true });

      // Under "Your account".
      const signedIn = await signIn(db(), { email: person("learner2").email, password: person("learner2").password, ip: "10.9.0.1" });
      if (!signedIn.ok) throw new Error("learner2 cannot sign in");
      const before = await hashOf(signedIn.user.id);
      expect(await changePassword(db(), signedIn.scope, { current: person("learner2").password, next: "trustno1", sessionToken: signedIn.token })).toMatchObject({
        ok: false,
        reason: "weak-password",
        message: expect.stringMatching(RULE),
      });
      expect(await hashOf(signedIn.user.id)).toBe(before);
    });
  });
});
