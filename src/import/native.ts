import type { DateFormat } from './detect/index.js';
import type { ImportPlan } from './plan.js';
import type { NativeFormatOptions, PreparedSource } from './source/source.js';

/** Reader options under which DuckDB parses the typed columns itself, at its full speed. */
export type NativeFormats = NativeFormatOptions;

const DATE_FORMAT: Partial<Record<DateFormat, string>> = {
  iso: '%Y-%m-%d',
  'dmy.': '%d.%m.%Y',
  'dmy/': '%d/%m/%Y',
  'mdy/': '%m/%d/%Y',
  'dmy-': '%d-%m-%Y',
  'ymd/': '%Y/%m/%d',
  yyyymmdd: '%Y%m%d',
};

const NUMERIC = ['amount', 'quantity', 'unit_price', 'cost', 'margin'] as const;

/**
 * Whether the sampled values are all in shapes DuckDB's own reader parses exactly as our SQL would
 * (plain or grouped decimals, a fixed date layout without time). Anything more exotic (trailing minus,
 * currency signs, Excel serials) takes the general path. The caller still falls back to the general
 * path when the native reader refuses any value later in the file, so the result never differs.
 */
export function nativeFormats(
  source: PreparedSource,
  plan: ImportPlan,
  dateFormat: DateFormat,
): NativeFormats | null {
  if (source.format !== 'delimited' || !source.typedRelation) return null;
  const dateformat = DATE_FORMAT[dateFormat];
  if (!dateformat) return null;
  const sample = (index: number | undefined) =>
    index === undefined ? [] : source.sample.map((row) => row[index] ?? '').filter((value) => value !== '');
  if (
    dateFormat === 'iso' &&
    sample(plan.columns.date).some((value) => !/^\d{4}-\d{1,2}-\d{1,2}$/.test(value))
  )
    return null;
  const decimal = plan.numberStyle.decimal;
  const group = decimal === '.' ? ',' : '.';
  const plain = decimal === '.' ? /^-?\d+(\.\d+)?$/ : /^-?\d+(,\d+)?$/;
  const grouped = decimal === '.' ? /^-?\d{1,3}(,\d{3})+(\.\d+)?$/ : /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
  let thousands: string | null = null;
  for (const field of NUMERIC) {
    for (const value of sample(plan.columns[field])) {
      if (grouped.test(value)) thousands = group;
      else if (!plain.test(value)) return null;
    }
  }
  return { dateformat, decimalSeparator: decimal, thousands };
}

/** DuckDB column types for the native reader: DATE and DECIMAL where the plan parses, text elsewhere. */
export function nativeColumnTypes(plan: ImportPlan): Map<number, 'DATE' | 'DECIMAL(18,4)'> {
  const types = new Map<number, 'DATE' | 'DECIMAL(18,4)'>();
  if (plan.columns.date !== undefined) types.set(plan.columns.date, 'DATE');
  for (const field of NUMERIC) {
    const index = plan.columns[field];
    if (index !== undefined) types.set(index, 'DECIMAL(18,4)');
  }
  return types;
}
