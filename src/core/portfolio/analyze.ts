import { type AbcAssignment, type AbcInput, type AbcResult, abcClasses } from './abc.js';
import { type AbcMatrix, abcMatrix } from './abc-matrix.js';
import { type ConcentrationResult, concentration } from './concentration.js';
import { PortfolioError } from './errors.js';
import { type GreenCircleResult, greenCircle } from './green-circle.js';
import { type GrowthRankRow, rankByGrowth } from './growth.js';
import { compareIds, type RankedBase, rankValues } from './ranking.js';
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
  /** For each row, its account's position in the accounts analysed: a join without a lookup by id. */
  rowPositions: number[];
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
  const revenueInput = accounts.map((a, position) => abcInput(a, a.revenue, position));
  const marginInput: PositionedInput[] = [];
  accounts.forEach((a, position) => {
    if (a.margin !== null) marginInput.push(abcInput(a, a.margin, position));
  });
  const chosenInput = by === 'revenue' ? revenueInput : marginInput;
  // Each value basis is ranked once and the ranking shared by every rule that reads it.
  const chosenRanking = rankValues(chosenInput);
  const revenueRanking = by === 'revenue' ? chosenRanking : rankValues(revenueInput);
  const marginRanking = by === 'margin' ? chosenRanking : rankValues(marginInput);

  const chosenConcentration = concentration(chosenInput, settings.concentration, chosenRanking);
  const chosenAbc = abcClasses(chosenInput, settings.abc, chosenRanking);
  const revenueAbc = by === 'revenue' ? chosenAbc : abcClasses(revenueInput, settings.abc, revenueRanking);
  const marginAbc =
    by === 'margin'
      ? chosenAbc
      : withMargin.length > 0
        ? abcClasses(marginInput, settings.abc, marginRanking)
        : null;
  const green = greenCircle(accounts, settings.greenCircle, {
    revenue: revenueRanking,
    margin: marginRanking,
  });
  const aIds = chosenAbc.accounts.filter((a) => a.class === 'A').map((a) => a.id);
  const missingValuePositions =
    by === 'margin'
      ? accounts
          .flatMap((a, position) => (a.margin === null ? [position] : []))
          .sort((p, q) => compareIds(accounts[p].id, accounts[q].id))
      : [];
  const abcPositions = positionsOf(chosenRanking);

  return {
    by,
    settings,
    accounts: accounts.length,
    missingValueIds: missingValuePositions.map((position) => accounts[position].id),
    concentration: chosenConcentration,
    abc: {
      counts: chosenAbc.counts,
      computedCounts: chosenAbc.computedCounts,
      classes: chosenAbc.classes,
      total: chosenAbc.total,
    },
    abcMatrix: marginAbc ? matrixByPosition(revenueAbc, revenueRanking, marginAbc, marginRanking) : null,
    warnings: portfolioWarnings(
      {
        concentration: chosenConcentration,
        valueLabel: by === 'revenue' ? 'revenue' : 'gross margin',
        prioritisation: context.prioritisation,
      },
      settings.warnings,
    ),
    revenueAtRisk: revenueAtRisk(accounts, aIds, revenueRanking),
    greenCircle: { counts: green.counts, cuts: green.cuts },
    // green.accounts follow the order of accounts.
    growthRanking: rankByGrowth(accounts.filter((_, position) => green.accounts[position].tier === 'green')),
    rows: portfolioRows({ accounts, abc: chosenAbc, abcPositions, green, missingValuePositions }),
    rowPositions: [...abcPositions, ...missingValuePositions],
  };
}

/** abcClasses lists the ranking, then the totals of zero or less: the order of the ranking's entries. */
function positionsOf(ranking: RankedBase<PositionedInput>): number[] {
  const positions = ranking.ranked.map((r) => r.entry.position);
  for (const entry of ranking.nonPositive) positions.push(entry.position);
  return positions;
}

/** abcMatrix, with each account's margin class found by its position instead of by id. */
function matrixByPosition(
  revenueAbc: AbcResult,
  revenueRanking: RankedBase<PositionedInput>,
  marginAbc: AbcResult,
  marginRanking: RankedBase<PositionedInput>,
): AbcMatrix {
  const marginByPosition: AbcAssignment[] = [];
  const marginPositions = positionsOf(marginRanking);
  marginAbc.accounts.forEach((account, k) => {
    marginByPosition[marginPositions[k]] = account;
  });
  const revenuePositions = positionsOf(revenueRanking);
  return abcMatrix(revenueAbc, marginAbc, (_, k) => marginByPosition[revenuePositions[k]]);
}

/** An account's value on one basis, with its position in the accounts, so results join without a lookup. */
interface PositionedInput extends AbcInput {
  position: number;
}

/** The manual class rides along on both rankings; the matrix ignores it and reads the computed classes. */
function abcInput(account: AccountFigures, value: number, position: number): PositionedInput {
  return { id: account.id, value, potential: account.potential, manualClass: account.manualClass, position };
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
