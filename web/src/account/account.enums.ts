import type { Activity, Contact } from '../api/types';

// The server's lists, repeated here because the web bundle takes only types from the server; the
// `satisfies` makes the compiler insist that every value the server knows is listed.
const contactRoles = {
  decision_maker: true,
  economic_buyer: true,
  influencer: true,
  gatekeeper: true,
  champion: true,
  user: true,
  other: true,
} satisfies Record<Contact['role'], true>;

const activityTypes = {
  visit: true,
  call: true,
  email: true,
  meeting: true,
  review: true,
  other: true,
} satisfies Record<Activity['type'], true>;

export const CONTACT_ROLES = Object.keys(contactRoles) as Contact['role'][];
export const ACTIVITY_TYPES = Object.keys(activityTypes) as Activity['type'][];
export const SCALE = [1, 2, 3, 4, 5] as const;
