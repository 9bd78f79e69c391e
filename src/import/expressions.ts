import { type DateFormat, dateSql, type Field, numberSql } from './detect/index.js';
import type { ImportPlan } from './plan.js';

/** The typed columns of `parsed`, each with the file field it comes from. */
export const TEXT_FIELDS = [
  'customer_id',
  'customer_name',
  'product',
  'document',
  'line',
  'currency',
  'segment',
  'region',
  'owner',
] as const;
export const NUMBER_FIELDS = ['amount', 'cost', 'margin', 'quantity', 'unit_price'] as const;
export type ParsedField = (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | 'date';

/**
 * The one SELECT that reads the source and parses every value while reading, so a 10-million-line file
 * is parsed once. Only generated column names (c0, c1…) and fixed format templates are placed into SQL;
 * values from the file never are. Where a value cannot be parsed, its text is kept in `<field>_bad` for
 * the report; for good rows those columns are NULL and cost nothing.
 */
export function parseSelect(
  plan: ImportPlan,
  dateFormat: DateFormat,
  relation: string,
  extras: string[],
): string {
  const raw = (field: Field) => (plan.columns[field] === undefined ? null : `c${plan.columns[field]}`);
  const inner: string[] = [];
  const outer: string[] = [];
  for (const field of TEXT_FIELDS) {
    const column = raw(field);
    inner.push(`${column ? `NULLIF(trim(${column}), '')` : 'NULL::VARCHAR'} AS ${field}`);
    outer.push(field);
  }
  const date = raw('date');
  const typed: [ParsedField, string | null, string][] = [
    ['date', date, date ? dateSql(date, dateFormat) : 'NULL::DATE'],
  ];
  for (const field of NUMBER_FIELDS) {
    const column = raw(field);
    typed.push([field, column, column ? numberSql(column, plan.numberStyle) : 'NULL::DECIMAL(18,4)']);
  }
  for (const [field, column, expression] of typed) {
    const text = column ? `NULLIF(trim(${column}), '')` : 'NULL::VARCHAR';
    inner.push(`${expression} AS ${field}`, `${text} AS ${field}_text`);
    outer.push(field, `CASE WHEN ${field} IS NULL THEN ${field}_text END AS ${field}_bad`);
  }
  if (plan.columns.amount === undefined) {
    // No amount column: the line amount is quantity × unit price.
    outer[outer.indexOf('amount')] = 'CAST(round(quantity * unit_price, 4) AS DECIMAL(18,4)) AS amount';
  }
  inner.push(...extras);
  outer.push(...extras);
  return `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${relation})`;
}
