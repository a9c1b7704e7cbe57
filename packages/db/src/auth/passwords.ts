import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./commonPasswords.ts";

/** The fewest characters a password may have. */
export const PASSWORD_MIN_LENGTH = 8;
/** The most characters a password may have: longer ones are refused, never truncated. */
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Checks a new password against the rules: at least 8 characters, at most 1024 (counted as
 * Unicode code points), and not one of the common passwords guessers try first (`isCommonPassword`,
 * decision 070). argon2 itself takes any length; the cap only bounds hashing work. Every new password
 * goes through here: the first admin's, a member's first one, one set by a reset link, one changed
 * under "Your account" (and `hashPassword`).
 *
 * @param password - the candidate
 * @returns a message to show, or undefined when the password is acceptable
 */
export function checkPasswordRules(password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `Password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (isCommonPassword(password)) {
    return `Password must not be a common password: this one is in a list of ${COMMON_PASSWORD_COUNT.toLocaleString("en-GB")} that guessers try first. Choose another, for example three or four unrelated words`;
  }
  return undefined;
}

/**
 * Hashes a password with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane).
 *
 * @param password - checked with {@link checkPasswordRules} first; a password breaking them throws
 * @returns the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`)
 */
export async function hashPassword(password: string): Promise<string> {
  const problem = checkPasswordRules(password);
  if (problem) throw new Error(problem);
  // @node-rs/argon2 defaults to argon2id (a test checks the PHC prefix).
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/**
 * Checks a password against a stored hash. Over-long input is refused without hashing it.
 *
 * @param passwordHash - the stored PHC string
 * @param password - what was typed
 * @returns true when it matches
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if ([...password].length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
