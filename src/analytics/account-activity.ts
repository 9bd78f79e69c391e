import type { DuckDBConnection } from '@duckdb/node-api';
import type { AccountActivity, AnalysisWindow } from '../portfolio/portfolio.schema.js';
import { readRows } from './read-rows.js';

export async function salesDateRange(
  connection: DuckDBConnection,
): Promise<{ first: string; last: string } | null> {
  const reader = await connection.runAndReadAll(
    'SELECT min(date)::VARCHAR, max(date)::VARCHAR FROM sales_lines',
  );
  const [first, last] = reader.getRowsJS()[0] ?? [];
  return first && last ? { first: String(first), last: String(last) } : null;
}

/**
 * One pass over the lines from the earliest comparison period to the window's end. Sums stay DECIMAL in
 * DuckDB and leave it as text, so stored money is exact; the rules compute shares from them as floats.
 * `accountIds` restricts the analysis (segment, region, owner filters resolved in the operational store).
 */
export async function accountActivity(
  connection: DuckDBConnection,
  window: AnalysisWindow,
  accountIds: string[] | null,
): Promise<AccountActivity[]> {
  let join = '';
  if (accountIds) {
    await connection.run('CREATE OR REPLACE TEMP TABLE analysis_accounts (customer_id VARCHAR)');
    const appender = await connection.createAppender('analysis_accounts', 'main', 'temp');
    for (const id of accountIds) {
      appender.appendVarchar(id);
      appender.endRow();
    }
    appender.closeSync();
    join = 'JOIN temp.analysis_accounts USING (customer_id)';
  }
  const inWindow = 'date BETWEEN $from::DATE AND $to::DATE';
  const rows = await readRows(
    connection,
    // One grouping gives the lifetime first/last purchase and the window figures. The orders are
    // counted from the distinct orders of each account instead: a DISTINCT aggregate keeps a set per
    // account (the whole query took 1.0 s with it, 0.85 s this way, at 10M lines, and it also runs
    // within a 60MB memory bound that the DISTINCT aggregate exceeded).
    `WITH figures AS (
       SELECT customer_id,
         min(date) AS first_purchase, max(date) AS last_purchase,
         sum(amount) FILTER (WHERE ${inWindow}) AS revenue,
         sum(coalesce(cost, amount - margin)) FILTER (WHERE ${inWindow}) AS cost,
         sum(coalesce(margin, amount - cost)) FILTER (WHERE ${inWindow}) AS margin,
         count(*) FILTER (WHERE ${inWindow}) AS lines,
         ${activeMonths(window, inWindow)} AS active_months,
         coalesce(sum(amount) FILTER (WHERE date BETWEEN $previousFrom::DATE AND $previousTo::DATE), 0) AS previous_revenue,
         coalesce(sum(amount) FILTER (WHERE date BETWEEN $quarterFrom::DATE AND $to::DATE), 0) AS quarter_revenue,
         coalesce(sum(amount) FILTER (WHERE date BETWEEN $quarterYearAgoFrom::DATE AND $quarterYearAgoTo::DATE), 0) AS quarter_year_ago
       FROM sales_lines ${join}
       WHERE date <= $to::DATE
       GROUP BY customer_id
       HAVING count(*) FILTER (WHERE ${inWindow}) > 0),
     -- an order: a document, or a purchase day of lines that carry no document number
     orders AS (
       SELECT customer_id, count(*) AS orders FROM (
         SELECT DISTINCT customer_id, document, CASE WHEN document IS NULL THEN date END
         FROM sales_lines ${join} WHERE ${inWindow})
       GROUP BY customer_id)
     SELECT customer_id, ${money('revenue')}, ${money('cost')}, ${money('margin')},
            coalesce(orders, 0), lines, first_purchase::VARCHAR, last_purchase::VARCHAR,
            active_months, ${money('previous_revenue')}, ${money('quarter_revenue')},
            ${money('quarter_year_ago')}
     FROM figures LEFT JOIN orders USING (customer_id)`,
    'customer_id',
    {
      from: window.from,
      to: window.to,
      previousFrom: window.previousFrom,
      previousTo: window.previousTo,
      quarterFrom: window.quarterFrom,
      quarterYearAgoFrom: window.quarterYearAgoFrom,
      quarterYearAgoTo: window.quarterYearAgoTo,
    },
  );
  return rows.map((row) => {
    const [id, revenue, cost, margin, orders, lines, first, last, months, previous, quarter, yearAgo] =
      row as [string, string, Text, Text, number, number, string, string, number, Text, Text, Text];
    return {
      id,
      revenue,
      cost,
      margin,
      orders,
      lines,
      firstPurchase: first,
      lastPurchase: last,
      activeMonths: months,
      previousRevenue: window.hasPreviousWindow ? previous : null,
      lastQuarterRevenue: quarter,
      sameQuarterLastYearRevenue: window.hasQuarterYearAgo ? yearAgo : null,
    };
  });
}

type Text = string | null;

/**
 * Months with a purchase in the window. A 64-bit mask of them, one bit per month since the window's
 * first, needs no set of distinct months per account: a fifth less time for the whole figures query
 * at 10M lines. Windows longer than 64 months count distinct months.
 */
function activeMonths(window: AnalysisWindow, inWindow: string): string {
  const [fromYear, fromMonth] = window.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = window.to.split('-').map(Number) as [number, number];
  if ((toYear - fromYear) * 12 + toMonth - fromMonth >= 64) {
    return `count(DISTINCT date_trunc('month', date)) FILTER (WHERE ${inWindow})`;
  }
  const index = `(year(date) - ${fromYear}) * 12 + month(date) - ${fromMonth}`;
  return `bit_count(bit_or(CASE WHEN ${inWindow} THEN 1::UBIGINT << (${index}) END))`;
}

/**
 * A DECIMAL(38,4) sum as its exact text. Printing a 128-bit decimal costs DuckDB about a microsecond a
 * value (a tenth of the whole figures query at 100,000 customers); the same value as DECIMAL(18,4)
 * prints the same text ten times faster, so only sums beyond that range take the slow, exact path.
 */
function money(column: string): string {
  return `CASE WHEN ${column} BETWEEN -99999999999999.9999 AND 99999999999999.9999
            THEN ${column}::DECIMAL(18,4)::VARCHAR ELSE ${column}::VARCHAR END`;
}
