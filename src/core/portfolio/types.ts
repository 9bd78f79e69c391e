/** Shared input and output shapes of the portfolio rules (METHOD P1–P4, G1, G3). */

export type AbcClass = 'A' | 'B' | 'C';
export type Tier = 'green' | 'transactional';

/** Which figure ranks the portfolio: net revenue (the default) or gross margin (METHOD P3). */
export type RankBy = 'revenue' | 'margin';

/**
 * Per-account aggregates over the analysis window, computed by SQL before they reach this module.
 * Amounts are net: credit notes and returns are already subtracted (METHOD P1).
 */
export interface AccountFigures {
  id: string;
  name?: string;
  revenue: number;
  cost: number | null;
  margin: number | null;
  /** Same-length window immediately before; null when the data does not reach that far back. */
  previousRevenue: number | null;
  lastQuarterRevenue: number | null;
  sameQuarterLastYearRevenue: number | null;
  /** Estimated 12-month potential (METHOD G1 potential criterion, METHOD P3 potential by class). */
  potential?: number | null;
  /** METHOD P3: an account made A (or another class) by hand, for a recorded strategic reason. */
  manualClass?: { class: AbcClass; reason: string } | null;
  /** METHOD G1: an account designated Green Circle or transactional by hand, with a reason. */
  manualTier?: { tier: Tier; reason: string } | null;
}

/** One customer's value for a concentration or ABC ranking. */
export interface ValueEntry {
  id: string;
  value: number;
}

/** A point of the Lorenz or Pareto curve; both coordinates are fractions 0..1. */
export interface CurvePoint {
  customerShare: number;
  valueShare: number;
}
