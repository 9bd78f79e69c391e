import type { AbcResult } from './abc.js';
import type { GreenCircleResult, GreenReason } from './green-circle.js';
import { type GrowthFigures, growth } from './growth.js';
import type { AbcClass, AccountFigures, Tier } from './types.js';

/** Everything the portfolio rules say about one account, for lists and exports. */
export interface PortfolioRow {
  id: string;
  name: string | null;
  revenue: number;
  margin: number | null;
  /** The figure ranked on (revenue or margin); null when by 'margin' and the margin is unknown. */
  value: number | null;
  /** Rank in the positive base (1 = largest); null for a value of zero or less, or unknown. */
  rank: number | null;
  /** value / R; negative for a negative total; null when unknown or R = 0. */
  share: number | null;
  /** Share of R held by this account and all ranked above it; null outside the positive base. */
  cumulativeShare: number | null;
  class: AbcClass;
  computedClass: AbcClass;
  /** Reason of a manual (strategic) class. */
  classReason: string | null;
  tier: Tier;
  tierReasons: GreenReason[];
  /** Reason of a manual tier. */
  tierReason: string | null;
  growth: GrowthFigures;
}

export interface RowSources {
  accounts: readonly AccountFigures[];
  abc: AbcResult;
  green: GreenCircleResult;
  /** Accounts without a value (by 'margin', margin unknown): class C, no rank, listed last. */
  missingValueIds: readonly string[];
}

export function portfolioRows({ accounts, abc, green, missingValueIds }: RowSources): PortfolioRow[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const tierById = new Map(green.accounts.map((g) => [g.id, g]));
  const valued = abc.accounts.map((a) => ({
    id: a.id,
    value: a.value as number | null,
    rank: a.rank,
    share: a.share,
    cumulativeShare: a.cumulativeShare,
    class: a.class,
    computedClass: a.computedClass,
    classReason: a.manualReason,
  }));
  const unvalued = missingValueIds.map((id) => {
    const manual = byId.get(id)?.manualClass ?? null;
    const computedClass: AbcClass = 'C';
    return {
      id,
      value: null,
      rank: null,
      share: null,
      cumulativeShare: null,
      class: manual?.class ?? computedClass,
      computedClass,
      classReason: manual?.reason ?? null,
    };
  });
  return [...valued, ...unvalued].map((row) => {
    const account = byId.get(row.id) as AccountFigures;
    const tier = tierById.get(row.id);
    return {
      ...row,
      name: account.name ?? null,
      revenue: account.revenue,
      margin: account.margin,
      tier: tier?.tier ?? 'transactional',
      tierReasons: tier?.reasons ?? [],
      tierReason: tier?.manualReason ?? null,
      growth: growth(account),
    };
  });
}
