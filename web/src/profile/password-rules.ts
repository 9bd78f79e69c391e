/**
 * The server's password rules (src/users/user.schema.ts passwordSchema), shown while typing. The web
 * app may not import server code at run time; password-rules.test.ts checks the two agree.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem =
  | { key: 'password.tooShort'; params: { min: number; length: number } }
  | { key: 'password.tooLong'; params: { max: number } }
  | { key: 'password.mismatch' };

/** What is wrong with a new password and its repetition, or null; the empty form is not yet wrong. */
export function newPasswordProblem(next: string, again: string): PasswordProblem | null {
  if (next.length < PASSWORD_MIN_LENGTH)
    return { key: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH, length: next.length } };
  if (next.length > PASSWORD_MAX_LENGTH)
    return { key: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } };
  if (again !== next) return { key: 'password.mismatch' };
  return null;
}
