import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The common passwords new passwords are checked against (ASVS 6.2.4, decision 070): the ranked list of
 * `@zxcvbn-ts/language-common` (MIT; the password list zxcvbn and zxcvbn-ts estimate strength with,
 * drawn from leaked password corpora, most common first), 49,233 entries, far more than the top 3000
 * ASVS asks for. Built on first use, compared in lower case (the list is lower case, so "Password1" is
 * as common as "password1").
 */
let common: Set<string> | undefined;

/** How many passwords the list holds (for messages and documentation). */
export const COMMON_PASSWORD_COUNT = dictionary.passwords.length;

/**
 * Whether a password is in the list of common passwords.
 *
 * @param password - the candidate, as typed
 * @returns true when it is (ignoring case)
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary.passwords);
  return common.has(password.toLowerCase());
}
