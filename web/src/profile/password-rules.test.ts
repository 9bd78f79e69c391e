import { describe, expect, it } from 'vitest';
import { passwordSchema } from '../../../src/users/user.schema';
import { newPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';

describe('password rules', () => {
  it('are the server’s: the longest refused and the shortest accepted lengths agree', () => {
    expect(passwordSchema.safeParse('x'.repeat(PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(PASSWORD_MAX_LENGTH + 1)).success).toBe(false);
  });

  it('says what is wrong with a new password and its repetition', () => {
    expect(newPasswordProblem('short', 'short')).toEqual({
      key: 'password.tooShort',
      params: { min: 10, length: 5 },
    });
    expect(newPasswordProblem('x'.repeat(201), 'x'.repeat(201))).toMatchObject({ key: 'password.tooLong' });
    expect(newPasswordProblem('correct horse', 'correct house')).toEqual({ key: 'password.mismatch' });
    expect(newPasswordProblem('correct horse', 'correct horse')).toBeNull();
  });
});
