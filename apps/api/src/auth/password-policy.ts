import common from './common-passwords.json';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// Loaded once, with the module: about five thousand entries, compared in lower case.
const COMMON = new Set(common.passwords);

/**
 * Why a new password is refused, in words a person can act on (empty when it is acceptable): length
 * in characters (not bytes), not the username or a variation on it, not one of the common passwords.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`a password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`a password may have at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  // A short username would match inside too many good passwords; it is then refused only as a whole.
  if (name.length >= 4 ? lower.includes(name) : lower === name)
    problems.push('a password must not contain the username');
  if (COMMON.has(lower) || COMMON.has(lower.trim())) problems.push('this password is too common; choose another');
  if (/^(.)\1*$/su.test(password)) problems.push('a password must not be one character repeated');
  return problems;
}
