import type { AbcMatrixKey, AccountFigures, PortfolioAnalysis } from '../core/portfolio/index.js';
import type { AccountActivity, AnalysisWindow } from './portfolio.schema.js';

/**
 * The documented, stable JSON of `kontor analyze --json` (docs/analysis-json.md). Shares are fractions
 * 0..1; money is in the workspace currency.
 */
export interface PortfolioReport {
  version: 1;
  window: { from: string; to: string; previousFrom: string | null; previousTo: string | null };
  by: 'revenue' | 'margin';
  filters: Record<string, string>;
  currency: string;
  concentration: Omit<PortfolioAnalysis['concentration'], 'lorenz' | 'pareto'> & { topShare: number };
  abc: {
    A: number;
    B: number;
    C: number;
    computed: Record<'A' | 'B' | 'C', number>;
    classes: PortfolioAnalysis['abc']['classes'];
    thresholds: { a: number; b: number };
  };
  abcMatrix: Record<string, { count: number; revenue: number; margin: number }> | null;
  lorenz: PortfolioAnalysis['concentration']['lorenz'];
  pareto: PortfolioAnalysis['concentration']['pareto'];
  warnings: PortfolioAnalysis['warnings'];
  revenueAtRisk: PortfolioAnalysis['revenueAtRisk'];
  greenCircle: PortfolioAnalysis['greenCircle'] & {
    byGrowth: PortfolioAnalysis['growthRanking'];
    /** METHOD G1: accounts that are Green Circle because of their potential, largest potential first. */
    byPotential: { id: string; name: string | null; revenue: number; potential: number; class: string }[];
  };
  changes: { since: string; classChanges: Change[]; tierChanges: Change[] } | null;
  snapshotId: number | null;
  accounts: ReportAccount[];
}

export interface Change {
  id: string;
  name: string | null;
  from: string;
  to: string;
}

export type ReportAccount = PortfolioAnalysis['rows'][number] &
  Omit<AccountActivity, 'id' | 'revenue' | 'margin'> & {
    marginPct: number | null;
    potential: number | null;
    /** The account's cell in the revenue × margin matrix (computed classes); null without margin data. */
    matrixCell: AbcMatrixKey | null;
  };

export function toReport(input: {
  analysis: PortfolioAnalysis;
  /** The accounts analysed and their activity, both in the order given to analyzePortfolio. */
  figures: readonly AccountFigures[];
  activity: readonly AccountActivity[];
  window: AnalysisWindow;
  filters: Record<string, string>;
  currency: string;
}): PortfolioReport {
  const { analysis, window } = input;
  const { lorenz, pareto, ...concentration } = analysis.concentration;
  const cellById = new Map<string, AbcMatrixKey>();
  for (const [key, cell] of Object.entries(analysis.abcMatrix ?? {})) {
    for (const id of cell.ids) cellById.set(id, key as AbcMatrixKey);
  }
  // Field by field: object spread over 100,000 accounts cost seconds (V8's slow path for wide objects).
  const accounts: ReportAccount[] = analysis.rows.map((row, k) => {
    const position = analysis.rowPositions[k];
    const facts = input.activity[position];
    return {
      id: row.id,
      name: row.name,
      revenue: row.revenue,
      margin: row.margin,
      marginPct: row.margin !== null && row.revenue !== 0 ? row.margin / row.revenue : null,
      value: row.value,
      rank: row.rank,
      share: row.share,
      cumulativeShare: row.cumulativeShare,
      class: row.class,
      computedClass: row.computedClass,
      classReason: row.classReason,
      tier: row.tier,
      tierReasons: row.tierReasons,
      tierReason: row.tierReason,
      growth: row.growth,
      potential: input.figures[position].potential ?? null,
      matrixCell: cellById.get(row.id) ?? null,
      cost: facts.cost,
      orders: facts.orders,
      lines: facts.lines,
      firstPurchase: facts.firstPurchase,
      lastPurchase: facts.lastPurchase,
      activeMonths: facts.activeMonths,
      previousRevenue: facts.previousRevenue,
      lastQuarterRevenue: facts.lastQuarterRevenue,
      sameQuarterLastYearRevenue: facts.sameQuarterLastYearRevenue,
    };
  });
  const matrix = analysis.abcMatrix
    ? Object.fromEntries(
        Object.entries(analysis.abcMatrix).map(([key, cell]) => [
          key,
          { count: cell.count, revenue: cell.revenue, margin: cell.margin },
        ]),
      )
    : null;
  return {
    version: 1,
    window: {
      from: window.from,
      to: window.to,
      previousFrom: window.hasPreviousWindow ? window.previousFrom : null,
      previousTo: window.hasPreviousWindow ? window.previousTo : null,
    },
    by: analysis.by,
    filters: input.filters,
    currency: input.currency,
    // Sums of float shares carry noise (…300000023); money is reported at the stored 4 decimals.
    concentration: {
      ...concentration,
      total: roundMoney(concentration.total),
      nonPositiveTotal: roundMoney(concentration.nonPositiveTotal),
      topShare: analysis.settings.concentration.topShare,
    },
    abc: {
      ...analysis.abc.counts,
      computed: analysis.abc.computedCounts,
      classes: analysis.abc.classes,
      thresholds: { a: analysis.settings.abc.aThreshold, b: analysis.settings.abc.bThreshold },
    },
    abcMatrix: matrix,
    lorenz,
    pareto,
    warnings: analysis.warnings,
    revenueAtRisk: analysis.revenueAtRisk,
    greenCircle: {
      ...analysis.greenCircle,
      byGrowth: analysis.growthRanking,
      byPotential: accounts
        .filter((a) => a.tier === 'green' && a.tierReasons.includes('potential'))
        .map((a) => ({
          id: a.id,
          name: a.name,
          revenue: a.revenue,
          potential: a.potential ?? 0,
          class: a.class,
        }))
        .sort((a, b) => b.potential - a.potential || (a.id < b.id ? -1 : 1)),
    },
    changes: null,
    snapshotId: null,
    accounts,
  };
}

function roundMoney(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
