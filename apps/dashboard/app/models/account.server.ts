export { SESSION_IDLE_MS } from "@ilm-forms/db";
import { changePassword, deleteSession, endOwnSessions, listOwnSessions, openPasswordReset, signIn, signInRefusalCause, usePasswordReset, type Db, type Scope } from "@ilm-forms/db";

/**
 * Signs a person in with their e-mail address and password, ending the session they came with.
 *
 * @param db - the connection
 * @param input - what the sign-in form gave, the caller's address (rate limit) and the session cookie they came with
 * @returns the new session (token, expiry, scope), or why it was refused
 */
export function signInWithPassword(db: Db, input: Parameters<typeof signIn>[1]) {
  return signIn(db, input);
}

/**
 * Why a sign-in was refused as invalid (unknown e-mail, deactivated, wrong password), for the security log only.
 *
 * @param db - the connection
 * @param email - the address as typed
 * @returns the cause
 */
export function signInRefusal(db: Db, email: string) {
  return signInRefusalCause(db, email);
}

/**
 * Ends the session of this cookie's token (signing out); nothing happens without one.
 *
 * @param db - the connection
 * @param token - the session cookie's token
 */
export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, token);
}

/**
 * Who a one-time link to set a password is for, while it is valid.
 *
 * @param db - the connection
 * @param token - the link's token
 * @returns the person's name, or undefined for an unknown, used or expired link
 */
export async function passwordResetName(db: Db, token: string): Promise<string | undefined> {
  return (await openPasswordReset(db, token))?.name;
}

/**
 * Sets a new password through a one-time link (the link is used up, the person's sessions end).
 *
 * @param db - the connection
 * @param token - the link's token
 * @param password - the new password
 * @returns ok, or why not (a weak password with its message, or an invalid link)
 */
export function setPasswordWithLink(db: Db, token: string, password: string) {
  return usePasswordReset(db, token, password);
}

/**
 * A signed-in person changes their own password: checked, rate-limited, every other session ended and
 * this one replaced by a new one (see db's `changePassword`).
 *
 * @param db - the connection
 * @param scope - the person
 * @param change - the current and new passwords as typed, and the session in use
 * @returns the new session (token, expiry) and how many other sessions ended, or why nothing changed
 */
export function changeOwnPassword(db: Db, scope: Scope, change: { current: string; next: string; sessionToken: string }) {
  return changePassword(db, scope, change);
}

/**
 * The person's live sessions for the account page: when each started, was last used and ends, and
 * which is this browser's. No token or id leaves the server.
 *
 * @param db - the connection
 * @param scope - the person
 * @param sessionToken - this browser's session
 * @param idleMs - the configured idle limit
 * @returns the sessions, newest first
 */
export function ownSessions(db: Db, scope: Scope, sessionToken: string, idleMs: number | undefined) {
  return listOwnSessions(db, scope, { currentToken: sessionToken, ...(idleMs ? { idleMs } : {}) });
}

/**
 * Signs out one of the person's other sessions, or all of them but this browser's, once they have
 * typed their password again.
 *
 * @param db - the connection
 * @param scope - the person
 * @param request - this browser's session (which goes on), the password as typed, the session's handle (all others without one)
 * @returns how many sessions ended, or why none did
 */
export function signOutElsewhere(db: Db, scope: Scope, request: { keepToken: string; current: string; handle?: string }) {
  return endOwnSessions(db, scope, request);
}
