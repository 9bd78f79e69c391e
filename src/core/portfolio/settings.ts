import { PortfolioError } from './errors.js';

/**
 * Every number of the portfolio rules, with the method's figure as the default (METHOD: "where an article
 * gives a number, the number is the default; every default is a workspace setting").
 */
export interface ConcentrationSettings {
  /** METHOD P1: share of customers counted as "the top" (the ceil(0.25·n) largest). */
  topShare: number;
  /** METHOD P1: cumulative share whose reach is counted ("customers needed to reach 80% of R"). */
  reachShare: number;
  /** METHOD P1: "the top 5's share". */
  topCustomersCount: number;
  /** Most points returned per curve (Lorenz, Pareto); a chart needs no more. Not from the method. */
  lorenzPoints: number;
}

export interface AbcSettings {
  /** METHOD P3: A = the fewest top customers whose cumulative value reaches this share. */
  aThreshold: number;
  /** METHOD P3: B = those further needed to reach this share. */
  bThreshold: number;
}

export interface WarningSettings {
  /** METHOD P4: warn when the largest customer exceeds this share. */
  largestCustomerMaxShare: number;
  /** METHOD P4: warn when the top 5 (ConcentrationSettings.topCustomersCount) exceed this share. */
  top5MaxShare: number;
  /** METHOD P4: warn when fewer than this many customers make up 80% of the value. */
  minCustomersTo80: number;
  /** METHOD P4 "many customers, no prioritisation": from how many customers the check applies. Ours, not the method's. */
  prioritisationMinCustomers: number;
}

export interface GreenCircleSettings {
  /** METHOD G1: top 20% by revenue are Green Circle. */
  revenueTopShare: number;
  /** METHOD G1: top 20% by gross margin are Green Circle. */
  marginTopShare: number;
}

export interface PortfolioSettings {
  concentration: ConcentrationSettings;
  abc: AbcSettings;
  warnings: WarningSettings;
  greenCircle: GreenCircleSettings;
}

export const DEFAULT_PORTFOLIO_SETTINGS: Readonly<PortfolioSettings> = Object.freeze({
  concentration: Object.freeze({ topShare: 0.25, reachShare: 0.8, topCustomersCount: 5, lorenzPoints: 101 }),
  abc: Object.freeze({ aThreshold: 0.8, bThreshold: 0.95 }),
  warnings: Object.freeze({
    largestCustomerMaxShare: 0.1,
    top5MaxShare: 0.5,
    minCustomersTo80: 10,
    prioritisationMinCustomers: 50,
  }),
  greenCircle: Object.freeze({ revenueTopShare: 0.2, marginTopShare: 0.2 }),
});

/** Workspace settings as stored: any subset of any section. */
export type PortfolioSettingsInput = {
  [Section in keyof PortfolioSettings]?: Partial<PortfolioSettings[Section]>;
};

/** Fills the gaps with the defaults and rejects values that would make the rules meaningless. */
export function resolvePortfolioSettings(input: PortfolioSettingsInput = {}): PortfolioSettings {
  const d = DEFAULT_PORTFOLIO_SETTINGS;
  const settings: PortfolioSettings = {
    concentration: { ...d.concentration, ...input.concentration },
    abc: { ...d.abc, ...input.abc },
    warnings: { ...d.warnings, ...input.warnings },
    greenCircle: { ...d.greenCircle, ...input.greenCircle },
  };
  const { concentration: c, abc, warnings: w, greenCircle: g } = settings;
  requireShare('concentration.topShare', c.topShare);
  requireShare('concentration.reachShare', c.reachShare);
  requireCount('concentration.topCustomersCount', c.topCustomersCount, 1);
  requireCount('concentration.lorenzPoints', c.lorenzPoints, 2);
  requireShare('abc.aThreshold', abc.aThreshold);
  requireShare('abc.bThreshold', abc.bThreshold);
  if (abc.bThreshold < abc.aThreshold) {
    throw new PortfolioError('invalid_settings', 'abc.bThreshold must not be below abc.aThreshold');
  }
  requireShare('warnings.largestCustomerMaxShare', w.largestCustomerMaxShare);
  requireShare('warnings.top5MaxShare', w.top5MaxShare);
  requireCount('warnings.minCustomersTo80', w.minCustomersTo80, 0);
  requireCount('warnings.prioritisationMinCustomers', w.prioritisationMinCustomers, 0);
  requireShare('greenCircle.revenueTopShare', g.revenueTopShare);
  requireShare('greenCircle.marginTopShare', g.marginTopShare);
  return settings;
}

function requireShare(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0 && value <= 1)) {
    throw new PortfolioError(
      'invalid_settings',
      `${name} must be a fraction above 0 and at most 1, got ${value}`,
    );
  }
}

function requireCount(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new PortfolioError(
      'invalid_settings',
      `${name} must be a whole number of at least ${min}, got ${value}`,
    );
  }
}
