import { ModelFitError } from './errors.js';
import type { RfmData } from './types.js';

/** One sale line; `day` is a whole day number (e.g. days since 1970-01-01, see dayFromYmd). */
export interface Transaction {
  customer: string;
  day: number;
  value: number;
}

export interface SummaryOptions {
  /** Last day of the calibration period, inclusive. */
  calibrationEnd: number;
  /** Last day of the holdout period, inclusive; holdoutX counts purchase days after calibrationEnd up to it. */
  holdoutEnd?: number;
  /** Days per model time unit: 7 gives weeks, as in the literature (default 7). */
  daysPerUnit?: number;
}

/** RFM and spend per customer, ready for fitBgNbd / fitParetoNbd / fitGammaGamma. */
export interface CustomerSummary extends RfmData {
  ids: string[];
  /** Mean value of the repeat purchase days in calibration; 0 when x = 0. */
  zbar: Float64Array;
  /** Purchase days in the holdout period (0 when no holdoutEnd was given). */
  holdoutX: Float64Array;
}

/**
 * Builds the (x, tx, T, zbar) summary the models expect. Purchases of one customer on one day are one
 * purchase event (their values summed); the first event is the customer's birth, not a repeat. Customers
 * whose first purchase falls after the calibration end are left out: they were not observed yet.
 */
export function summarizeTransactions(
  transactions: Iterable<Transaction>,
  options: SummaryOptions,
): CustomerSummary {
  const unit = options.daysPerUnit ?? 7;
  const holdoutEnd = options.holdoutEnd ?? options.calibrationEnd;
  // Per customer: day → summed value, so same-day purchases merge.
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    if (!Number.isInteger(t.day) || !Number.isFinite(t.value)) {
      throw new ModelFitError('invalid_input', `customer ${t.customer}: day must be whole, value finite`);
    }
    let days = byCustomer.get(t.customer);
    if (!days) {
      days = new Map();
      byCustomer.set(t.customer, days);
    }
    days.set(t.day, (days.get(t.day) ?? 0) + t.value);
  }
  const ids: string[] = [];
  const rows: number[][] = [];
  for (const [id, days] of byCustomer) {
    const sorted = [...days.keys()].sort((u, v) => u - v);
    const first = sorted[0];
    if (first > options.calibrationEnd) continue;
    let x = 0;
    let last = first;
    let repeatValue = 0;
    let holdout = 0;
    for (let i = 1; i < sorted.length; i++) {
      const day = sorted[i];
      if (day <= options.calibrationEnd) {
        x++;
        last = day;
        repeatValue += days.get(day) ?? 0;
      } else if (day <= holdoutEnd) {
        holdout++;
      }
    }
    ids.push(id);
    rows.push([
      x,
      (last - first) / unit,
      (options.calibrationEnd - first) / unit,
      x > 0 ? repeatValue / x : 0,
      holdout,
    ]);
  }
  const column = (k: number) => Float64Array.from(rows, (row) => row[k]);
  return { ids, x: column(0), tx: column(1), T: column(2), zbar: column(3), holdoutX: column(4) };
}

/** Day number (days since 1970-01-01) of a yyyymmdd integer such as 19970930. */
export function dayFromYmd(ymd: number): number {
  const year = Math.floor(ymd / 10000);
  const month = Math.floor(ymd / 100) % 100;
  const day = ymd % 100;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}
