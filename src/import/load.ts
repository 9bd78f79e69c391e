import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportPlan } from './plan.js';

export const COLUMNS =
  'customer_id, date, amount, cost, margin, quantity, product, document, line, currency, customer_name, segment, region, owner';

/**
 * Inserts the good parsed rows that are not stored yet. A line is identified by document + line number
 * when both are mapped; otherwise by an md5 of its parsed values plus its occurrence among identical
 * rows of the file, so two genuinely identical lines stay two and importing the file again adds none.
 */
export async function insertNewLines(
  connection: DuckDBConnection,
  plan: ImportPlan,
  options: { importId: number; goodRows: string; withRates: boolean },
): Promise<number> {
  const byDocument = plan.columns.document !== undefined && plan.columns.line !== undefined;
  // The identity is taken before any currency conversion, so a changed rate cannot make a line look new.
  const identity = byDocument
    ? ''
    : `, concat_ws(chr(31), customer_id, date, amount, coalesce(cost::VARCHAR, ''), coalesce(margin::VARCHAR, ''),
         coalesce(quantity::VARCHAR, ''), coalesce(product, ''), coalesce(document, ''), coalesce(currency, '')) AS identity`;
  const base = `SELECT rowid AS r, *${identity} FROM parsed WHERE ${options.goodRows}`;
  const rows = options.withRates
    ? `SELECT * REPLACE (CAST(amount * rate AS DECIMAL(18,4)) AS amount, CAST(cost * rate AS DECIMAL(18,4)) AS cost,
                         CAST(margin * rate AS DECIMAL(18,4)) AS margin)
       FROM (SELECT b.*, coalesce(x.rate, 1) AS rate FROM (${base}) b LEFT JOIN temp.import_rates x ON x.currency = b.currency)`
    : base;
  const keyed = byDocument
    ? `SELECT *, NULL::UHUGEINT AS row_hash FROM (${rows})`
    : `SELECT *, md5_number(identity || chr(31) || row_number() OVER (PARTITION BY identity ORDER BY r)) AS row_hash FROM (${rows})`;
  const fresh = byDocument
    ? 'NOT EXISTS (SELECT 1 FROM sales_lines l WHERE l.document = s.document AND l.line = s.line)'
    : 'NOT EXISTS (SELECT 1 FROM sales_lines l WHERE l.row_hash = s.row_hash)';
  const result = await connection.run(
    `INSERT INTO sales_lines (${COLUMNS}, row_hash, import_id)
     SELECT ${COLUMNS}, row_hash, $importId FROM (${keyed}) s WHERE ${fresh}`,
    { importId: options.importId },
  );
  return Number(result.rowsChanged);
}

/** An ERP correction: the stored lines of a period give way to the file's. */
export async function deletePeriod(connection: DuckDBConnection, from: string, to: string): Promise<number> {
  const result = await connection.run(
    'DELETE FROM sales_lines WHERE date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)',
    { from, to },
  );
  return Number(result.rowsChanged);
}
