import type { DuckDBConnection } from '@duckdb/node-api';

export interface SummaryRequest {
  calibrationEnd: string;
  /** Days per time unit: 7 for weeks, 1 for days. */
  daysPerUnit: number;
  holdoutEnd?: string | undefined;
}

/** Per-customer (x, t_x, T) and spend, column-wise, in customer id order. */
export interface CustomerSummaryColumns {
  ids: string[];
  firstPurchase: string[];
  /** Days from the first day in the data to each customer's first purchase. */
  firstOffsetDays: Float64Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat purchases (0 when x = 0). */
  zbar: Float64Array;
  /** Purchase days in the holdout period (only with holdoutEnd). */
  holdoutX: Float64Array | null;
  origin: string;
}

/**
 * The customer-base summary from the sales lines (CDNOW rules, data README): purchases of one customer on
 * one day are one purchase event; the first event is not a repeat; t_x and T count from the first purchase,
 * T to the end of the calibration period. Customers whose first purchase is after that end are not in it.
 */
export async function customerSummary(
  connection: DuckDBConnection,
  request: SummaryRequest,
): Promise<CustomerSummaryColumns> {
  const holdout = request.holdoutEnd
    ? 'count(*) FILTER (WHERE date > $calibrationEnd::DATE AND date <= $holdoutEnd::DATE)'
    : 'NULL::BIGINT';
  const reader = await connection.runAndReadAll(
    `WITH events AS (
       SELECT customer_id, date, sum(amount) AS value FROM sales_lines
       WHERE date <= coalesce($holdoutEnd::DATE, $calibrationEnd::DATE) GROUP BY customer_id, date),
     origin AS (SELECT min(date) AS origin FROM events)
     SELECT customer_id,
       min(date)::VARCHAR AS first_purchase,
       date_diff('day', (SELECT origin FROM origin), min(date)) AS first_offset,
       count(*) FILTER (WHERE date <= $calibrationEnd::DATE) - 1 AS x,
       date_diff('day', min(date), max(date) FILTER (WHERE date <= $calibrationEnd::DATE)) AS tx_days,
       date_diff('day', min(date), $calibrationEnd::DATE) AS t_days,
       (sum(value) FILTER (WHERE date <= $calibrationEnd::DATE) - arg_min(value, date))::DOUBLE AS repeat_value,
       ${holdout} AS holdout_x,
       (SELECT origin FROM origin)::VARCHAR AS origin
     FROM events GROUP BY customer_id
     HAVING min(date) <= $calibrationEnd::DATE
     ORDER BY customer_id`,
    { calibrationEnd: request.calibrationEnd, holdoutEnd: request.holdoutEnd ?? null },
  );
  const columns = reader.getColumnsJS();
  const n = reader.currentRowCount;
  const numbers = (index: number, scale = 1) =>
    Float64Array.from(columns[index] as unknown[], (v) => Number(v ?? 0) / scale);
  const x = numbers(3);
  const repeatValue = numbers(6);
  return {
    ids: (columns[0] ?? []).map(String),
    firstPurchase: (columns[1] ?? []).map(String),
    firstOffsetDays: numbers(2),
    x,
    tx: numbers(4, request.daysPerUnit),
    T: numbers(5, request.daysPerUnit),
    zbar: Float64Array.from({ length: n }, (_, i) => (x[i]! > 0 ? repeatValue[i]! / x[i]! : 0)),
    holdoutX: request.holdoutEnd ? numbers(7) : null,
    origin: n > 0 ? String(columns[8]?.[0]) : request.calibrationEnd,
  };
}

/** Repeat purchase events per day since the first day in the data, for the cumulative tracking curve. */
export async function repeatEventsByDay(
  connection: DuckDBConnection,
  until: string,
): Promise<Map<number, number>> {
  const reader = await connection.runAndReadAll(
    `WITH events AS (SELECT DISTINCT customer_id, date FROM sales_lines WHERE date <= $until::DATE),
     ranked AS (SELECT date, row_number() OVER (PARTITION BY customer_id ORDER BY date) AS n FROM events)
     SELECT date_diff('day', (SELECT min(date) FROM events), date) AS day, count(*) AS repeats
     FROM ranked WHERE n > 1 GROUP BY day ORDER BY day`,
    { until },
  );
  return new Map(reader.getRowsJS().map(([day, repeats]) => [Number(day), Number(repeats)]));
}
