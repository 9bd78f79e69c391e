import { describe, expect, it } from 'vitest';
import { type GreenCircleInput, greenCircle } from '../../../src/core/portfolio/index.js';

/** a..j with revenue 100, 90, …, 10 (R = 550). */
function tenAccounts(margins: (number | null)[]): GreenCircleInput[] {
  return margins.map((margin, i) => ({ id: 'abcdefghij'[i], revenue: 100 - 10 * i, margin }));
}

describe('greenCircle (METHOD G1)', () => {
  it('takes the top 20% by revenue, by margin, by potential and by hand', () => {
    const accounts = tenAccounts([10, 5, 30, -5, null, 0, 1, 2, 3, 50]);
    // Potential at or above the revenue cut (90) qualifies: f exactly 90 yes, h 89.99 no.
    accounts[5].potential = 90;
    accounts[7].potential = 89.99;
    accounts[8].manualTier = { tier: 'green', reason: 'New framework agreement' };
    accounts[0].manualTier = { tier: 'transactional', reason: 'Parent company buys centrally' };
    const result = greenCircle(accounts);
    // Revenue base 10 → ceil(0.2·10) = 2: a (100), b (90); cut value 90; they hold 190/550.
    expect(result.cuts.revenue).toEqual({ share: 0.2, base: 10, count: 2, value: 90, heldShare: 190 / 550 });
    // Margin base: positive margins a 10, b 5, c 30, g 1, h 2, i 3, j 50 → 7; ceil(1.4) = 2: j, c; cut 30.
    expect(result.cuts.margin).toEqual({ share: 0.2, base: 7, count: 2, value: 30, heldShare: 80 / 101 });
    const byId = Object.fromEntries(result.accounts.map((a) => [a.id, a]));
    expect(byId.a).toEqual({
      id: 'a',
      tier: 'transactional', // manual wins, also against the figures
      reasons: ['revenue', 'manual'],
      computedTier: 'green',
      manualReason: 'Parent company buys centrally',
    });
    expect(byId.b).toMatchObject({ tier: 'green', reasons: ['revenue'] });
    expect(byId.c).toMatchObject({ tier: 'green', reasons: ['margin'] });
    expect(byId.j).toMatchObject({ tier: 'green', reasons: ['margin'] });
    expect(byId.f).toMatchObject({ tier: 'green', reasons: ['potential'] });
    expect(byId.h).toMatchObject({ tier: 'transactional', reasons: [] });
    expect(byId.i).toMatchObject({ tier: 'green', reasons: ['manual'], computedTier: 'transactional' });
    expect(byId.e).toMatchObject({ tier: 'transactional', reasons: [] }); // margin unknown
    // Green: b, c, f, i, j; a was set transactional by hand.
    expect(result.counts).toEqual({ green: 5, transactional: 5 });
  });

  it('cuts at exactly ceil(share·n) customers, ties at the cut decided by id', () => {
    // x, y, z all 50, v and w 10: ceil(0.2·5) = 1 → only x (first 50 by id); cut value 50.
    // y is tied with the cut but outside the group; with a potential of 50 it qualifies by potential.
    const result = greenCircle([
      { id: 'z', revenue: 50, margin: null },
      { id: 'y', revenue: 50, margin: null, potential: 50 },
      { id: 'x', revenue: 50, margin: null },
      { id: 'w', revenue: 10, margin: null },
      { id: 'v', revenue: 10, margin: null },
    ]);
    expect(result.cuts.revenue).toMatchObject({ base: 5, count: 1, value: 50 });
    expect(result.cuts.margin).toEqual({ share: 0.2, base: 0, count: 0, value: null, heldShare: null });
    const tiers = Object.fromEntries(result.accounts.map((a) => [a.id, a.reasons]));
    expect(tiers).toEqual({ x: ['revenue'], y: ['potential'], z: [], w: [], v: [] });
  });

  it('counts ceil(share·n) without floating-point overshoot', () => {
    // 0.1·30 is 3.0000000000000004 in floating point; the top 10% of 30 is 3 customers, not 4.
    const accounts = Array.from({ length: 30 }, (_, i) => ({
      id: `k${i + 10}`,
      revenue: 100 - i,
      margin: null,
    }));
    expect(greenCircle(accounts, { revenueTopShare: 0.1, marginTopShare: 0.2 }).cuts.revenue.count).toBe(3);
  });

  it('leaves customers without positive revenue out of the revenue base', () => {
    const result = greenCircle([
      { id: 'p', revenue: 10, margin: -1 },
      { id: 'q', revenue: 0, margin: null },
      { id: 'r', revenue: -4, margin: 2, potential: 1000 },
    ]);
    // Revenue base = p only → ceil(0.2) = 1: p; margin base = r only → r; r's potential also beats 10.
    expect(result.cuts.revenue).toMatchObject({ base: 1, count: 1, value: 10, heldShare: 1 });
    expect(result.accounts.map((a) => a.reasons)).toEqual([['revenue'], [], ['margin', 'potential']]);
  });

  it('handles empty input', () => {
    expect(greenCircle([])).toMatchObject({ accounts: [], counts: { green: 0, transactional: 0 } });
  });
});
