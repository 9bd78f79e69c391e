import { describe, expect, it } from 'vitest';
import { contactCoverage } from './contact.coverage';

type Role = Parameters<typeof contactCoverage>[0][number]['role'];
const people = (...roles: Role[]) => roles.map((role) => ({ role }));

describe('contactCoverage (METHOD G4)', () => {
  it('judges only Green Circle accounts', () => {
    expect(contactCoverage(people('user'), 'transactional')).toBeNull();
    expect(contactCoverage([], null)).toBeNull();
  });

  it('calls one contact single-threaded, two or three under-covered, 4 to 11 covered, more over', () => {
    const state = (n: number) => contactCoverage(people(...Array<Role>(n).fill('user')), 'green')?.state;
    expect(state(0)).toBe('none');
    expect(state(1)).toBe('single');
    expect(state(3)).toBe('under');
    expect(state(4)).toBe('covered');
    expect(state(11)).toBe('covered');
    expect(state(12)).toBe('over');
  });

  it('names the key roles nobody holds yet', () => {
    const result = contactCoverage(people('decision_maker', 'champion', 'influencer', 'user'), 'green');
    expect(result).toEqual({ state: 'covered', missingRoles: ['gatekeeper'] });
  });
});
