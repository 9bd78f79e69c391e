import { customersToReach } from './concentration.js';
import { PortfolioError } from './errors.js';
import { type RankedBase, rankValues } from './ranking.js';
import { type AbcSettings, DEFAULT_PORTFOLIO_SETTINGS } from './settings.js';
import type { AbcClass, ValueEntry } from './types.js';

export interface AbcInput extends ValueEntry {
  potential?: number | null;
  manualClass?: { class: AbcClass; reason: string } | null;
}

export interface AbcAssignment {
  id: string;
  value: number;
  /** Rank in the positive base (1 = largest); null for a total of zero or less. */
  rank: number | null;
  /** value / R; negative for a negative total; null when R = 0. */
  share: number | null;
  /** Share of R held by this account and all ranked above it; null outside the positive base. */
  cumulativeShare: number | null;
  /** The class in force: the manual one when set (METHOD P3 strategic A), else the computed one. */
  class: AbcClass;
  computedClass: AbcClass;
  /** The recorded reason of a manual class, shown wherever the class is shown. */
  manualReason: string | null;
}

export interface AbcClassSummary {
  count: number;
  /** Net sum of the members' values, totals of zero or less included. */
  value: number;
  /** The members' part of R (positive totals only), so the three shares add up to 1; null when R = 0. */
  share: number | null;
  /** METHOD P3 "show potential by class": sum of the known potentials; null when no member has one. */
  potential: number | null;
  accountsWithPotential: number;
}

export type AbcCounts = Record<AbcClass, number>;

export interface AbcResult {
  /** Ranking order, then the totals of zero or less (most negative first). */
  accounts: AbcAssignment[];
  /** Counts of the classes in force (manual overrides applied). */
  counts: AbcCounts;
  /** Counts as computed from the figures alone. */
  computedCounts: AbcCounts;
  classes: Record<AbcClass, AbcClassSummary>;
  /** R, the positive base total. */
  total: number;
}

export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

/** METHOD P3 classes over the METHOD P1 base. `ranking` is rankValues(values), for a caller that has it. */
export function abcClasses<T extends AbcInput>(
  values: readonly T[],
  settings: AbcSettings = DEFAULT_PORTFOLIO_SETTINGS.abc,
  ranking: RankedBase<T> = rankValues(values),
): AbcResult {
  const { ranked, nonPositive, total } = ranking;
  const aCount = customersToReach(ranked, settings.aThreshold);
  // The customer that crosses 95% is B (METHOD P3); when the A crossing already passes 95%, B is empty.
  const abCount = Math.max(aCount, customersToReach(ranked, settings.bThreshold));
  const accounts: AbcAssignment[] = [];
  const counts: AbcCounts = { A: 0, B: 0, C: 0 };
  const computedCounts: AbcCounts = { A: 0, B: 0, C: 0 };
  const classes = { A: emptySummary(), B: emptySummary(), C: emptySummary() };
  const positivePart: AbcCounts = { A: 0, B: 0, C: 0 };
  // One pass in the order of `accounts` (ranking, then the rest), so every sum adds up in that order.
  const assign = (
    entry: AbcInput,
    rank: number | null,
    cumulativeShare: number | null,
    computedClass: AbcClass,
  ) => {
    const manual = entry.manualClass ?? null;
    const account: AbcAssignment = {
      id: entry.id,
      value: entry.value,
      rank,
      share: total > 0 ? entry.value / total : null,
      cumulativeShare,
      class: manual?.class ?? computedClass,
      computedClass,
      manualReason: manual?.reason ?? null,
    };
    accounts.push(account);
    counts[account.class] += 1;
    computedCounts[computedClass] += 1;
    const summary = classes[account.class];
    summary.count += 1;
    summary.value += account.value;
    positivePart[account.class] += Math.max(0, account.value);
    const potential = entry.potential;
    if (potential != null) {
      if (!Number.isFinite(potential)) {
        throw new PortfolioError(
          'invalid_figures',
          `Account ${account.id} has a potential that is not a finite number`,
        );
      }
      summary.potential = (summary.potential ?? 0) + potential;
      summary.accountsWithPotential += 1;
    }
  };
  for (const r of ranked) {
    assign(r.entry, r.rank, r.cumulativeShare, r.rank <= aCount ? 'A' : r.rank <= abCount ? 'B' : 'C');
  }
  for (const v of nonPositive) assign(v, null, null, 'C');
  for (const c of ABC_CLASSES) classes[c].share = total > 0 ? positivePart[c] / total : null;
  return { accounts, counts, computedCounts, classes, total };
}

function emptySummary(): AbcClassSummary {
  return { count: 0, value: 0, share: null, potential: null, accountsWithPotential: 0 };
}
