import { describe, expect, it } from 'vitest';
import { concentration, DEFAULT_PORTFOLIO_SETTINGS } from '../../../src/core/portfolio/index.js';
import { equalValues, FIVE_PLUS_TWO } from './fixtures.js';

const settings = DEFAULT_PORTFOLIO_SETTINGS.concentration;

describe('concentration (METHOD P1)', () => {
  it('computes every figure of a hand-worked portfolio', () => {
    const c = concentration(FIVE_PLUS_TWO);
    // Base: a 50, b 20, c 15, d 10, e 5 → n = 5, R = 100; f (0) and g (−3) are counted apart.
    expect(c).toMatchObject({ customers: 7, positiveCustomers: 5, nonPositiveCustomers: 2, total: 100 });
    expect(c.nonPositiveIds).toEqual(['g', 'f']); // most negative first
    expect(c.nonPositiveTotal).toBe(-3);
    // Top 25%: ceil(0.25·5) = 2 customers, 50 + 20 = 70 → 0.70; the other 75% bring 0.30.
    expect(c.top25Count).toBe(2);
    expect(c.top25Share).toBeCloseTo(0.7, 12);
    expect(c.bottom75Share).toBeCloseTo(0.3, 12);
    // Cumulative 0.50, 0.70, 0.85: the third customer crosses 80% and counts → 3, 3/5 = 0.6.
    expect(c.customersTo80).toBe(3);
    expect(c.customersTo80Share).toBeCloseTo(0.6, 12);
    // Ascending x = 5, 10, 15, 20, 50: Σ i·x = 5 + 20 + 45 + 80 + 250 = 400;
    // Gini = 2·400 / (5·100) − 6/5 = 1.6 − 1.2 = 0.4.
    expect(c.gini).toBeCloseTo(0.4, 12);
    // HHI = 50² + 20² + 15² + 10² + 5² = 2500 + 400 + 225 + 100 + 25 = 3250.
    expect(c.hhi).toBeCloseTo(3250, 9);
    expect(c.largestShare).toBeCloseTo(0.5, 12);
    // Only 5 customers in the base, so the top 5 hold all of R.
    expect(c.top5Count).toBe(5);
    expect(c.top5Share).toBe(1);
  });

  it('draws the Lorenz curve from the smallest customer and the Pareto curve from the largest', () => {
    const c = concentration(FIVE_PLUS_TWO);
    // Lorenz: cumulative 5, 15, 30, 50, 100 of 100 against 1..5 of 5 customers.
    const lorenz = [
      [0, 0],
      [0.2, 0.05],
      [0.4, 0.15],
      [0.6, 0.3],
      [0.8, 0.5],
      [1, 1],
    ];
    // Pareto: cumulative 50, 70, 85, 95, 100.
    const pareto = [
      [0, 0],
      [0.2, 0.5],
      [0.4, 0.7],
      [0.6, 0.85],
      [0.8, 0.95],
      [1, 1],
    ];
    expect(c.lorenz.map((p) => [p.customerShare, p.valueShare])).toEqual(
      lorenz.map(([x, y]) => [expect.closeTo(x, 12), expect.closeTo(y, 12)]),
    );
    expect(c.pareto.map((p) => [p.customerShare, p.valueShare])).toEqual(
      pareto.map(([x, y]) => [expect.closeTo(x, 12), expect.closeTo(y, 12)]),
    );
  });

  it('downsamples long curves to lorenzPoints, exact at both ends', () => {
    // 1,000 customers give 1,001 points; 11 kept are indices 0, 100, …, 1000 → customer shares 0, 0.1, …, 1.
    const c = concentration(equalValues(1000), { ...settings, lorenzPoints: 11 });
    expect(c.lorenz).toHaveLength(11);
    expect(c.pareto).toHaveLength(11);
    expect(c.lorenz[0]).toEqual({ customerShare: 0, valueShare: 0 });
    expect(c.lorenz[10]).toEqual({ customerShare: 1, valueShare: 1 });
    expect(c.pareto[10]).toEqual({ customerShare: 1, valueShare: 1 });
    c.lorenz.forEach((p, j) => {
      expect(p.customerShare).toBeCloseTo(j / 10, 12);
      expect(p.valueShare).toBeCloseTo(j / 10, 9); // equal customers: the curve is the diagonal
    });
    expect(concentration(equalValues(1000)).lorenz).toHaveLength(101); // the default
  });

  it('gives Gini 0 when all customers are equal', () => {
    // Σ i·x = x·n(n+1)/2 → 2·x·n(n+1)/2 / (n·n·x) = (n+1)/n, minus (n+1)/n = 0. HHI = 4 × 25² = 2500.
    const c = concentration(equalValues(4));
    expect(c.gini).toBeCloseTo(0, 12);
    expect(c.hhi).toBeCloseTo(2500, 9);
    // ceil(0.25·4) = 1 customer holds 1/4; 80% needs 4 customers (cumulative 0.25, 0.5, 0.75, 1).
    expect(c.top25Count).toBe(1);
    expect(c.top25Share).toBeCloseTo(0.25, 12);
    expect(c.customersTo80).toBe(4);
  });

  it('handles one customer holding everything', () => {
    const c = concentration([
      { id: 'only', value: 100 },
      { id: 'zero', value: 0 },
      { id: 'minus', value: -5 },
    ]);
    // n = 1: Gini = 2·1·100/(1·100) − 2/1 = 0; HHI = 100² = 10,000.
    expect(c).toMatchObject({
      positiveCustomers: 1,
      nonPositiveCustomers: 2,
      top25Count: 1,
      top25Share: 1,
      bottom75Share: 0,
      customersTo80: 1,
      customersTo80Share: 1,
      gini: 0,
      hhi: 10000,
      largestShare: 1,
      top5Count: 1,
      top5Share: 1,
    });
    expect(c.nonPositiveIds).toEqual(['minus', 'zero']);
    expect(c.lorenz).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 1, valueShare: 1 },
    ]);
  });

  it('counts the customer at exactly 80% as reaching it', () => {
    // 40 + 40 = 80 of 100: the second customer lands exactly on 80% → 2 customers, not 3.
    const exact = concentration([
      { id: 'a', value: 40 },
      { id: 'b', value: 40 },
      { id: 'c', value: 10 },
      { id: 'd', value: 10 },
    ]);
    expect(exact.customersTo80).toBe(2);
    // In floating point 0.04 / 0.05 = 0.7999999999999999; the tolerance keeps the answer 2.
    const cents = concentration([
      { id: 'a', value: 0.02 },
      { id: 'b', value: 0.02 },
      { id: 'c', value: 0.01 },
    ]);
    expect(cents.customersTo80).toBe(2);
  });

  it('breaks ties by customer id, whatever the input order', () => {
    const c = concentration(equalValues(5), { ...settings, topShare: 0.2 });
    // Five customers of 10 each: the top ceil(0.2·5) = 1 is c001, the smallest id.
    expect(c.top25Count).toBe(1);
    expect(c.top25Share).toBeCloseTo(0.2, 12);
  });

  it('returns zeros and nulls for an empty base, without crashing', () => {
    for (const values of [
      [],
      [
        { id: 'z', value: 0 },
        { id: 'n', value: -10 },
      ],
    ]) {
      const c = concentration(values);
      expect(c).toEqual({
        customers: values.length,
        positiveCustomers: 0,
        nonPositiveCustomers: values.length,
        nonPositiveIds: values.length ? ['n', 'z'] : [],
        total: 0,
        nonPositiveTotal: values.length ? -10 : 0,
        reachShare: 0.8,
        top5Count: 0,
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
      });
    }
  });

  it('rejects non-finite values and duplicate ids', () => {
    expect(() => concentration([{ id: 'a', value: Number.NaN }])).toThrow(
      expect.objectContaining({ code: 'invalid_figures' }),
    );
    expect(() =>
      concentration([
        { id: 'a', value: 1 },
        { id: 'a', value: 2 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'duplicate_account_id' }));
  });
});
