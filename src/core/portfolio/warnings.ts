import type { ConcentrationResult } from './concentration.js';
import { compareIds, type RankedBase, rankValues } from './ranking.js';
import { DEFAULT_PORTFOLIO_SETTINGS, type WarningSettings } from './settings.js';

export type PortfolioWarningCode =
  | 'largest_customer_dependence'
  | 'top5_dependence'
  | 'few_customers_make_80'
  | 'no_prioritisation';

/** high: one loss can sink the company (METHOD P4); medium: a structural weakness to work on. */
export type WarningSeverity = 'high' | 'medium';

export interface PortfolioWarning {
  code: PortfolioWarningCode;
  severity: WarningSeverity;
  /** Plain English for a sales manager, with the figures. */
  message: string;
  figures: Record<string, number | boolean>;
}

/** What the workspace knows about how customers are prioritised today (METHOD P4, the opposite fault). */
export interface PrioritisationFacts {
  customers: number;
  abcPolicyInUse: boolean;
  serviceLevelsDiffer: boolean;
}

export interface WarningInput {
  concentration: ConcentrationResult;
  /** What the concentration was computed on, for the messages. */
  valueLabel?: 'revenue' | 'gross margin';
  /** Omit when unknown: the "no prioritisation" check is then skipped. */
  prioritisation?: PrioritisationFacts | null;
}

/** METHOD P4 balance and dependence warnings. An empty base gives no dependence warnings. */
export function portfolioWarnings(
  input: WarningInput,
  settings: WarningSettings = DEFAULT_PORTFOLIO_SETTINGS.warnings,
): PortfolioWarning[] {
  const c = input.concentration;
  const label = input.valueLabel ?? 'revenue';
  const warnings: PortfolioWarning[] = [];
  if (c.largestShare !== null && c.largestShare > settings.largestCustomerMaxShare) {
    warnings.push({
      code: 'largest_customer_dependence',
      severity: 'high',
      message:
        `Your largest customer brings ${percent(c.largestShare)} of ${label}, above the ` +
        `${percent(settings.largestCustomerMaxShare)} limit. Losing this one customer would cost ` +
        `${percent(c.largestShare)} of ${label} at once.`,
      figures: { largestShare: c.largestShare, limit: settings.largestCustomerMaxShare },
    });
  }
  if (c.top5Share !== null && c.top5Share > settings.top5MaxShare) {
    warnings.push({
      code: 'top5_dependence',
      severity: 'high',
      message:
        `Your ${c.top5Count} largest customers bring ${percent(c.top5Share)} of ${label}, above the ` +
        `${percent(settings.top5MaxShare)} limit. Losing one or two of them would hit the business hard.`,
      figures: { top5Share: c.top5Share, top5Count: c.top5Count, limit: settings.top5MaxShare },
    });
  }
  if (c.positiveCustomers > 0 && c.customersTo80 < settings.minCustomersTo80) {
    warnings.push({
      code: 'few_customers_make_80',
      severity: 'medium',
      message:
        `Only ${c.customersTo80} ${c.customersTo80 === 1 ? 'customer makes' : 'customers make'} up ` +
        `${percent(c.reachShare)} of ${label} (fewer than ${settings.minCustomersTo80}). ` +
        'The business depends on very few customers; widen the base.',
      figures: { customersTo80: c.customersTo80, reachShare: c.reachShare, limit: settings.minCustomersTo80 },
    });
  }
  const prioritisation = input.prioritisation;
  if (prioritisation) {
    const warning = noPrioritisationWarning(prioritisation, settings.prioritisationMinCustomers);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

function noPrioritisationWarning(facts: PrioritisationFacts, minCustomers: number): PortfolioWarning | null {
  if (facts.customers < minCustomers || (facts.abcPolicyInUse && facts.serviceLevelsDiffer)) return null;
  const faults = [
    facts.abcPolicyInUse ? null : 'no A/B/C policy is in use',
    facts.serviceLevelsDiffer ? null : 'every customer gets the same service level',
  ].filter((f) => f !== null);
  return {
    code: 'no_prioritisation',
    severity: 'medium',
    message:
      `You have ${facts.customers.toLocaleString('en-US')} customers, but ${faults.join(' and ')}. ` +
      'Decide which customers matter most and serve them differently.',
    figures: { ...facts, limit: minCustomers },
  };
}

export interface RevenueAtRisk {
  id: string;
  name: string | null;
  revenue: number;
  /** Share of total positive revenue R; null when R = 0. */
  share: number | null;
  /** Revenue rank in the positive base; null for revenue of zero or less. */
  rank: number | null;
  margin: number | null;
}

/**
 * METHOD P4 "the revenue at risk if each A customer were lost", largest first (ties by id).
 * aClassIds are the accounts in class A, computed or strategic. `revenueRanking` is rankValues of the
 * accounts' revenue, for a caller that has it already.
 */
export function revenueAtRisk(
  accounts: readonly { id: string; name?: string; revenue: number; margin?: number | null }[],
  aClassIds: readonly string[],
  revenueRanking: RankedBase = rankValues(accounts.map((a) => ({ id: a.id, value: a.revenue }))),
): RevenueAtRisk[] {
  const { ranked, total } = revenueRanking;
  const inA = new Set(aClassIds);
  const rankById = new Map<string, number>();
  for (const r of ranked) if (inA.has(r.id)) rankById.set(r.id, r.rank);
  return accounts
    .filter((a) => inA.has(a.id))
    .map((a) => ({
      id: a.id,
      name: a.name ?? null,
      revenue: a.revenue,
      share: total > 0 ? a.revenue / total : null,
      rank: rankById.get(a.id) ?? null,
      margin: a.margin ?? null,
    }))
    .sort((a, b) => b.revenue - a.revenue || compareIds(a.id, b.id));
}

function percent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)}%`;
}
