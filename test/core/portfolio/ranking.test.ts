import { describe, expect, it } from 'vitest';
import {
  abcClasses,
  concentration,
  greenCircle,
  PortfolioError,
  revenueAtRisk,
} from '../../../src/core/portfolio/index.js';
import { rankValues } from '../../../src/core/portfolio/ranking.js';
import { equalValues, FIVE_PLUS_TWO } from './fixtures.js';

describe('rankValues (METHOD P1 base, METHOD P3 stable ties)', () => {
  it('ranks the positive base and keeps each input entry beside its rank', () => {
    const { ranked, nonPositive, total } = rankValues(FIVE_PLUS_TWO);
    expect(total).toBe(100);
    expect(ranked.map((r) => [r.id, r.value, r.rank, r.share, r.cumulativeShare])).toEqual([
      ['a', 50, 1, 0.5, 0.5],
      ['b', 20, 2, 0.2, 0.7],
      ['c', 15, 3, 0.15, 0.85],
      ['d', 10, 4, 0.1, 0.95],
      ['e', 5, 5, 0.05, 1],
    ]);
    // The entries are the inputs themselves, so a rule reads their other fields without a lookup.
    for (const r of ranked) expect(r.entry).toBe(FIVE_PLUS_TWO.find((v) => v.id === r.id));
    expect(nonPositive.map((v) => v.id)).toEqual(['g', 'f']); // most negative first
    expect(nonPositive[0]).toBe(FIVE_PLUS_TWO.find((v) => v.id === 'g'));
  });

  it('orders ties by id whatever the input order, and ends the cumulative share at exactly 1', () => {
    const { ranked } = rankValues(equalValues(3, 0.1));
    expect(ranked.map((r) => r.id)).toEqual(['c001', 'c002', 'c003']);
    expect(ranked.at(-1)?.cumulativeShare).toBe(1);
  });

  it('refuses a duplicate id and a value that is not finite', () => {
    expect(() => rankValues([...FIVE_PLUS_TWO, { id: 'a', value: 1 }])).toThrow(PortfolioError);
    expect(() => rankValues([{ id: 'x', value: Number.NaN }])).toThrow(/not a finite number/);
  });

  it('gives every rule the same result from a shared ranking as from its own', () => {
    const values = FIVE_PLUS_TWO.map((v) => ({ ...v, potential: v.id === 'e' ? 60 : null }));
    const ranking = rankValues(values);
    expect(concentration(values, undefined, ranking)).toEqual(concentration(values));
    expect(abcClasses(values, undefined, ranking)).toEqual(abcClasses(values));
    const accounts = values.map((v) => ({
      id: v.id,
      revenue: v.value,
      margin: v.value / 2,
      potential: v.potential,
    }));
    const margins = rankValues(accounts.map((a) => ({ id: a.id, value: a.margin })));
    expect(greenCircle(accounts, undefined, { revenue: ranking, margin: margins })).toEqual(
      greenCircle(accounts),
    );
    expect(revenueAtRisk(accounts, ['a', 'b'], ranking)).toEqual(revenueAtRisk(accounts, ['a', 'b']));
  });
});
