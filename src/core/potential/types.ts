/**
 * Shapes shared by the customer-base models of "Customer potential" (METHOD G1 potential criterion).
 * Every result is plain JSON-able data so the CLI, the store and reports can persist it as is.
 */

/**
 * Per-customer purchase history summarised the way BG/NBD and Pareto/NBD need it, as a struct of
 * arrays (one index per customer, or per distinct (x, tx, T) triple when `weight` is given).
 * Time is in one unit throughout (weeks in the literature).
 */
export interface RfmData {
  /** Repeat transactions in the calibration period: purchase events after the first, a whole number. */
  x: Float64Array;
  /** Time from the first purchase to the last repeat purchase (0 when x = 0). */
  tx: Float64Array;
  /** Time from the first purchase to the end of the calibration period. */
  T: Float64Array;
  /** How many customers share the row; absent means 1 each. Lets identical triples collapse. */
  weight?: Float64Array;
}

/** Spend summary for the Gamma-Gamma model: x repeat transactions with mean value zbar. */
export interface SpendData {
  x: Float64Array;
  /** Mean value of the repeat transactions; only rows with x > 0 take part in the fit. */
  zbar: Float64Array;
  weight?: Float64Array;
}

/** BG/NBD (Fader, Hardie & Lee 2005): purchase rate ~ Gamma(r, alpha), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): rate ~ Gamma(r, alpha), death rate ~ Gamma(s, beta). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Gamma-Gamma spend model (Fader & Hardie 2013): value ~ Gamma(p, nu), nu ~ Gamma(q, gamma). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Outcome of a maximum-likelihood fit; `converged` is false only when the caller allowed that. */
export interface FitResult<P> {
  params: P;
  /** Full log-likelihood, constant terms included, summed over customers. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Customers (sum of weights) that entered the likelihood. */
  customers: number;
}

export type BgNbdFit = FitResult<BgNbdParams>;
export type ParetoNbdFit = FitResult<ParetoNbdParams>;

export interface GammaGammaFit extends FitResult<GammaGammaParams> {
  /** Customers with x > 0 left out because their mean spend was zero or negative (free goods, refunds). */
  excludedNonPositiveSpend: number;
  /**
   * Pearson correlation of x and zbar over the customers fitted. The model assumes spend is
   * independent of frequency; a value far from 0 says its predictions should not be trusted.
   * null when x or zbar does not vary.
   */
  frequencySpendCorrelation: number | null;
}

export interface FitOptions {
  /** Starting point; a neutral default is derived from the data. */
  start?: Record<string, number>;
  maxIterations?: number;
  /** Fewer customers with x > 0 than this cannot identify the parameters (default 10). */
  minRepeatCustomers?: number;
  /** Return a non-converged fit with `converged: false` instead of throwing (default false). */
  allowNonConvergence?: boolean;
}

/**
 * Predictions shared by BG/NBD and Pareto/NBD, so CLV and reports need not know which model was fitted.
 * `t` is a horizon in the model's time unit, counted from the end of the calibration period
 * for the conditional figures and from the first purchase for the population ones.
 */
export interface TransactionModel {
  readonly kind: 'bgnbd' | 'paretonbd';
  /** Expected repeat transactions of a randomly chosen new customer in (0, t]. */
  expectedTransactions(t: number): number;
  /** Probability that a randomly chosen new customer makes exactly k repeat transactions in (0, t]. */
  probabilityOfTransactions(t: number, k: number): number;
  /** Expected transactions of a customer with history (x, tx, T) in the next t. */
  conditionalExpectedTransactions(x: number, tx: number, T: number, t: number): number;
  /** Probability that a customer with history (x, tx, T) is still active at T. */
  probabilityAlive(x: number, tx: number, T: number): number;
}
