import type { Activity, Contact } from '../api/types';

export const CLASS_COLOR = { A: 'kontor', B: 'blue', C: 'gray' } as const;
export const TIER_COLOR = { green: 'kontor', transactional: 'gray' } as const;

// Light badges with the darkest shade as text: the default light text fails AA contrast at badge size.
export const ROLE_COLOR: Record<Contact['role'], string> = {
  decision_maker: 'kontor',
  economic_buyer: 'indigo',
  influencer: 'blue',
  gatekeeper: 'violet',
  champion: 'grape',
  user: 'gray',
  other: 'gray',
};
export const badgeText = (color: string) => (color === 'gray' ? 'gray.8' : `${color}.9`);

export const TYPE_COLOR: Record<Activity['type'], string> = {
  visit: 'kontor',
  meeting: 'blue',
  review: 'grape',
  call: 'cyan',
  email: 'gray',
  other: 'gray',
};
