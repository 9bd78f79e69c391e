import { PortfolioError } from './errors.js';
import type { ValueEntry } from './types.js';

/**
 * Relative slack when comparing sums of floating-point money with a threshold: 0.1 + 0.7 is
 * 0.7999999999999999, and a customer who brings the cumulative share to exactly 80% must count as
 * reaching it (METHOD P1, P3). A billionth of R is far below a cent on any real portfolio.
 */
export const FLOAT_TOLERANCE = 1e-9;

/** A customer of the positive base, in ranking order. Shares are fractions of R. */
export interface RankedValue<T extends ValueEntry = ValueEntry> {
  id: string;
  value: number;
  /** 1 = largest. */
  rank: number;
  share: number;
  cumulativeShare: number;
  /** The input entry, so rules can read its other fields without a lookup by id. */
  entry: T;
}

/**
 * One ranking of a set of values. Several rules read the same ranking (concentration, ABC, the Green
 * Circle cut, revenue at risk), so a caller with more than one of them ranks once and passes it on.
 */
export interface RankedBase<T extends ValueEntry = ValueEntry> {
  /** METHOD P1 base: customers with a positive total, largest first, ties by id ascending. */
  ranked: RankedValue<T>[];
  /** Customers with a total of zero or less, counted and listed apart (METHOD P1); most negative first. */
  nonPositive: T[];
  /** R: the sum of the positive totals. */
  total: number;
}

/**
 * Stable tie order (METHOD P3 "ties keep a stable order (by customer id)"). Plain code-unit comparison,
 * not localeCompare, so the order does not change with the server's locale.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byValueDescending(a: ValueEntry, b: ValueEntry): number {
  return b.value - a.value || compareIds(a.id, b.id);
}

/** Splits the customers into the METHOD P1 base and the rest, and ranks the base. */
export function rankValues<T extends ValueEntry>(values: readonly T[]): RankedBase<T> {
  assertValidValues(values);
  const positive: T[] = [];
  const nonPositive: T[] = [];
  for (const v of values) (v.value > 0 ? positive : nonPositive).push(v);
  positive.sort(byValueDescending);
  nonPositive.sort((a, b) => a.value - b.value || compareIds(a.id, b.id));
  // Summing in ranking order makes the last cumulative sum equal R exactly, so the curve ends at 1.
  let total = 0;
  for (const v of positive) total += v.value;
  let running = 0;
  const ranked = positive.map((v, i): RankedValue<T> => {
    running += v.value;
    return {
      id: v.id,
      value: v.value,
      rank: i + 1,
      share: v.value / total,
      cumulativeShare: running / total,
      entry: v,
    };
  });
  return { ranked, nonPositive, total };
}

/** How many customers the top `share` of n is: ceil(share·n), immune to 0.1·30 = 3.0000000000000004. */
export function countForShare(share: number, n: number): number {
  return Math.max(0, Math.ceil(share * n - FLOAT_TOLERANCE));
}

/** True when a cumulative share has reached the threshold, allowing for floating-point rounding. */
export function reachesShare(cumulativeShare: number, threshold: number): boolean {
  return cumulativeShare >= threshold - FLOAT_TOLERANCE;
}

/** Rejects input that would silently turn every figure into NaN or merge two customers into one. */
export function assertValidValues(values: readonly ValueEntry[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) {
      throw new PortfolioError('invalid_figures', `Account ${v.id} has a value that is not a finite number`);
    }
    if (seen.has(v.id)) {
      throw new PortfolioError('duplicate_account_id', `Account ${v.id} appears more than once`);
    }
    seen.add(v.id);
  }
}
