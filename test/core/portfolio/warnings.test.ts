import { describe, expect, it } from 'vitest';
import { concentration, portfolioWarnings, revenueAtRisk } from '../../../src/core/portfolio/index.js';
import { equalValues, FIVE_PLUS_TWO } from './fixtures.js';

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('portfolioWarnings (METHOD P4)', () => {
  it('warns about every dependence in a concentrated portfolio, with the figures', () => {
    // Largest 50% > 10%; top 5 = 100% > 50%; 3 customers make 80% < 10.
    const warnings = portfolioWarnings({ concentration: concentration(FIVE_PLUS_TWO) });
    expect(codes(warnings)).toEqual([
      'largest_customer_dependence',
      'top5_dependence',
      'few_customers_make_80',
    ]);
    const [largest, top5, few] = warnings;
    expect(largest.severity).toBe('high');
    expect(largest.message).toBe(
      'Your largest customer brings 50.0% of revenue, above the 10.0% limit. ' +
        'Losing this one customer would cost 50.0% of revenue at once.',
    );
    expect(largest.figures).toEqual({ largestShare: 0.5, limit: 0.1 });
    expect(top5.message).toContain('Your 5 largest customers bring 100.0% of revenue');
    expect(few.message).toContain('Only 3 customers make up 80.0% of revenue (fewer than 10)');
    expect(few.figures).toMatchObject({ customersTo80: 3, limit: 10 });
  });

  it('stays quiet for a balanced portfolio and treats the limits as "exceeds"', () => {
    // 20 equal customers: largest 5%, top 5 25%, 16 customers make 80%.
    expect(portfolioWarnings({ concentration: concentration(equalValues(20)) })).toEqual([]);
    // 10 equal customers: largest exactly 10% and top 5 exactly 50% do not exceed their limits;
    // 8 customers make 80%, fewer than 10 → only that warning.
    expect(codes(portfolioWarnings({ concentration: concentration(equalValues(10)) }))).toEqual([
      'few_customers_make_80',
    ]);
  });

  it('names the value the concentration was computed on', () => {
    const [largest] = portfolioWarnings({
      concentration: concentration(FIVE_PLUS_TWO),
      valueLabel: 'gross margin',
    });
    expect(largest.message).toContain('50.0% of gross margin');
  });

  it('gives no dependence warning for an empty base', () => {
    expect(portfolioWarnings({ concentration: concentration([]) })).toEqual([]);
  });

  it('warns about many customers without prioritisation (the opposite fault)', () => {
    const balanced = concentration(equalValues(20));
    const warn = (customers: number, abcPolicyInUse: boolean, serviceLevelsDiffer: boolean) =>
      portfolioWarnings({
        concentration: balanced,
        prioritisation: { customers, abcPolicyInUse, serviceLevelsDiffer },
      });
    const [both] = warn(1200, false, false);
    expect(both).toMatchObject({ code: 'no_prioritisation', severity: 'medium' });
    expect(both.message).toBe(
      'You have 1,200 customers, but no A/B/C policy is in use and every customer gets the same service level. ' +
        'Decide which customers matter most and serve them differently.',
    );
    expect(warn(120, true, false)[0].message).toContain('but every customer gets the same service level.');
    expect(warn(120, false, true)[0].message).toContain('but no A/B/C policy is in use.');
    expect(warn(120, true, true)).toEqual([]);
    expect(warn(49, false, false)).toEqual([]); // below the 50-customer default
    expect(codes(warn(50, false, true))).toEqual(['no_prioritisation']);
  });
});

describe('revenueAtRisk (METHOD P4)', () => {
  it('lists what losing each A account would cost, largest first', () => {
    const accounts = FIVE_PLUS_TWO.map((v) => ({ id: v.id, name: `Customer ${v.id}`, revenue: v.value }));
    // A = a, b, c; g (−3) made A by hand is listed too, with no rank. Shares of R = 100.
    expect(revenueAtRisk(accounts, ['c', 'g', 'a', 'b'])).toEqual([
      { id: 'a', name: 'Customer a', revenue: 50, share: 0.5, rank: 1, margin: null },
      { id: 'b', name: 'Customer b', revenue: 20, share: 0.2, rank: 2, margin: null },
      { id: 'c', name: 'Customer c', revenue: 15, share: 0.15, rank: 3, margin: null },
      { id: 'g', name: 'Customer g', revenue: -3, share: -0.03, rank: null, margin: null },
    ]);
  });
});
