import type { DuckDBConnection } from '@duckdb/node-api';
import { KontorError } from '../errors.js';
import { addMonths } from '../portfolio/portfolio.window.js';
import { salesDateRange } from './account-activity.js';

/** Figures of one month (or of the whole range). Money is DuckDB's exact DECIMAL sum as text. */
export interface MonthFigures {
  revenue: string;
  /** Null when no line of the account in the range carries a cost or margin. */
  cost: string | null;
  margin: string | null;
  /** Documents, or purchase days for lines without a document number (as in the analysis). */
  orders: number;
  lines: number;
}

export interface MonthlyMetrics {
  accountId: string;
  from: string;
  to: string;
  /** Every calendar month from `from` to `to`, months without sales as zero; `month` is YYYY-MM. */
  months: (MonthFigures & { month: string })[];
  totals: MonthFigures;
}

/** The default range: this many months, ending at the latest sale in the data. */
export const DEFAULT_MONTHS = 24;
/** Longest range one request may ask for (100 years of months). */
export const MAX_MONTHS = 1200;

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

const FIGURES = `sum(amount) AS revenue,
  sum(coalesce(cost, amount - margin)) AS cost,
  sum(coalesce(margin, amount - cost)) AS margin,
  count(DISTINCT document) + count(DISTINCT date) FILTER (WHERE document IS NULL) AS orders,
  count(*) AS lines`;
const IN_RANGE = 'customer_id = $id AND date BETWEEN $from::DATE AND $to::DATE';

/**
 * Revenue, cost, margin and orders per calendar month for one account. The first and last month count
 * only the days inside the range; months without sales are zero (cost and margin stay null when the
 * account's lines in the range carry no cost data at all).
 */
export async function monthlyMetrics(
  connection: DuckDBConnection,
  accountId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<MonthlyMetrics> {
  let to = range.to;
  if (!to) {
    const data = await salesDateRange(connection);
    if (!data)
      throw new KontorError(
        'no_sales_data',
        'There are no sales lines yet. Import some first: kontor import sales FILE',
      );
    to = data.last;
  }
  const from = range.from ?? addMonths(`${to.slice(0, 7)}-01`, -(DEFAULT_MONTHS - 1));
  if (from > to) throw new KontorError('validation', `from (${from}) must not be after to (${to}).`);
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS)
    throw new KontorError('validation', `Ask for at most ${MAX_MONTHS} months at a time.`);
  const parameters = { id: accountId, from, to };
  const monthly = await connection.runAndReadAll(
    `WITH months AS (
       SELECT m::DATE AS month
       FROM generate_series(date_trunc('month', $from::DATE), date_trunc('month', $to::DATE), INTERVAL 1 MONTH) t(m)),
     figures AS (
       SELECT date_trunc('month', date)::DATE AS month, ${FIGURES}
       FROM sales_lines WHERE ${IN_RANGE} GROUP BY 1)
     SELECT strftime(months.month, '%Y-%m'), coalesce(revenue, 0)::VARCHAR, coalesce(cost, 0)::VARCHAR,
            coalesce(margin, 0)::VARCHAR, coalesce(orders, 0), coalesce(lines, 0)
     FROM months LEFT JOIN figures USING (month)
     ORDER BY months.month`,
    parameters,
  );
  const total = await connection.runAndReadAll(
    `SELECT coalesce(revenue, 0)::VARCHAR, cost::VARCHAR, margin::VARCHAR, orders, lines
     FROM (SELECT ${FIGURES} FROM sales_lines WHERE ${IN_RANGE})`,
    parameters,
  );
  const [revenue, cost, margin, orders, lines] = total.getRowsJS()[0] ?? [];
  const hasCost = cost !== null && cost !== undefined;
  return {
    accountId,
    from,
    to,
    months: monthly.getRowsJS().map((row) => ({
      month: String(row[0]),
      revenue: String(row[1]),
      cost: hasCost ? String(row[2]) : null,
      margin: hasCost ? String(row[3]) : null,
      orders: Number(row[4]),
      lines: Number(row[5]),
    })),
    totals: {
      revenue: String(revenue ?? '0'),
      cost: hasCost ? String(cost) : null,
      margin: hasCost ? String(margin) : null,
      orders: Number(orders ?? 0),
      lines: Number(lines ?? 0),
    },
  };
}
