import type { DuckDBConnection } from '@duckdb/node-api';
import type { DateFormat, Field } from './detect/index.js';
import type { ImportPlan } from './plan.js';
import { FIELD_LABELS, REASONS } from './reasons.js';
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
  const required = (field: Field & ('date' | 'amount' | 'quantity' | 'unit_price'), kind: string) =>
    checks.push({
      field,
      bad: `${field} IS NULL`,
      value: `${field}_bad`,
      reason: `CASE WHEN ${field}_bad IS NULL THEN ${text(REASONS.empty(FIELD_LABELS[field]))} ELSE ${text(kind)} END`,
    });
  const optional = (field: Field & ('cost' | 'margin' | 'quantity')) => {
    if (plan.columns[field] !== undefined) {
      checks.push({
        field,
        bad: `${field}_bad IS NOT NULL`,
        value: `${field}_bad`,
        reason: text(REASONS.notANumber),
      });
    }
  };
  if (source.format === 'whitespace') {
    checks.push({
      field: 'row',
      bad: `__fields <> ${plan.headers.length}`,
      value: 'NULL',
      // The count is spliced in as SQL concatenation; the header width is a number, never file content.
      reason: `'${REASONS.fieldCount("' || __fields || '", plan.headers.length)}'`,
    });
  }
  checks.push({
    field: 'customer_id',
    bad: 'customer_id IS NULL',
    value: 'NULL',
    reason: text(REASONS.empty(FIELD_LABELS.customer_id)),
  });
  required('date', REASONS.badDate(dateFormat));
  if (plan.columns.amount !== undefined) {
    required('amount', REASONS.notANumber);
    optional('quantity');
  } else {
    required('quantity', REASONS.notANumber);
    required('unit_price', REASONS.notANumber);
  }
  optional('cost');
  optional('margin');
  if (withRates && plan.columns.currency !== undefined) {
    checks.push({
      field: 'currency',
      bad: 'currency IS NOT NULL AND currency NOT IN (SELECT currency FROM temp.import_rates)',
      value: 'currency',
      reason: text(REASONS.noRate),
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
    SELECT r, 'line', line, '${REASONS.duplicateLine("' || document || '", "' || line || '")}' FROM (
      SELECT rowid AS r, document, line, row_number() OVER (PARTITION BY document, line ORDER BY rowid) AS occurrence
      FROM parsed WHERE document IS NOT NULL) WHERE occurrence > 1`);
}
