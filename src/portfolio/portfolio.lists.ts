import type { PortfolioReport } from './portfolio.report-model.js';

/**
 * The account lists inside a portfolio summary. At 200,000 accounts they hold tens of thousands of rows
 * (every A account at risk, every Green Circle account by growth), megabytes that a dashboard shows ten
 * at a time. So the API sends the first rows of each with its length, and pages the rest on request;
 * `kontor analyze --json` keeps them whole (its documented shape).
 */
export const LIST_NAMES = [
  'revenueAtRisk',
  'byGrowth',
  'byPotential',
  'classChanges',
  'tierChanges',
] as const;
export type ListName = (typeof LIST_NAMES)[number];
/** On-demand analyses have no "changes since" (only published snapshots do). */
export const ANALYSIS_LIST_NAMES = ['revenueAtRisk', 'byGrowth', 'byPotential'] as const;

/** Rows of each list sent with a summary: more than a dashboard table shows before "show all". */
export const LIST_PREVIEW_ROWS = 100;

export type Summary = Omit<PortfolioReport, 'accounts'>;
export type ApiSummary = Summary & { listTotals: Record<ListName, number> };

export function listRows(summary: Summary, name: ListName): readonly unknown[] {
  switch (name) {
    case 'revenueAtRisk':
      return summary.revenueAtRisk;
    case 'byGrowth':
      return summary.greenCircle.byGrowth;
    case 'byPotential':
      return summary.greenCircle.byPotential;
    case 'classChanges':
      return summary.changes?.classChanges ?? [];
    case 'tierChanges':
      return summary.changes?.tierChanges ?? [];
  }
}

/** The summary as the API sends it: each list cut to its first rows, with every list's full length. */
export function withListPreviews(summary: Summary, rows = LIST_PREVIEW_ROWS): ApiSummary {
  const listTotals = Object.fromEntries(
    LIST_NAMES.map((name) => [name, listRows(summary, name).length]),
  ) as Record<ListName, number>;
  const { greenCircle, changes } = summary;
  return {
    ...summary,
    revenueAtRisk: summary.revenueAtRisk.slice(0, rows),
    greenCircle: {
      ...greenCircle,
      byGrowth: greenCircle.byGrowth.slice(0, rows),
      byPotential: greenCircle.byPotential.slice(0, rows),
    },
    changes: changes && {
      since: changes.since,
      classChanges: changes.classChanges.slice(0, rows),
      tierChanges: changes.tierChanges.slice(0, rows),
    },
    listTotals,
  };
}

export function listPage(summary: Summary, name: ListName, page: number, size: number) {
  const all = listRows(summary, name);
  return { items: all.slice((page - 1) * size, page * size), page, size, total: all.length };
}
