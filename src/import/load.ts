import type { DuckDBConnection } from '@duckdb/node-api';
import type { LineExpressions } from './expressions.js';
import type { ImportPlan } from './plan.js';

/**
 * Inserts the good staged rows that are not stored yet. A line is identified by document + line number
 * when both are mapped; otherwise by an md5 of its parsed values plus its occurrence among identical
 * rows of the file, so two genuinely identical lines stay two and importing the file again adds none.
 */
export async function insertNewLines(
  connection: DuckDBConnection,
  plan: ImportPlan,
  e: LineExpressions,
  options: { importId: number; goodRows: string; withRates: boolean },
): Promise<number> {
  const byDocument = plan.columns.document !== undefined && plan.columns.line !== undefined;
  const money = (expr: string) => inWorkspaceCurrency(expr, e, options.withRates);
  const parsed = `SELECT rowid AS r, ${e.customerId} AS customer_id, ${e.date} AS date,
      ${money(e.amount)} AS amount, ${money(e.cost)} AS cost, ${money(e.margin)} AS margin, ${e.quantity} AS quantity,
      ${e.text('product')} AS product, ${e.text('document')} AS document, ${e.text('line')} AS line,
      ${e.text('currency')} AS currency
    FROM staging WHERE ${options.goodRows}`;
  const columns = 'customer_id, date, amount, cost, margin, quantity, product, document, line, currency';
  if (byDocument) {
    const result = await connection.run(
      `INSERT INTO sales_lines (${columns}, row_hash, import_id)
       SELECT ${columns}, NULL, $importId FROM (${parsed}) s
       WHERE NOT EXISTS (SELECT 1 FROM sales_lines l WHERE l.document = s.document AND l.line = s.line)`,
      { importId: options.importId },
    );
    return Number(result.rowsChanged);
  }
  const identity = `concat_ws(chr(31), customer_id, date, amount, coalesce(cost::VARCHAR, ''),
      coalesce(margin::VARCHAR, ''), coalesce(quantity::VARCHAR, ''), coalesce(product, ''),
      coalesce(document, ''), coalesce(currency, ''))`;
  const result = await connection.run(
    `INSERT INTO sales_lines (${columns}, row_hash, import_id)
     SELECT ${columns}, row_hash, $importId FROM (
       SELECT *, md5_number(identity || chr(31) || row_number() OVER (PARTITION BY identity ORDER BY r)) AS row_hash
       FROM (SELECT *, ${identity} AS identity FROM (${parsed}))) s
     WHERE NOT EXISTS (SELECT 1 FROM sales_lines l WHERE l.row_hash = s.row_hash)`,
    { importId: options.importId },
  );
  return Number(result.rowsChanged);
}

/** A money expression of a staged line in the workspace currency, by the rate of the line's currency. */
export function inWorkspaceCurrency(expr: string, e: LineExpressions, withRates: boolean): string {
  if (!withRates) return expr;
  const rate = `coalesce((SELECT rate FROM import_rates WHERE currency = ${e.text('currency')}), 1)`;
  return `CAST(${expr} * ${rate} AS DECIMAL(18,4))`;
}

/** METHOD-independent ERP correction: the stored lines of a period give way to the file's. */
export async function deletePeriod(connection: DuckDBConnection, from: string, to: string): Promise<number> {
  const result = await connection.run(
    'DELETE FROM sales_lines WHERE date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)',
    {
      from,
      to,
    },
  );
  return Number(result.rowsChanged);
}
