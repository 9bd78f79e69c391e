import type { DuckDBConnection } from '@duckdb/node-api';
import { type DateFormat, describeDateFormat, type Field } from './detect/index.js';
import type { LineExpressions } from './expressions.js';
import type { ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';

interface Check {
  field: Field | 'row';
  /** SQL condition over `staging` that is true when the row is bad. */
  bad: string;
  /** SQL expression for the reason shown to the user. */
  reason: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Every condition that makes a row unusable, each with a reason a sales analyst understands. */
export function rowChecks(
  plan: ImportPlan,
  source: PreparedSource,
  e: LineExpressions,
  dateFormat: DateFormat,
  withRates: boolean,
): Check[] {
  const checks: Check[] = [];
  const required = (field: Field, label: string, typed: string, kind: string) => {
    const raw = e.raw(field)!;
    checks.push({
      field,
      bad: `${typed} IS NULL`,
      reason: `CASE WHEN NULLIF(trim(${raw}), '') IS NULL THEN ${quote(`the ${label} is empty`)} ELSE ${quote(kind)} END`,
    });
  };
  const optional = (field: Field, typed: string, kind: string) => {
    const raw = e.raw(field);
    if (!raw) return;
    checks.push({
      field,
      bad: `NULLIF(trim(${raw}), '') IS NOT NULL AND ${typed} IS NULL`,
      reason: quote(kind),
    });
  };
  const notNumber = 'not a number';
  if (source.format === 'whitespace') {
    checks.push({
      field: 'row',
      bad: `__fields <> ${plan.headers.length}`,
      reason: `'the line has ' || __fields || ' fields where the header has ${plan.headers.length}'`,
    });
  }
  required('customer_id', 'customer id', e.customerId, 'the customer id is empty');
  required('date', 'date', e.date, `not a valid date in the format ${describeDateFormat(dateFormat)}`);
  if (plan.columns.amount !== undefined) {
    required('amount', 'amount', e.amount, notNumber);
  } else {
    required('quantity', 'quantity', e.quantity, notNumber);
    required('unit_price', 'unit price', e.unitPrice, notNumber);
  }
  for (const field of ['cost', 'margin'] as const)
    optional(field, field === 'cost' ? e.cost : e.margin, notNumber);
  if (plan.columns.amount !== undefined) optional('quantity', e.quantity, notNumber);
  if (withRates && e.raw('currency')) {
    checks.push({
      field: 'currency',
      bad: `${e.text('currency')} IS NOT NULL AND ${e.text('currency')} NOT IN (SELECT currency FROM import_rates)`,
      reason: quote('no exchange rate was given for this currency'),
    });
  }
  return checks;
}

/**
 * Collects every problem into `import_problems` (row position, field, value, reason); a row with two
 * problems is reported twice, once per column.
 */
export async function collectProblems(
  connection: DuckDBConnection,
  checks: Check[],
  e: LineExpressions,
): Promise<number> {
  const parts = checks.map((check) => {
    const raw = check.field === 'row' ? 'NULL' : (e.raw(check.field) ?? 'NULL');
    return `SELECT rowid AS r, '${check.field}' AS field, ${raw} AS value, ${check.reason} AS reason
            FROM staging WHERE ${check.bad}`;
  });
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_problems AS ${parts.join(' UNION ALL ')}`);
  const reader = await connection.runAndReadAll('SELECT count(DISTINCT r) AS rows FROM import_problems');
  return Number(reader.getRowObjectsJS()[0]?.rows ?? 0);
}

/** Two rows of one file with the same document and line number cannot both be right. */
export async function collectDuplicateKeys(connection: DuckDBConnection, e: LineExpressions): Promise<void> {
  const doc = e.text('document');
  const line = e.text('line');
  const probe = await connection.runAndReadAll(
    `SELECT 1 FROM staging WHERE ${doc} IS NOT NULL GROUP BY ${doc}, ${line} HAVING count(*) > 1 LIMIT 1`,
  );
  if (probe.currentRowCount === 0) return;
  await connection.run(`INSERT INTO import_problems
    SELECT r, 'line', value,
           'document ' || doc || ' line ' || value || ' appears more than once in the file' FROM (
      SELECT rowid AS r, ${doc} AS doc, ${line} AS value,
             row_number() OVER (PARTITION BY ${doc}, ${line} ORDER BY rowid) AS occurrence
      FROM staging WHERE ${doc} IS NOT NULL) WHERE occurrence > 1`);
}
