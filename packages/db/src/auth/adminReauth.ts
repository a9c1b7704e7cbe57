import type { Db } from "../client.ts";
import type { Scope } from "../access/scope.ts";
import { writeTransaction } from "../access/transaction.ts";
import { appendAudit } from "../audit/appendAudit.ts";
import { nowIso } from "../util/ids.ts";
import { tryCurrentPassword } from "./currentPassword.ts";

/** A sign-in this recent counts as re-authentication: the admin typed their password minutes ago (decision 073). */
export const REAUTH_FRESH_SIGN_IN_MS = 5 * 60 * 1000;

/** What an admin re-authenticates for: another person's e-mail address, or a link to set their password. */
export type AdminReauthPurpose = "email-change" | "reset-link";

/** What {@link reauthenticateAdmin} answers. */
export type AdminReauthResult =
  | { ok: true; how: "password" | "recent-sign-in" }
  | { ok: false; reason: "password-needed" | "wrong-current" | "rate-limited" | "forbidden" | "not-found" };

/**
 * Re-authenticates a centre admin before a change to how another person signs in (ASVS 7.5.1): their
 * e-mail address, or a link to set a new password. The admin types their own password again, counted
 * against the tries of the current password ({@link tryCurrentPassword}: 5 a quarter of an hour, before
 * argon2 runs); a sign-in within {@link REAUTH_FRESH_SIGN_IN_MS} counts as one. Each try, and each
 * change let through by a recent sign-in, is audited (`member.reauthenticate`, never the password).
 *
 * @param db - the connection
 * @param scope - the admin
 * @param input - the password as typed (empty or undefined: none), when the admin's session started, the
 *   purpose and the person it is for, `now` (tests)
 * @returns how the admin was re-authenticated, or why not (nothing is changed then)
 */
export async function reauthenticateAdmin(
  db: Db,
  scope: Scope,
  input: { password: string | undefined; signedInAt: string; purpose: AdminReauthPurpose; targetUserId: string; now?: Date },
): Promise<AdminReauthResult> {
  if (scope.role !== "centre_admin") return { ok: false, reason: "forbidden" };
  const now = input.now ?? new Date();
  let result: AdminReauthResult;
  if (!input.password) {
    if (input.signedInAt <= nowIso(new Date(now.getTime() - REAUTH_FRESH_SIGN_IN_MS))) return { ok: false, reason: "password-needed" };
    result = { ok: true, how: "recent-sign-in" };
  } else {
    const check = await tryCurrentPassword(db, scope, input.password, now);
    result = check.ok ? { ok: true, how: "password" } : { ok: false, reason: check.reason };
  }
  await writeTransaction(db, () =>
    appendAudit(db, {
      centreId: scope.centreId,
      actorUserId: scope.userId,
      action: "member.reauthenticate",
      entityType: "user",
      entityId: input.targetUserId,
      after: { purpose: input.purpose, outcome: result.ok ? result.how : result.reason },
    }),
  );
  return result;
}
