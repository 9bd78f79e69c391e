import { describe, expect, it } from 'vitest';
import { canEditAccount } from './account.permissions';

const team = [{ userId: 7 }, { userId: 9 }];

describe('canEditAccount', () => {
  it('lets admins and managers edit every account, team or not', () => {
    expect(canEditAccount({ id: 1, role: 'admin' }, [])).toBe(true);
    expect(canEditAccount({ id: 1, role: 'manager' }, undefined)).toBe(true);
  });

  it('lets an account manager edit only an account whose team they are on', () => {
    expect(canEditAccount({ id: 9, role: 'account_manager' }, team)).toBe(true);
    expect(canEditAccount({ id: 8, role: 'account_manager' }, team)).toBe(false);
    expect(canEditAccount({ id: 9, role: 'account_manager' }, undefined)).toBe(false);
  });

  it('never lets a viewer edit, even one listed on the team', () => {
    expect(canEditAccount({ id: 7, role: 'viewer' }, team)).toBe(false);
  });
});
