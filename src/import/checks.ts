import type { DuckDBConnection } from '@duckdb/node-api';
import { type DateFormat, describeDateFormat, type Field } from './detect/index.js';
import type { ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';

interface Check {
  field: Field | 'row';
  /** SQL condition over `parsed` that is true when the row is bad. */
  bad: string;
  /** SQL expression for the offending text. */
  value: string;
  /** SQL expression for the reason shown to the user (fixed texts only). */
  reason: string;
}

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Every condition that makes a row unusable, each with a reason a sales analyst understands. */
export function rowChecks(
  plan: ImportPlan,
  source: PreparedSource,
  dateFormat: DateFormat,
  withRates: boolean,
): Check[] {
  const checks: Check[] = [];
  const required = (
    field: Field & ('date' | 'amount' | 'quantity' | 'unit_price'),
    label: string,
    kind: string,
  ) =>
    checks.push({
      field,
      bad: `${field} IS NULL`,
      value: `${field}_bad`,
      reason: `CASE WHEN ${field}_bad IS NULL THEN ${text(`the ${label} is empty`)} ELSE ${text(kind)} END`,
    });
  const optional = (field: Field & ('cost' | 'margin' | 'quantity')) => {
    if (plan.columns[field] !== undefined) {
      checks.push({
        field,
        bad: `${field}_bad IS NOT NULL`,
        value: `${field}_bad`,
        reason: text('not a number'),
      });
    }
  };
  if (source.format === 'whitespace') {
    checks.push({
      field: 'row',
      bad: `__fields <> ${plan.headers.length}`,
      value: 'NULL',
      reason: `'the line has ' || __fields || ' fields where the header has ${plan.headers.length}'`,
    });
  }
  checks.push({
    field: 'customer_id',
    bad: 'customer_id IS NULL',
    value: 'NULL',
    reason: text('the customer id is empty'),
  });
  required('date', 'date', `not a valid date in the format ${describeDateFormat(dateFormat)}`);
  if (plan.columns.amount !== undefined) {
    required('amount', 'amount', 'not a number');
    optional('quantity');
  } else {
    required('quantity', 'quantity', 'not a number');
    required('unit_price', 'unit price', 'not a number');
  }
  optional('cost');
  optional('margin');
  if (withRates && plan.columns.currency !== undefined) {
    checks.push({
      field: 'currency',
      bad: 'currency IS NOT NULL AND currency NOT IN (SELECT currency FROM temp.import_rates)',
      value: 'currency',
      reason: text('no exchange rate was given for this currency'),
    });
  }
  return checks;
}

/**
 * Collects every problem into `import_problems` (row position, field, value, reason); a row with two
 * problems is reported twice, once per column.
 */
export async function collectProblems(connection: DuckDBConnection, checks: Check[]): Promise<void> {
  const parts = checks.map(
    (
      check,
    ) => `SELECT rowid AS r, '${check.field}' AS field, ${check.value}::VARCHAR AS value, ${check.reason} AS reason
                FROM parsed WHERE ${check.bad}`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE import_problems AS ${parts.join(' UNION ALL ')}`);
}

/** Two rows of one file with the same document and line number cannot both be right. */
export async function collectDuplicateKeys(connection: DuckDBConnection): Promise<void> {
  const probe = await connection.runAndReadAll(
    'SELECT 1 FROM parsed WHERE document IS NOT NULL GROUP BY document, line HAVING count(*) > 1 LIMIT 1',
  );
  if (probe.currentRowCount === 0) return;
  await connection.run(`INSERT INTO import_problems
    SELECT r, 'line', line, 'document ' || document || ' line ' || line || ' appears more than once in the file' FROM (
      SELECT rowid AS r, document, line, row_number() OVER (PARTITION BY document, line ORDER BY rowid) AS occurrence
      FROM parsed WHERE document IS NOT NULL) WHERE occurrence > 1`);
}
