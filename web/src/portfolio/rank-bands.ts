import type { PortfolioReport } from '../api/types';

type CurvePoint = PortfolioReport['pareto'][number];

/** One bar of the Pareto chart: customers ranked fromRank…toRank and the share of the value they bring. */
export interface RankBand {
  fromRank: number;
  toRank: number;
  /** Share of customers before the band and at its end (0..1), for the label "10–20%". */
  fromShare: number;
  toShare: number;
  /** Share of R the band's customers bring. */
  valueShare: number;
  /** Share of R the customers up to the band's end bring (the Pareto line). */
  cumulativeShare: number;
}

/**
 * The cumulative curve at a share of customers. The report's curve has at most ~101 points taken at
 * whole customers (downsampled evenly), so between two points the curve is read linearly.
 */
export function cumulativeAt(curve: readonly CurvePoint[], customerShare: number): number {
  if (curve.length === 0) return 0;
  if (customerShare <= 0) return 0;
  const last = curve[curve.length - 1]!;
  if (customerShare >= last.customerShare) return last.valueShare;
  let low = 0;
  let high = curve.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (curve[middle]!.customerShare <= customerShare) low = middle;
    else high = middle;
  }
  const a = curve[low]!;
  const b = curve[high]!;
  const span = b.customerShare - a.customerShare;
  if (span <= 0) return b.valueShare;
  return a.valueShare + ((customerShare - a.customerShare) / span) * (b.valueShare - a.valueShare);
}

/**
 * METHOD P1 Pareto bars: the positive base (n customers, largest first) cut into `bands` bands of
 * equal size (deciles by default); with fewer customers than bands, one band per customer.
 */
export function rankBands(pareto: readonly CurvePoint[], customers: number, bands = 10): RankBand[] {
  if (customers <= 0 || pareto.length === 0) return [];
  const count = Math.min(bands, customers);
  const result: RankBand[] = [];
  let previousRank = 0;
  let previousCumulative = 0;
  for (let k = 1; k <= count; k++) {
    const toRank = Math.round((k * customers) / count);
    const cumulative = k === count ? 1 : cumulativeAt(pareto, toRank / customers);
    result.push({
      fromRank: previousRank + 1,
      toRank,
      fromShare: previousRank / customers,
      toShare: toRank / customers,
      valueShare: cumulative - previousCumulative,
      cumulativeShare: cumulative,
    });
    previousRank = toRank;
    previousCumulative = cumulative;
  }
  return result;
}
