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

/** The rules' results, joined by position in `accounts` rather than looked up by id. */
export interface RowSources {
  accounts: readonly AccountFigures[];
  abc: AbcResult;
  /** For each of abc.accounts, in order, its position in `accounts`. */
  abcPositions: readonly number[];
  /** green.accounts are in the order of `accounts`. */
  green: GreenCircleResult;
  /** Positions of the accounts without a value (by 'margin', margin unknown): class C, no rank, listed last. */
  missingValuePositions: readonly number[];
}

export function portfolioRows({
  accounts,
  abc,
  abcPositions,
  green,
  missingValuePositions,
}: RowSources): PortfolioRow[] {
  // Rows are built field by field: spreading 100,000 intermediate objects was most of the analysis time.
  const row = (
    position: number,
    ranking: Pick<
      PortfolioRow,
      'value' | 'rank' | 'share' | 'cumulativeShare' | 'class' | 'computedClass' | 'classReason'
    >,
  ): PortfolioRow => {
    const account = accounts[position];
    const tier = green.accounts[position];
    return {
      id: account.id,
      name: account.name ?? null,
      revenue: account.revenue,
      margin: account.margin,
      value: ranking.value,
      rank: ranking.rank,
      share: ranking.share,
      cumulativeShare: ranking.cumulativeShare,
      class: ranking.class,
      computedClass: ranking.computedClass,
      classReason: ranking.classReason,
      tier: tier.tier,
      tierReasons: tier.reasons,
      tierReason: tier.manualReason,
      growth: growth(account),
    };
  };
  const rows: PortfolioRow[] = [];
  for (let k = 0; k < abc.accounts.length; k++) {
    const a = abc.accounts[k];
    rows.push(
      row(abcPositions[k], {
        value: a.value,
        rank: a.rank,
        share: a.share,
        cumulativeShare: a.cumulativeShare,
        class: a.class,
        computedClass: a.computedClass,
        classReason: a.manualReason,
      }),
    );
  }
  for (const position of missingValuePositions) {
    const manual = accounts[position].manualClass ?? null;
    rows.push(
      row(position, {
        value: null,
        rank: null,
        share: null,
        cumulativeShare: null,
        class: manual?.class ?? 'C',
        computedClass: 'C',
        classReason: manual?.reason ?? null,
      }),
    );
  }
  return rows;
}
