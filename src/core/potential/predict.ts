import type { RfmData, TransactionModel } from './types.js';

/** Per-customer predictions over one horizon, column-wise like the input. */
export interface CustomerPredictions {
  /** Expected purchases in the next `horizon` after the calibration period. */
  expectedTransactions: Float64Array;
  probabilityAlive: Float64Array;
}

/** Conditional expectation and P(alive) for every row of the data. */
export function predictCustomers(
  model: TransactionModel,
  data: RfmData,
  horizon: number,
): CustomerPredictions {
  const n = data.x.length;
  const expectedTransactions = new Float64Array(n);
  const probabilityAlive = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    expectedTransactions[i] = model.conditionalExpectedTransactions(
      data.x[i],
      data.tx[i],
      data.T[i],
      horizon,
    );
    probabilityAlive[i] = model.probabilityAlive(data.x[i], data.tx[i], data.T[i]);
  }
  return { expectedTransactions, probabilityAlive };
}
