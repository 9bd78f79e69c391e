import type { RankedValue } from './ranking.js';
import type { CurvePoint } from './types.js';

/**
 * METHOD P1 Lorenz curve: customers from the smallest up, cumulative share of customers against
 * cumulative share of value, from (0,0) to (1,1). Empty base → no points.
 */
export function lorenzCurve(ranked: readonly RankedValue[], maxPoints: number): CurvePoint[] {
  const n = ranked.length;
  if (n === 0) return [];
  const total = ranked.reduce((sum, r) => sum + r.value, 0);
  const points: CurvePoint[] = [{ customerShare: 0, valueShare: 0 }];
  let running = 0;
  for (let i = n - 1; i >= 0; i--) {
    running += ranked[i].value;
    points.push({ customerShare: (n - i) / n, valueShare: running / total });
  }
  // Rounding may leave the last sum a hair off R; the curve must end exactly at (1,1).
  points[n] = { customerShare: 1, valueShare: 1 };
  return downsample(points, maxPoints);
}

/** Pareto chart: customers from the largest down, cumulative share of customers against value. */
export function paretoCurve(ranked: readonly RankedValue[], maxPoints: number): CurvePoint[] {
  const n = ranked.length;
  if (n === 0) return [];
  const points: CurvePoint[] = [{ customerShare: 0, valueShare: 0 }];
  for (const r of ranked) points.push({ customerShare: r.rank / n, valueShare: r.cumulativeShare });
  points[n] = { customerShare: 1, valueShare: 1 };
  return downsample(points, maxPoints);
}

/**
 * Keeps at most maxPoints evenly spaced points (by customer index), always the first and the last, so a
 * chart of 20,000 customers stays light and still starts at 0 and ends at 1.
 */
export function downsample<T>(points: readonly T[], maxPoints: number): T[] {
  if (points.length <= maxPoints) return [...points];
  const last = points.length - 1;
  const kept: T[] = [];
  for (let j = 0; j < maxPoints; j++) kept.push(points[Math.round((j * last) / (maxPoints - 1))]);
  return kept;
}
