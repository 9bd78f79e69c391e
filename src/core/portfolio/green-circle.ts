import { PortfolioError } from './errors.js';
import { countForShare, type RankedBase, rankValues } from './ranking.js';
import { DEFAULT_PORTFOLIO_SETTINGS, type GreenCircleSettings } from './settings.js';
import type { Tier } from './types.js';

export type GreenReason = 'revenue' | 'margin' | 'potential' | 'manual';

export interface GreenCircleInput {
  id: string;
  revenue: number;
  margin: number | null;
  potential?: number | null;
  manualTier?: { tier: Tier; reason: string } | null;
}

/**
 * A "top x%" cut. Definition: over the customers with a positive figure (base), ranked largest first with
 * ties by id, the top group is exactly the first count = ceil(share·base) of them; `value` is the figure of
 * the last one in the group (the smallest figure still inside). A customer tied with it but later by id is
 * outside, as in the ABC ranking (METHOD P3 stable ties).
 */
export interface GreenCircleCut {
  share: number;
  base: number;
  count: number;
  /** null when the base is empty. */
  value: number | null;
  /** Share of the base total held by the top group; null when the base is empty. */
  heldShare: number | null;
}

export interface GreenCircleAccount {
  id: string;
  /** The tier in force: the manual one when set, else the computed one. */
  tier: Tier;
  /** Criteria met (revenue, margin, potential), plus 'manual' when designated by hand. */
  reasons: GreenReason[];
  computedTier: Tier;
  manualReason: string | null;
}

export interface GreenCircleResult {
  accounts: GreenCircleAccount[];
  counts: Record<Tier, number>;
  cuts: { revenue: GreenCircleCut; margin: GreenCircleCut };
}

/**
 * METHOD G1: Green Circle when in the top 20% by revenue, or in the top 20% by gross margin, or when the
 * estimated potential is at or above the revenue at the top-20% revenue cut, or designated by hand with
 * a reason. A manual designation wins either way, also a manual 'transactional'.
 */
export function greenCircle(
  accounts: readonly GreenCircleInput[],
  settings: GreenCircleSettings = DEFAULT_PORTFOLIO_SETTINGS.greenCircle,
  rankings: GreenCircleRankings = greenCircleRankings(accounts),
): GreenCircleResult {
  const revenue = topGroup(rankings.revenue, settings.revenueTopShare);
  const margin = topGroup(rankings.margin, settings.marginTopShare);
  const result = accounts.map((a): GreenCircleAccount => {
    const reasons: GreenReason[] = [];
    if (revenue.ids.has(a.id)) reasons.push('revenue');
    if (margin.ids.has(a.id)) reasons.push('margin');
    if (reachesPotential(a, revenue.cut.value)) reasons.push('potential');
    const computedTier: Tier = reasons.length > 0 ? 'green' : 'transactional';
    if (a.manualTier) reasons.push('manual');
    return {
      id: a.id,
      tier: a.manualTier?.tier ?? computedTier,
      reasons,
      computedTier,
      manualReason: a.manualTier?.reason ?? null,
    };
  });
  const counts: Record<Tier, number> = { green: 0, transactional: 0 };
  for (const a of result) counts[a.tier] += 1;
  return { accounts: result, counts, cuts: { revenue: revenue.cut, margin: margin.cut } };
}

/** The rankings the cuts are made on; a caller that has them already passes them in. */
export interface GreenCircleRankings {
  /** rankValues of every account's revenue. */
  revenue: RankedBase;
  /** rankValues of the known margins. */
  margin: RankedBase;
}

function greenCircleRankings(accounts: readonly GreenCircleInput[]): GreenCircleRankings {
  return {
    revenue: rankValues(accounts.map((a) => ({ id: a.id, value: a.revenue }))),
    margin: rankValues(
      accounts.filter((a) => a.margin !== null).map((a) => ({ id: a.id, value: a.margin as number })),
    ),
  };
}

function topGroup({ ranked }: RankedBase, share: number) {
  const count = countForShare(share, ranked.length);
  const top = ranked.slice(0, count);
  const last = top.at(-1);
  const cut: GreenCircleCut = {
    share,
    base: ranked.length,
    count,
    value: last?.value ?? null,
    heldShare: last?.cumulativeShare ?? null,
  };
  return { cut, ids: new Set(top.map((r) => r.id)) };
}

function reachesPotential(account: GreenCircleInput, revenueCut: number | null): boolean {
  const potential = account.potential;
  if (potential == null || revenueCut === null) return false;
  if (!Number.isFinite(potential)) {
    throw new PortfolioError(
      'invalid_figures',
      `Account ${account.id} has a potential that is not a finite number`,
    );
  }
  return potential >= revenueCut;
}
