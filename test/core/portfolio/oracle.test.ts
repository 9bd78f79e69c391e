import { describe, expect, it } from 'vitest';
import {
  type AccountFigures,
  abcClasses,
  analyzePortfolio,
  concentration,
  greenCircle,
} from '../../../src/core/portfolio/index.js';
import { cdnowCustomers, expectPrinted, superstoreCustomers } from './real-data.js';

/**
 * Real-data oracles: every figure of "Concentration by METHOD P1/P3" in /work/shared/data/README.md,
 * computed independently of this code, to the precision printed there.
 */
interface Oracle {
  customers: number;
  positive: number;
  total?: number;
  top25: [count: number, percent: string];
  top20: [count: number, percent: string];
  to80: [count: number, percent: string];
  abc: [number, number, number];
  gini: string;
  hhi: string;
  largest: string;
  top5: string;
}

function checkOracle(values: { id: string; value: number }[], oracle: Oracle): void {
  const c = concentration(values); // METHOD P1 defaults: top 25%, reach 80%, top 5
  expect(c.customers).toBe(oracle.customers);
  expect(c.positiveCustomers).toBe(oracle.positive);
  expect(c.nonPositiveCustomers).toBe(oracle.customers - oracle.positive);
  if (oracle.total !== undefined) expect(c.total).toBeCloseTo(oracle.total, 2);
  expect(c.top25Count).toBe(oracle.top25[0]);
  expectPrinted(c.top25Share, oracle.top25[1], true);
  expect(c.customersTo80).toBe(oracle.to80[0]);
  expectPrinted(c.customersTo80Share, oracle.to80[1], true);
  expectPrinted(c.gini, oracle.gini);
  expectPrinted(c.hhi, oracle.hhi);
  expectPrinted(c.largestShare, oracle.largest, true);
  expectPrinted(c.top5Share, oracle.top5, true);
  // METHOD G1's top-20% cut over the same base (the README's "top 20%").
  const cut = greenCircle(values.map((v) => ({ id: v.id, revenue: v.value, margin: null }))).cuts.revenue;
  expect(cut.count).toBe(oracle.top20[0]);
  expectPrinted(cut.heldShare, oracle.top20[1], true);
  const abc = abcClasses(values); // METHOD P3 defaults: 80% / 95%
  expect([abc.counts.A, abc.counts.B, abc.counts.C]).toEqual(oracle.abc);
}

describe('real data: CDNOW master, all 18 months, by dollar_value', () => {
  it('matches every README concentration figure', () => {
    checkOracle(cdnowCustomers(), {
      customers: 23_570,
      positive: 23_502,
      total: 2_500_315.63,
      top25: [5_876, '73.35'],
      top20: [4_701, '67.71'],
      to80: [7_695, '32.74'],
      abc: [7_695, 8_044, 7_831],
      gini: '0.6335',
      hhi: '2.613',
      largest: '0.560',
      top5: '1.719',
    });
  });
});

describe('real data: Superstore, all four years', () => {
  const customers = superstoreCustomers();

  it('matches every README figure by Sales', () => {
    checkOracle(
      customers.map((c) => ({ id: c.id, value: c.sales })),
      {
        customers: 793,
        positive: 793,
        total: 2_297_200.8603,
        top25: [199, '55.13'],
        top20: [159, '48.15'],
        to80: [396, '49.94'],
        abc: [396, 209, 188],
        gini: '0.4413',
        hhi: '22.98',
        largest: '1.090',
        top5: '3.843',
      },
    );
  });

  it('matches every README figure by Profit (gross margin)', () => {
    checkOracle(
      customers.map((c) => ({ id: c.id, value: c.profit })),
      {
        customers: 793,
        positive: 638,
        total: 357_621.5,
        top25: [160, '65.59'],
        top20: [128, '59.02'],
        to80: [256, '40.13'],
        abc: [256, 188, 349],
        gini: '0.5566',
        hhi: '46.69',
        largest: '2.511',
        top5: '9.167',
      },
    );
  });

  it('gives the same figures through analyzePortfolio, by revenue and by margin', () => {
    const accounts: AccountFigures[] = customers.map((c) => ({
      id: c.id,
      revenue: c.sales,
      cost: c.sales - c.profit,
      margin: c.profit,
      previousRevenue: null,
      lastQuarterRevenue: null,
      sameQuarterLastYearRevenue: null,
    }));
    const bySales = analyzePortfolio(accounts, {}, 'revenue');
    expect(bySales.abc.counts).toEqual({ A: 396, B: 209, C: 188 });
    expectPrinted(bySales.concentration.gini, '0.4413');
    const byProfit = analyzePortfolio(accounts, {}, 'margin');
    expect(byProfit.concentration.nonPositiveCustomers).toBe(155);
    expect(byProfit.abc.counts).toEqual({ A: 256, B: 188, C: 349 });
    expectPrinted(byProfit.concentration.hhi, '46.69');
    // The README's top-20% cuts are exactly the METHOD G1 revenue and margin cuts.
    expect(byProfit.greenCircle.cuts.revenue.count).toBe(159);
    expect(byProfit.greenCircle.cuts.margin.count).toBe(128);
    expectPrinted(byProfit.greenCircle.cuts.margin.heldShare, '59.02', true);
    // The matrix covers every account once: rows of the revenue ranking, columns of the margin ranking.
    const cells = Object.values(byProfit.abcMatrix ?? {});
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(793);
  });
});
