import { deleteSession, openPasswordReset, signIn, usePasswordReset, type Db } from "@ilm-forms/db";

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
