import type { CustomerSummaryColumns } from '../analytics/customer-summary.js';
import type { TransactionModel } from '../core/potential/index.js';
import type { FrequencyRow, PotentialValidation } from './potential.schema.js';

const FREQUENCY_GROUPS = 8;

/**
 * Calibration/holdout check of a fitted model: per calibration frequency (0…6, 7+) the mean actual and
 * predicted holdout repeat purchases, the totals and per-customer errors, and the cumulative tracking
 * curve of repeat purchases since the first day in the data.
 */
export function validateOnHoldout(
  model: TransactionModel,
  summary: CustomerSummaryColumns,
  holdout: { end: string; length: number; daysPerUnit: number; repeatsByDay: Map<number, number> },
): PotentialValidation {
  const actual = summary.holdoutX!;
  const n = summary.ids.length;
  const groups = Array.from({ length: FREQUENCY_GROUPS }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  let actualTotal = 0;
  let predictedTotal = 0;
  let absolute = 0;
  let squared = 0;
  for (let i = 0; i < n; i++) {
    const predicted = model.conditionalExpectedTransactions(
      summary.x[i]!,
      summary.tx[i]!,
      summary.T[i]!,
      holdout.length,
    );
    const group = groups[Math.min(summary.x[i]!, FREQUENCY_GROUPS - 1)]!;
    group.customers += 1;
    group.actual += actual[i]!;
    group.predicted += predicted;
    actualTotal += actual[i]!;
    predictedTotal += predicted;
    absolute += Math.abs(predicted - actual[i]!);
    squared += (predicted - actual[i]!) ** 2;
  }
  const byFrequency: FrequencyRow[] = groups.map((group, x) => ({
    frequency: x === FREQUENCY_GROUPS - 1 ? `${x}+` : String(x),
    customers: group.customers,
    actual: group.customers ? group.actual / group.customers : 0,
    predicted: group.customers ? group.predicted / group.customers : 0,
  }));
  return {
    holdoutEnd: holdout.end,
    holdoutLength: holdout.length,
    actualRepeatTransactions: actualTotal,
    predictedRepeatTransactions: predictedTotal,
    totalError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : null,
    mae: n ? absolute / n : 0,
    rmse: n ? Math.sqrt(squared / n) : 0,
    byFrequency,
    cumulative: trackingCurve(model, summary, holdout),
  };
}

function trackingCurve(
  model: TransactionModel,
  summary: CustomerSummaryColumns,
  holdout: { end: string; daysPerUnit: number; repeatsByDay: Map<number, number> },
): PotentialValidation['cumulative'] {
  // Customers who started on the same day share one expectation curve.
  const starts = new Map<number, number>();
  for (const offset of summary.firstOffsetDays) starts.set(offset, (starts.get(offset) ?? 0) + 1);
  const lastDay = Math.round((Date.parse(holdout.end) - Date.parse(summary.origin)) / 86_400_000);
  const units = Math.ceil((lastDay + 1) / holdout.daysPerUnit);
  const curve: PotentialValidation['cumulative'] = [];
  let actual = 0;
  let day = 0;
  for (let unit = 1; unit <= units; unit++) {
    const endDay = Math.min(unit * holdout.daysPerUnit, lastDay + 1);
    for (; day < endDay; day++) actual += holdout.repeatsByDay.get(day) ?? 0;
    let expected = 0;
    for (const [offset, customers] of starts) {
      const elapsed = (endDay - offset) / holdout.daysPerUnit;
      if (elapsed > 0) expected += customers * model.expectedTransactions(elapsed);
    }
    curve.push({ unit, actual, expected });
  }
  return curve;
}
