import { compareIds } from './ranking.js';
import type { AccountFigures } from './types.js';

export interface GrowthFigures {
  /** METHOD G3: (revenue − previousRevenue) / previousRevenue; null when it cannot be a rate (see below). */
  windowGrowth: number | null;
  /** revenue − previousRevenue; null when the previous window has no data. */
  windowGrowthAbsolute: number | null;
  /** METHOD G3: the last quarter against the same quarter a year earlier. */
  quarterGrowth: number | null;
  quarterGrowthAbsolute: number | null;
}

export type GrowthInput = Pick<
  AccountFigures,
  'revenue' | 'previousRevenue' | 'lastQuarterRevenue' | 'sameQuarterLastYearRevenue'
>;

export function growth(account: GrowthInput): GrowthFigures {
  return {
    windowGrowth: growthRate(account.revenue, account.previousRevenue),
    windowGrowthAbsolute: difference(account.revenue, account.previousRevenue),
    quarterGrowth: growthRate(account.lastQuarterRevenue, account.sameQuarterLastYearRevenue),
    quarterGrowthAbsolute: difference(account.lastQuarterRevenue, account.sameQuarterLastYearRevenue),
  };
}

/**
 * A rate needs a positive base: from zero any growth is infinite, and from a negative base (credit notes
 * larger than sales) the sign flips, so a customer who went from −100 to +100 would show −200%.
 * Such accounts get null and are ranked after those with a rate; their absolute growth still shows.
 */
function growthRate(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous <= 0) return null;
  return (current - previous) / previous;
}

function difference(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

export interface GrowthRankRow extends GrowthFigures {
  id: string;
  name: string | null;
  /** 1 = fastest growing. */
  rank: number;
  revenue: number;
  previousRevenue: number | null;
}

/**
 * METHOD G3: rank accounts (the caller passes the Green Circle ones) by window growth, highest first;
 * accounts without a rate go last; ties by id.
 */
export function rankByGrowth(
  accounts: readonly (GrowthInput & { id: string; name?: string })[],
): GrowthRankRow[] {
  return accounts
    .map((a) => ({
      id: a.id,
      name: a.name ?? null,
      revenue: a.revenue,
      previousRevenue: a.previousRevenue,
      ...growth(a),
    }))
    .sort((a, b) => compareNullableDescending(a.windowGrowth, b.windowGrowth) || compareIds(a.id, b.id))
    .map((row, i) => ({ ...row, rank: i + 1 }));
}

function compareNullableDescending(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b - a;
}
