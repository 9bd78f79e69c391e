import { lorenzCurve, paretoCurve } from './curves.js';
import { countForShare, type RankedBase, type RankedValue, rankValues, reachesShare } from './ranking.js';
import { type ConcentrationSettings, DEFAULT_PORTFOLIO_SETTINGS } from './settings.js';
import type { CurvePoint, ValueEntry } from './types.js';

/**
 * METHOD P1 figures. Shares are fractions 0..1 of R, the total of the positive base.
 * With an empty base (no customer above zero) every count is 0, every share and index is null
 * (undefined, not zero: there is nothing to be concentrated) and both curves are empty.
 */
export interface ConcentrationResult {
  customers: number;
  positiveCustomers: number;
  nonPositiveCustomers: number;
  /** Customers with a total of zero or less, most negative first. */
  nonPositiveIds: string[];
  /** R. */
  total: number;
  /** Sum of the totals of zero or less (≤ 0), kept apart from R. */
  nonPositiveTotal: number;
  /** ceil(topShare·n); named after the default topShare of 25%. */
  top25Count: number;
  top25Share: number | null;
  bottom75Share: number | null;
  /** The share customersTo80 reaches (the reachShare setting, 80% by default). */
  reachShare: number;
  /** Customers needed to reach reachShare (80%) of R; the customer that crosses it counts. */
  customersTo80: number;
  customersTo80Share: number | null;
  gini: number | null;
  /** Herfindahl–Hirschman index, Σ (100·share)², 0 to 10,000. */
  hhi: number | null;
  largestShare: number | null;
  /** min(topCustomersCount, n): how many customers top5Share covers. */
  top5Count: number;
  /** Share of the topCustomersCount (5) largest; all of R when there are fewer. */
  top5Share: number | null;
  lorenz: CurvePoint[];
  pareto: CurvePoint[];
}

/** `ranking` is rankValues(values), for a caller that has it already. */
export function concentration(
  values: readonly ValueEntry[],
  settings: ConcentrationSettings = DEFAULT_PORTFOLIO_SETTINGS.concentration,
  ranking: RankedBase = rankValues(values),
): ConcentrationResult {
  const { ranked, nonPositive, total } = ranking;
  const n = ranked.length;
  const apart = {
    customers: values.length,
    positiveCustomers: n,
    nonPositiveCustomers: nonPositive.length,
    nonPositiveIds: nonPositive.map((v) => v.id),
    total,
    nonPositiveTotal: nonPositive.reduce((sum, v) => sum + v.value, 0),
    reachShare: settings.reachShare,
    top5Count: Math.min(settings.topCustomersCount, n),
  };
  if (n === 0) {
    return {
      ...apart,
      top25Count: 0,
      top25Share: null,
      bottom75Share: null,
      customersTo80: 0,
      customersTo80Share: null,
      gini: null,
      hhi: null,
      largestShare: null,
      top5Share: null,
      lorenz: [],
      pareto: [],
    };
  }
  const top25Count = countForShare(settings.topShare, n);
  const top25Share = cumulativeShareAt(ranked, top25Count);
  const customersTo80 = customersToReach(ranked, settings.reachShare);
  return {
    ...apart,
    top25Count,
    top25Share,
    bottom75Share: 1 - top25Share,
    customersTo80,
    customersTo80Share: customersTo80 / n,
    gini: gini(ranked),
    hhi: ranked.reduce((sum, r) => sum + (100 * r.share) ** 2, 0),
    largestShare: ranked[0].share,
    top5Share: cumulativeShareAt(ranked, settings.topCustomersCount),
    lorenz: lorenzCurve(ranked, settings.lorenzPoints),
    pareto: paretoCurve(ranked, settings.lorenzPoints),
  };
}

/** Share of R held by the `count` largest customers (all of R when count ≥ n). */
export function cumulativeShareAt(ranked: readonly RankedValue[], count: number): number {
  if (count <= 0 || ranked.length === 0) return 0;
  return ranked[Math.min(count, ranked.length) - 1].cumulativeShare;
}

/** The fewest top customers whose cumulative share reaches `threshold`; the crossing one counts. */
export function customersToReach(ranked: readonly RankedValue[], threshold: number): number {
  const index = ranked.findIndex((r) => reachesShare(r.cumulativeShare, threshold));
  return index === -1 ? ranked.length : index + 1;
}

/** METHOD P1: 2·Σ i·x(i) / (n·Σ x) − (n+1)/n with x ascending and i from 1. */
function gini(ranked: readonly RankedValue[]): number {
  const n = ranked.length;
  let weighted = 0;
  let sum = 0;
  // ranked is descending, so the customer at index k is number n − k in ascending order.
  ranked.forEach((r, k) => {
    weighted += (n - k) * r.value;
    sum += r.value;
  });
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}
