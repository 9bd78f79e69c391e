import type { AccountFigures, ValueEntry } from '../../../src/core/portfolio/index.js';

/**
 * The hand-computed portfolio most tests share: R = 50 + 20 + 15 + 10 + 5 = 100, so each value is also
 * its share in percent; f (0) and g (−3) sit outside the METHOD P1 base.
 */
export const FIVE_PLUS_TWO: ValueEntry[] = [
  { id: 'c', value: 15 },
  { id: 'a', value: 50 },
  { id: 'g', value: -3 },
  { id: 'e', value: 5 },
  { id: 'b', value: 20 },
  { id: 'f', value: 0 },
  { id: 'd', value: 10 },
];

/** Full account figures with only what a test needs to vary. */
export function account(id: string, revenue: number, extra: Partial<AccountFigures> = {}): AccountFigures {
  return {
    id,
    revenue,
    cost: null,
    margin: null,
    previousRevenue: null,
    lastQuarterRevenue: null,
    sameQuarterLastYearRevenue: null,
    ...extra,
  };
}

/** n customers with the same value, ids given in reverse order to prove the sort does not rely on input order. */
export function equalValues(n: number, value = 10): ValueEntry[] {
  return Array.from({ length: n }, (_, i) => ({ id: `c${String(n - i).padStart(3, '0')}`, value }));
}
