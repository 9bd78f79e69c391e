import type { Contact } from '../api/types';

export type CoverageState = 'none' | 'single' | 'under' | 'covered' | 'over';

/** The roles METHOD G4 wants known at a Green Circle account. */
export const KEY_ROLES = ['decision_maker', 'influencer', 'gatekeeper'] as const;
export const MIN_CONTACTS = 4;
export const MAX_CONTACTS = 11;

/**
 * METHOD G4: a Green Circle account needs 4 to 11 known contacts, among them decision makers,
 * influencers and gatekeepers; one contact is single-threaded, the most dangerous state. Other
 * accounts are not held to this, so they get no verdict.
 */
export function contactCoverage(
  contacts: readonly Pick<Contact, 'role'>[],
  tier: 'green' | 'transactional' | null,
): { state: CoverageState; missingRoles: (typeof KEY_ROLES)[number][] } | null {
  if (tier !== 'green') return null;
  const count = contacts.length;
  const state: CoverageState =
    count === 0
      ? 'none'
      : count === 1
        ? 'single'
        : count < MIN_CONTACTS
          ? 'under'
          : count > MAX_CONTACTS
            ? 'over'
            : 'covered';
  const roles = new Set(contacts.map((contact) => contact.role));
  return { state, missingRoles: KEY_ROLES.filter((role) => !roles.has(role)) };
}
