import { type AbcInput, type AbcResult, abcClasses } from './abc.js';
import { type AbcMatrix, abcMatrix } from './abc-matrix.js';
import { type ConcentrationResult, concentration } from './concentration.js';
import { PortfolioError } from './errors.js';
import { type GreenCircleResult, greenCircle } from './green-circle.js';
import { type GrowthRankRow, rankByGrowth } from './growth.js';
import { compareIds } from './ranking.js';
import { type PortfolioRow, portfolioRows } from './rows.js';
import { type PortfolioSettings, type PortfolioSettingsInput, resolvePortfolioSettings } from './settings.js';
import type { AccountFigures, RankBy } from './types.js';
import {
  type PortfolioWarning,
  type PrioritisationFacts,
  portfolioWarnings,
  type RevenueAtRisk,
  revenueAtRisk,
} from './warnings.js';

export interface PortfolioContext {
  /** How customers are prioritised today; without it the METHOD P4 "no prioritisation" check is skipped. */
  prioritisation?: PrioritisationFacts | null;
}

/** The whole portfolio picture as one plain, JSON-able object. */
export interface PortfolioAnalysis {
  by: RankBy;
  settings: PortfolioSettings;
  accounts: number;
  /** by 'margin': accounts whose margin is unknown; they are outside the base and in class C. */
  missingValueIds: string[];
  concentration: ConcentrationResult;
  /** Over the accounts with a value: by 'margin', those in missingValueIds are not counted (rows show them as C). */
  abc: Omit<AbcResult, 'accounts'>;
  /** null when no account has margin data. */
  abcMatrix: AbcMatrix | null;
  warnings: PortfolioWarning[];
  revenueAtRisk: RevenueAtRisk[];
  greenCircle: Omit<GreenCircleResult, 'accounts'>;
  /** METHOD G3: the Green Circle accounts (tier in force) by growth. */
  growthRanking: GrowthRankRow[];
  /** One row per account: ranking order, then totals of zero or less, then accounts without a value. */
  rows: PortfolioRow[];
}

export function analyzePortfolio(
  accounts: readonly AccountFigures[],
  settingsInput: PortfolioSettingsInput = {},
  by: RankBy = 'revenue',
  context: PortfolioContext = {},
): PortfolioAnalysis {
  const settings = resolvePortfolioSettings(settingsInput);
  assertFiniteFigures(accounts);
  const withMargin = accounts.filter((a) => a.margin !== null);
  if (by === 'margin' && withMargin.length === 0 && accounts.length > 0) {
    throw new PortfolioError('no_margin_data', 'Cannot rank by gross margin: no account has margin data');
  }
  const revenueInput = accounts.map((a) => abcInput(a, a.revenue));
  const marginInput = withMargin.map((a) => abcInput(a, a.margin as number));
  const chosenInput = by === 'revenue' ? revenueInput : marginInput;

  const chosenConcentration = concentration(chosenInput, settings.concentration);
  const chosenAbc = abcClasses(chosenInput, settings.abc);
  const revenueAbc = by === 'revenue' ? chosenAbc : abcClasses(revenueInput, settings.abc);
  const marginAbc =
    by === 'margin' ? chosenAbc : withMargin.length > 0 ? abcClasses(marginInput, settings.abc) : null;
  const green = greenCircle(accounts, settings.greenCircle);
  const aIds = chosenAbc.accounts.filter((a) => a.class === 'A').map((a) => a.id);
  const greenIds = new Set(green.accounts.filter((a) => a.tier === 'green').map((a) => a.id));
  const missingValueIds =
    by === 'margin'
      ? accounts
          .filter((a) => a.margin === null)
          .map((a) => a.id)
          .sort(compareIds)
      : [];

  return {
    by,
    settings,
    accounts: accounts.length,
    missingValueIds,
    concentration: chosenConcentration,
    abc: {
      counts: chosenAbc.counts,
      computedCounts: chosenAbc.computedCounts,
      classes: chosenAbc.classes,
      total: chosenAbc.total,
    },
    abcMatrix: marginAbc ? abcMatrix(revenueAbc, marginAbc) : null,
    warnings: portfolioWarnings(
      {
        concentration: chosenConcentration,
        valueLabel: by === 'revenue' ? 'revenue' : 'gross margin',
        prioritisation: context.prioritisation,
      },
      settings.warnings,
    ),
    revenueAtRisk: revenueAtRisk(accounts, aIds),
    greenCircle: { counts: green.counts, cuts: green.cuts },
    growthRanking: rankByGrowth(accounts.filter((a) => greenIds.has(a.id))),
    rows: portfolioRows({ accounts, abc: chosenAbc, green, missingValueIds }),
  };
}

/** The manual class rides along on both rankings; the matrix ignores it and reads the computed classes. */
function abcInput(account: AccountFigures, value: number): AbcInput {
  return { id: account.id, value, potential: account.potential, manualClass: account.manualClass };
}

const NUMERIC_FIELDS = [
  'revenue',
  'cost',
  'margin',
  'previousRevenue',
  'lastQuarterRevenue',
  'sameQuarterLastYearRevenue',
  'potential',
] as const;

/** NaN or Infinity from a broken aggregate would poison every share; refuse it with the account named. */
function assertFiniteFigures(accounts: readonly AccountFigures[]): void {
  for (const account of accounts) {
    for (const field of NUMERIC_FIELDS) {
      const value = account[field];
      if (value != null && !Number.isFinite(value)) {
        throw new PortfolioError(
          'invalid_figures',
          `Account ${account.id} has a ${field} that is not a finite number`,
        );
      }
    }
  }
}
