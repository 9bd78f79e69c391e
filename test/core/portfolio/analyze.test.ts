import { describe, expect, it } from 'vitest';
import {
  analyzePortfolio,
  DEFAULT_PORTFOLIO_SETTINGS,
  PortfolioError,
  resolvePortfolioSettings,
} from '../../../src/core/portfolio/index.js';
import { account, FIVE_PLUS_TWO } from './fixtures.js';

/** FIVE_PLUS_TWO as accounts: margin = 30% of revenue except where stated, a growth history on a few. */
function sampleAccounts() {
  return FIVE_PLUS_TWO.map((v) =>
    account(v.id, v.value, {
      name: `Customer ${v.id}`,
      margin: v.id === 'e' ? 4 : 0.3 * v.value,
      previousRevenue: { a: 40, b: 25, c: 10 }[v.id] ?? null,
    }),
  );
}

describe('analyzePortfolio', () => {
  it('combines every rule into one plain JSON object', () => {
    const analysis = analyzePortfolio(sampleAccounts());
    expect(JSON.parse(JSON.stringify(analysis))).toStrictEqual(analysis); // no undefined, NaN, Map or Set
    expect(analysis.by).toBe('revenue');
    expect(analysis.settings).toEqual(DEFAULT_PORTFOLIO_SETTINGS);
    expect(analysis.accounts).toBe(7);
    expect(analysis.concentration).toMatchObject({ positiveCustomers: 5, total: 100, customersTo80: 3 });
    expect(analysis.abc.counts).toEqual({ A: 3, B: 1, C: 3 });
    expect(codes(analysis.warnings)).toEqual([
      'largest_customer_dependence',
      'top5_dependence',
      'few_customers_make_80',
    ]);
    expect(analysis.revenueAtRisk.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    // Margins a 15, b 6, c 4.5, d 3, e 4: ceil(0.2·5) = 1 → a by revenue and by margin;
    // revenue cut value 50. Only a is Green Circle.
    expect(analysis.greenCircle.counts).toEqual({ green: 1, transactional: 6 });
    expect(analysis.growthRanking.map((g) => [g.id, g.windowGrowth])).toEqual([['a', 0.25]]); // (50 − 40)/40
    // Margin cumulative 15, 21, 25.5, 29.5 of 32.5: e crosses 80% → margin A = a, b, c, e; revenue A = a, b, c.
    expect(analysis.abcMatrix?.AA.ids).toEqual(['a', 'b', 'c']);
    expect(analysis.missingValueIds).toEqual([]);
  });

  it('gives each account a row with rank, shares, class, tier and growth', () => {
    const { rows } = analyzePortfolio(sampleAccounts());
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'f']);
    expect(rows[1]).toEqual({
      id: 'b',
      name: 'Customer b',
      revenue: 20,
      margin: 6,
      value: 20,
      rank: 2,
      share: 0.2,
      cumulativeShare: 0.7,
      class: 'A',
      computedClass: 'A',
      classReason: null,
      tier: 'transactional',
      tierReasons: [],
      tierReason: null,
      // (20 − 25) / 25 = −0.2
      growth: {
        windowGrowth: -0.2,
        windowGrowthAbsolute: -5,
        quarterGrowth: null,
        quarterGrowthAbsolute: null,
      },
    });
    expect(rows[5]).toMatchObject({ id: 'g', rank: null, share: -0.03, cumulativeShare: null, class: 'C' });
  });

  it("names each row's position in the accounts given, for joins without a lookup by id", () => {
    const accounts = sampleAccounts().map((a) => (a.id === 'd' ? { ...a, margin: null } : a));
    for (const by of ['revenue', 'margin'] as const) {
      const { rows, rowPositions } = analyzePortfolio(accounts, {}, by);
      expect(rowPositions.map((position) => accounts[position].id)).toEqual(rows.map((r) => r.id));
    }
  });

  it('ranks by margin when asked, with accounts of unknown margin kept apart', () => {
    const accounts = sampleAccounts().map((a) => (a.id === 'd' ? { ...a, margin: null } : a));
    const analysis = analyzePortfolio(accounts, {}, 'margin');
    // Known margins a 15, b 6, e 4, c 4.5, f 0, g −0.9: base a, b, c, e → R = 29.5.
    expect(analysis.concentration).toMatchObject({ customers: 6, positiveCustomers: 4, total: 29.5 });
    expect(analysis.missingValueIds).toEqual(['d']);
    expect(analysis.rows.at(-1)).toMatchObject({
      id: 'd',
      value: null,
      rank: null,
      class: 'C',
      margin: null,
    });
    expect(analysis.rows[0]).toMatchObject({ id: 'a', value: 15, revenue: 50, share: 15 / 29.5 });
    expect(analysis.warnings[0].message).toContain('of gross margin');
    // a alone holds 15/29.5 = 50.8% of margin → A; what is at risk is still shown in revenue.
    expect(analysis.revenueAtRisk[0]).toMatchObject({ id: 'a', revenue: 50, share: 0.5, margin: 15 });
  });

  it('throws no_margin_data when ranking by margin without any margin', () => {
    const accounts = [account('a', 10), account('b', 5)];
    const attempt = () => analyzePortfolio(accounts, {}, 'margin');
    expect(attempt).toThrow(PortfolioError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'no_margin_data' }));
    // By revenue the same accounts work; without margins there is no matrix.
    expect(analyzePortfolio(accounts).abcMatrix).toBeNull();
  });

  it('applies manual classes and tiers with their reasons', () => {
    const accounts = sampleAccounts().map((a) =>
      a.id === 'e'
        ? {
            ...a,
            manualClass: { class: 'A' as const, reason: 'Brand reference' },
            manualTier: { tier: 'green' as const, reason: 'Strategic partner' },
          }
        : a,
    );
    const analysis = analyzePortfolio(accounts);
    const row = analysis.rows.find((r) => r.id === 'e');
    expect(row).toMatchObject({
      class: 'A',
      computedClass: 'C',
      classReason: 'Brand reference',
      tier: 'green',
      tierReasons: ['manual'],
      tierReason: 'Strategic partner',
    });
    expect(analysis.revenueAtRisk.map((r) => r.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(analysis.growthRanking.map((g) => g.id)).toEqual(['a', 'e']); // e has no previous window → last
  });

  it('merges settings over the defaults and passes prioritisation facts to the warnings', () => {
    const analysis = analyzePortfolio(sampleAccounts(), { abc: { aThreshold: 0.5 } }, 'revenue', {
      prioritisation: { customers: 7, abcPolicyInUse: false, serviceLevelsDiffer: false },
    });
    expect(analysis.settings.abc).toEqual({ aThreshold: 0.5, bThreshold: 0.95 });
    expect(analysis.abc.counts).toEqual({ A: 1, B: 3, C: 3 }); // a alone reaches 50%
    expect(codes(analysis.warnings)).not.toContain('no_prioritisation'); // 7 < 50 customers
  });

  it('handles an empty portfolio', () => {
    const analysis = analyzePortfolio([]);
    expect(analysis.concentration.gini).toBeNull();
    expect(analysis.rows).toEqual([]);
    expect(analysis.warnings).toEqual([]);
    expect(analyzePortfolio([], {}, 'margin').accounts).toBe(0);
  });

  it('rejects broken figures and settings with typed errors', () => {
    expect(() => analyzePortfolio([account('a', 1, { previousRevenue: Number.NaN })])).toThrow(
      expect.objectContaining({ code: 'invalid_figures' }),
    );
    expect(() => analyzePortfolio([account('a', 1), account('a', 2)])).toThrow(
      expect.objectContaining({ code: 'duplicate_account_id' }),
    );
    expect(() => resolvePortfolioSettings({ abc: { aThreshold: 0.9, bThreshold: 0.8 } })).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }),
    );
    expect(() => resolvePortfolioSettings({ concentration: { lorenzPoints: 1 } })).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }),
    );
  });
});

function codes(warnings: { code: string }[]): string[] {
  return warnings.map((w) => w.code);
}
