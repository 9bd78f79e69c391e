import { describe, expect, it } from 'vitest';
import { growth, rankByGrowth } from '../../../src/core/portfolio/index.js';

const figures = (
  revenue: number,
  previousRevenue: number | null,
  lastQuarter: number | null = null,
  sameQuarter: number | null = null,
) => ({
  revenue,
  previousRevenue,
  lastQuarterRevenue: lastQuarter,
  sameQuarterLastYearRevenue: sameQuarter,
});

describe('growth (METHOD G3)', () => {
  it('computes window and quarter growth, relative and absolute', () => {
    // (120 − 100) / 100 = 0.2; quarter (30 − 20) / 20 = 0.5.
    expect(growth(figures(120, 100, 30, 20))).toEqual({
      windowGrowth: 0.2,
      windowGrowthAbsolute: 20,
      quarterGrowth: 0.5,
      quarterGrowthAbsolute: 10,
    });
  });

  it('gives no rate without a positive base, but keeps the absolute change', () => {
    expect(growth(figures(120, 0))).toMatchObject({ windowGrowth: null, windowGrowthAbsolute: 120 });
    // From −50 a rate would read (120 + 50) / −50 = −340%: nonsense, so null; absolute +170.
    expect(growth(figures(120, -50))).toMatchObject({ windowGrowth: null, windowGrowthAbsolute: 170 });
    expect(growth(figures(120, null, null, 20))).toEqual({
      windowGrowth: null,
      windowGrowthAbsolute: null,
      quarterGrowth: null,
      quarterGrowthAbsolute: null,
    });
    // A shrinking account: (80 − 100) / 100 = −0.2.
    expect(growth(figures(80, 100)).windowGrowth).toBeCloseTo(-0.2, 12);
  });

  it('ranks by window growth, highest first, accounts without a rate last, ties by id', () => {
    const ranked = rankByGrowth([
      { id: 'q', ...figures(50, null) },
      { id: 's', name: 'Sigma', ...figures(60, 50) }, // +0.2
      { id: 'r', ...figures(150, 100) }, // +0.5
      { id: 't', ...figures(90, 100) }, // −0.1
      { id: 'p', ...figures(120, 100) }, // +0.2, before s by id
      { id: 'o', ...figures(10, 0) }, // no rate
    ]);
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, 'r'],
      [2, 'p'],
      [3, 's'],
      [4, 't'],
      [5, 'o'],
      [6, 'q'],
    ]);
    expect(ranked[2]).toMatchObject({
      name: 'Sigma',
      revenue: 60,
      previousRevenue: 50,
      windowGrowthAbsolute: 10,
    });
    expect(rankByGrowth([])).toEqual([]);
  });
});
