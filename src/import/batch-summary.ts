import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportedAccount } from '../accounts/account.schema.js';
import { readRows } from '../analytics/read-rows.js';
import type { ImportSummary } from './import.schema.js';
import { scalar } from './staging.js';

/**
 * Whether a batch just written by the direct path can stay: no empty required value, no unknown or
 * second currency, no document line twice. One scan of the open transaction's lines answers the first
 * two, a count of distinct hashes of document and line the third; only lines that share a hash need the
 * exact second look.
 */
export async function batchIsClean(
  connection: DuckDBConnection,
  id: number,
  checks: { currency: 'single' | 'rated' | 'none'; byDocument: boolean },
): Promise<boolean> {
  const problems = ['customer_id IS NULL OR date IS NULL OR amount IS NULL'];
  if (checks.currency === 'rated') {
    problems.push('currency IS NOT NULL AND currency NOT IN (SELECT currency FROM temp.import_rates)');
  }
  const currencies = checks.currency === 'single' ? 'count(DISTINCT currency)' : '0';
  const lines = `FROM sales_lines WHERE import_id = ${id}`;
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE ${problems.map((p) => `(${p})`).join(' OR ')}), ${currencies}, count(document) ${lines}`,
  );
  const [bad, distinctCurrencies, documentLines] = (reader.getRowsJS()[0] ?? [0, 0, 0]).map(Number);
  if (bad! > 0 || distinctCurrencies! > 1) return false;
  if (!checks.byDocument || documentLines === 0) return true;
  // Fewer distinct hashes than lines: a repeated document line or (rarely) a collision, which the
  // exact check settles. Counting the rows of a DISTINCT takes two thirds of the time of count(DISTINCT).
  const distinct = await scalar(
    connection,
    `SELECT count(*) FROM (SELECT DISTINCT hash(document, line) ${lines} AND document IS NOT NULL)`,
  );
  return !(distinct < documentLines! && (await hasRepeatedDocumentLine(connection, id)));
}

/**
 * Two lines with the same document and line number. Sorting one 64-bit hash per line takes half the
 * time of grouping by the two strings; equal neighbours (a repeat, or a hash collision) are then
 * settled by comparing the strings of just the lines with those hashes.
 */
async function hasRepeatedDocumentLine(connection: DuckDBConnection, id: number): Promise<boolean> {
  const lines = `FROM sales_lines WHERE import_id = ${id} AND document IS NOT NULL`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_repeats AS
    SELECT h FROM (SELECT h, lag(h) OVER (ORDER BY h) AS previous FROM (SELECT hash(document, line) AS h ${lines}))
    WHERE h = previous`);
  if ((await scalar(connection, 'SELECT count(*) FROM temp.import_repeats')) === 0) return false;
  const repeats = await scalar(
    connection,
    `SELECT count(*) FROM (SELECT 1 ${lines} AND hash(document, line) IN (SELECT h FROM temp.import_repeats)
     GROUP BY document, line HAVING count(*) > 1)`,
  );
  return repeats > 0;
}

/**
 * Customers, date range and exact total of the batch, and each customer's attributes from its most
 * recent line that has a name. The lines are grouped by customer and attribute combination (usually
 * one per customer) once; everything else is read from those few groups. The combination is grouped
 * by a hash of its four texts, which groups the sales lines in about half the time of comparing the
 * texts themselves; two combinations of one customer with the same 64-bit hash (a chance of about
 * 10^-10 at 100,000 customers) would make one group, and the customer take either one's attributes.
 */
export async function summarizeBatch(connection: DuckDBConnection, id: number): Promise<ImportFigures> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_groups AS
    SELECT customer_id, hash(customer_name, segment, region, owner) AS combination,
           any_value(customer_name) AS customer_name, any_value(segment) AS segment,
           any_value(region) AS region, any_value(owner) AS owner,
           min(date) AS first, max(date) AS last, sum(amount) AS total
    FROM sales_lines WHERE import_id = ${id} GROUP BY customer_id, combination`);
  const totals = await connection.runAndReadAll(
    `SELECT count(DISTINCT customer_id), min(first)::VARCHAR, max(last)::VARCHAR,
            CAST(coalesce(sum(total), 0) AS DECIMAL(38,4))::VARCHAR
     FROM temp.import_groups`,
  );
  const accounts = await readRows(
    connection,
    `SELECT customer_id, latest.* FROM (
       SELECT customer_id,
              arg_max(struct_pack(customer_name, segment, region, owner), (customer_name IS NOT NULL, last)) AS latest
       FROM temp.import_groups GROUP BY customer_id)`,
    'customer_id',
  );
  return toImportFigures(totals.getRowsJS()[0], accounts);
}

/** What an import reports beside its counts: customers, date range, exact total, each account's attributes. */
export interface ImportFigures {
  customers: number;
  dateRange: ImportSummary['dateRange'];
  totalAmount: string;
  accounts: ImportedAccount[];
}

/**
 * Both import paths read the same two results: one row [customers, from, to, total] and one row
 * [id, name, segment, region, owner] per customer.
 */
export function toImportFigures(totals: unknown[] | undefined, accountRows: unknown[][]): ImportFigures {
  const [customers, from, to, total] = totals ?? [];
  const textOf = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    customers: Number(customers ?? 0),
    dateRange: from && to ? { from: String(from), to: String(to) } : null,
    totalAmount: String(total ?? '0'),
    accounts: accountRows.map(([id, name, segment, region, owner]) => ({
      id: String(id),
      name: textOf(name),
      segment: textOf(segment),
      region: textOf(region),
      owner: textOf(owner),
    })),
  };
}
