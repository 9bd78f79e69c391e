import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportedAccount } from '../accounts/account.schema.js';
import { tracer } from '../trace.js';
import type { ImportProgress, ImportSummary } from './import.schema.js';
import { COLUMNS } from './load.js';
import { type NativeFormats, nativeColumnTypes } from './native.js';
import type { ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';
import { scalar, withProgress } from './staging.js';

export interface DirectOutcome {
  rowsImported: number;
  duplicatesSkipped: number;
  linesReplaced: number;
  customers: number;
  dateRange: ImportSummary['dateRange'];
  totalAmount: string;
  accounts: ImportedAccount[];
}

/**
 * The fast path for a clean file that DuckDB's reader can parse itself: one INSERT straight from the
 * file into sales_lines inside the transaction, then cheap checks of the new batch. Any problem (a value
 * the reader refused, an empty required value, a repeated document line, mixed currencies) rolls back
 * and returns null, and the caller imports the file the general way, which reports every problem with
 * its line. Nothing is visible to anyone before COMMIT.
 */
export async function importDirectly(
  connection: DuckDBConnection,
  source: PreparedSource,
  plan: ImportPlan,
  native: NativeFormats,
  batch: {
    importId: number;
    file: string;
    fingerprint: string;
    withRates: boolean;
    replacePeriod?: { from: string; to: string } | undefined;
    onProgress?: ImportProgress | undefined;
  },
): Promise<DirectOutcome | null> {
  const read = source.typedRelation!(nativeColumnTypes(plan), native);
  // trim() allocates a new string for every value; testing the first and last character does not, so
  // only padded values pay for trimming (DuckDB's trim removes spaces, as the general path does).
  const text = (field: keyof ImportPlan['columns']) => {
    const column = plan.columns[field] === undefined ? null : `c${plan.columns[field]}`;
    if (!column) return 'NULL::VARCHAR';
    return `NULLIF(CASE WHEN prefix(${column}, ' ') OR suffix(${column}, ' ') THEN trim(${column}) ELSE ${column} END, '')`;
  };
  const typed = (field: keyof ImportPlan['columns']) =>
    plan.columns[field] === undefined ? 'NULL::DECIMAL(18,4)' : `c${plan.columns[field]}`;
  const amount =
    plan.columns.amount !== undefined
      ? typed('amount')
      : `CAST(round(${typed('quantity')} * ${typed('unit_price')}, 4) AS DECIMAL(18,4))`;
  const byDocument = plan.columns.document !== undefined && plan.columns.line !== undefined;
  const fields = `${text('customer_id')} AS customer_id, c${plan.columns.date} AS date, ${amount} AS amount,
    ${typed('cost')} AS cost, ${typed('margin')} AS margin, ${typed('quantity')} AS quantity,
    ${text('product')} AS product, ${text('document')} AS document, ${text('line')} AS line,
    ${text('currency')} AS currency, ${text('customer_name')} AS customer_name, ${text('segment')} AS segment,
    ${text('region')} AS region, ${text('owner')} AS owner`;
  const identity = `concat_ws(chr(31), customer_id, date, amount, coalesce(cost::VARCHAR, ''), coalesce(margin::VARCHAR, ''),
    coalesce(quantity::VARCHAR, ''), coalesce(product, ''), coalesce(document, ''), coalesce(currency, ''))`;
  const keyed = byDocument
    ? `SELECT *, NULL::UHUGEINT AS row_hash FROM (SELECT ${fields} FROM ${read.relation})`
    : // Identical rows share an identity, so which of them gets which occurrence number does not matter.
      `SELECT *, md5_number(identity || chr(31) || row_number() OVER (PARTITION BY identity)) AS row_hash
       FROM (SELECT *, ${identity} AS identity FROM (SELECT ${fields} FROM ${read.relation}))`;
  const converted = batch.withRates
    ? `SELECT k.* REPLACE (CAST(k.amount * coalesce(x.rate, 1) AS DECIMAL(18,4)) AS amount,
         CAST(k.cost * coalesce(x.rate, 1) AS DECIMAL(18,4)) AS cost, CAST(k.margin * coalesce(x.rate, 1) AS DECIMAL(18,4)) AS margin)
       FROM (${keyed}) k LEFT JOIN temp.import_rates x ON x.currency = k.currency`
    : keyed;
  const id = batch.importId;
  const trace = tracer('direct');
  await connection.run('BEGIN TRANSACTION');
  try {
    const replaced = batch.replacePeriod
      ? Number(
          (
            await connection.run(
              'DELETE FROM sales_lines WHERE date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)',
              {
                from: batch.replacePeriod.from,
                to: batch.replacePeriod.to,
              },
            )
          ).rowsChanged,
        )
      : 0;
    const inserted = await withProgress(connection, batch.onProgress, () =>
      connection.run(
        `INSERT INTO sales_lines (${COLUMNS}, row_hash, import_id) SELECT ${COLUMNS}, row_hash, ${id} FROM (${converted})`,
        read.params,
      ),
    );
    trace('insert');
    batch.onProgress?.('checking', 0);
    if (!(await batchIsClean(connection, id, plan, byDocument, batch.withRates))) {
      await connection.run('ROLLBACK');
      return null;
    }
    trace('checks');
    const summary = await summarizeBatch(connection, id);
    trace('summary');
    batch.onProgress?.('saving', 0.5);
    const key = byDocument ? 'o.document = s.document AND o.line = s.line' : 'o.row_hash = s.row_hash';
    const earlier = await scalar(
      connection,
      `SELECT count(*) FROM (SELECT 1 FROM sales_lines WHERE import_id <> ${id} LIMIT 1)`,
    );
    const duplicates =
      earlier === 0
        ? { rowsChanged: 0 }
        : await connection.run(
            `DELETE FROM sales_lines s WHERE s.import_id = ${id}
               AND EXISTS (SELECT 1 FROM sales_lines o WHERE o.import_id <> ${id} AND ${key})`,
          );
    trace('duplicates');
    const rowsRead = Number(inserted.rowsChanged);
    const duplicatesSkipped = Number(duplicates.rowsChanged);
    await connection.run(
      'INSERT INTO import_batches VALUES ($id, $file, $fingerprint, now()::TIMESTAMP, $added, $replaced)',
      {
        id,
        file: batch.file,
        fingerprint: batch.fingerprint,
        added: rowsRead - duplicatesSkipped,
        replaced,
      },
    );
    await connection.run('COMMIT');
    trace('commit');
    batch.onProgress?.('saving', 1);
    return {
      ...summary,
      rowsImported: rowsRead - duplicatesSkipped,
      duplicatesSkipped,
      linesReplaced: replaced,
    };
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

async function batchIsClean(
  connection: DuckDBConnection,
  id: number,
  plan: ImportPlan,
  byDocument: boolean,
  withRates: boolean,
): Promise<boolean> {
  const refused = await scalar(
    connection,
    "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'import_rejects'",
  );
  if (refused > 0 && (await scalar(connection, 'SELECT count(*) FROM import_rejects')) > 0) return false;
  // One scan of the new batch for everything that would send the file down the general path.
  const problems = ['customer_id IS NULL OR date IS NULL OR amount IS NULL'];
  if (withRates && plan.columns.currency !== undefined) {
    problems.push('currency IS NOT NULL AND currency NOT IN (SELECT currency FROM temp.import_rates)');
  }
  const currencies = !withRates && plan.columns.currency !== undefined ? 'count(DISTINCT currency)' : '0';
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE ${problems.map((p) => `(${p})`).join(' OR ')}), ${currencies}
     FROM sales_lines WHERE import_id = ${id}`,
  );
  const [bad, distinctCurrencies] = (reader.getRowsJS()[0] ?? [0, 0]).map(Number);
  if (bad! > 0 || distinctCurrencies! > 1) return false;
  if (byDocument) {
    const repeated = await connection.runAndReadAll(
      `SELECT 1 FROM sales_lines WHERE import_id = ${id} AND document IS NOT NULL GROUP BY document, line HAVING count(*) > 1 LIMIT 1`,
    );
    if (repeated.currentRowCount > 0) return false;
  }
  return true;
}

/**
 * Customers, date range and exact total of the new batch, and each customer's attributes from its most
 * recent line that has a name. Grouping by the attribute combination (usually one per customer) and
 * choosing in JS is twice as fast as arg_max over every line.
 */
async function summarizeBatch(connection: DuckDBConnection, id: number) {
  const reader = await connection.runAndReadAll(
    `SELECT customer_id, customer_name, segment, region, owner, min(date)::VARCHAR, max(date)::VARCHAR,
            CAST(sum(amount) AS DECIMAL(38,4))::VARCHAR
     FROM sales_lines WHERE import_id = ${id} GROUP BY ALL`,
  );
  const textOf = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const latest = new Map<string, { account: ImportedAccount; last: string; named: boolean }>();
  let from: string | null = null;
  let to: string | null = null;
  let total = 0n;
  for (const [customer, name, segment, region, owner, first, last, sum] of reader.getRowsJS()) {
    const id = String(customer);
    const firstDate = String(first);
    const lastDate = String(last);
    if (from === null || firstDate < from) from = firstDate;
    if (to === null || lastDate > to) to = lastDate;
    total += decimalToUnits(String(sum));
    const named = name !== null;
    const current = latest.get(id);
    if (!current || (named && !current.named) || (named === current.named && lastDate > current.last)) {
      const account = {
        id,
        name: textOf(name),
        segment: textOf(segment),
        region: textOf(region),
        owner: textOf(owner),
      };
      latest.set(id, { account, last: lastDate, named });
    }
  }
  return {
    customers: latest.size,
    dateRange: from && to ? { from, to } : null,
    totalAmount: unitsToDecimal(total),
    accounts: [...latest.values()]
      .map((entry) => entry.account)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** Exact sums of DECIMAL(…,4) text: ten-thousandths as BigInt. */
function decimalToUnits(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const units = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4));
  return negative ? -units : units;
}

function unitsToDecimal(units: bigint): string {
  const negative = units < 0n;
  const absolute = negative ? -units : units;
  return `${negative ? '-' : ''}${absolute / 10_000n}.${(absolute % 10_000n).toString().padStart(4, '0')}`;
}
