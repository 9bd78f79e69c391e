import { ModelFitError } from './errors.js';
import type { RfmData, TransactionModel } from './types.js';

// METHOD G1: the potential criterion ranks customers by this estimate of what they will still bring.
/**
 * Customer lifetime value over a finite horizon:
 *   CLV = margin · spend · Σ_{k=1..K} (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)^k,   Δ = horizon / K,
 * E[Y(t)] the model's conditional expected purchases in the next t. Each step's purchases are
 * discounted as if they happened at the end of the step; a finer K moves them earlier.
 */
export interface ClvOptions {
  /** Horizon in the model's time unit (weeks for CDNOW: 52 is a year). */
  horizon: number;
  /** Equal steps the horizon is cut into, e.g. 12 monthly steps for a 52-week year (default 12). */
  steps?: number;
  /** Discount rate per step, e.g. 0.01 a month (about 12.7% a year). */
  discountRatePerStep: number;
  /** Share of spend that is margin; 1 (the default) gives CLV in revenue. */
  margin?: number;
}

/** Discounted expected value of one customer; `spend` is the expected value per purchase. */
export function customerClv(
  model: TransactionModel,
  x: number,
  tx: number,
  T: number,
  spend: number,
  options: ClvOptions,
): number {
  const steps = options.steps ?? 12;
  const step = options.horizon / steps;
  const growth = 1 + options.discountRatePerStep;
  let previous = 0;
  let value = 0;
  let discount = 1;
  for (let k = 1; k <= steps; k++) {
    const cumulative = model.conditionalExpectedTransactions(x, tx, T, k * step);
    discount /= growth;
    value += (cumulative - previous) * discount;
    previous = cumulative;
  }
  return (options.margin ?? 1) * spend * value;
}

/** customerClv for every row of the data; `spend[i]` is row i's expected value per purchase. */
export function clv(
  model: TransactionModel,
  data: RfmData,
  spend: ArrayLike<number>,
  options: ClvOptions,
): Float64Array {
  const steps = options.steps ?? 12;
  if (!(options.horizon > 0 && Number.isInteger(steps) && steps > 0 && options.discountRatePerStep > -1)) {
    throw new ModelFitError(
      'invalid_input',
      'CLV needs horizon > 0, whole steps > 0 and a discount rate > −1',
    );
  }
  if (spend.length !== data.x.length)
    throw new ModelFitError('invalid_input', 'one spend value per customer');
  const out = new Float64Array(data.x.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = customerClv(model, data.x[i], data.tx[i], data.T[i], spend[i], options);
  }
  return out;
}
