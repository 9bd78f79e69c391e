import type { DuckDBConnection } from '@duckdb/node-api';
import { KontorError } from '../errors.js';
import { type DateFormat, dateSql, describeDateFormat } from './detect/index.js';
import type { ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';

/**
 * When the sample leaves day-first and month-first open, the whole column decides: a format that fails
 * on any value is out. If more than one still fits every value, we ask instead of guessing.
 */
export async function chooseDateFormat(
  connection: DuckDBConnection,
  plan: ImportPlan,
  source: PreparedSource,
): Promise<DateFormat> {
  const [only] = plan.dateFormats;
  if (plan.dateFormats.length === 1 && only) return only;
  const column = `c${plan.columns.date}`;
  const fitting: DateFormat[] = [];
  for (const format of plan.dateFormats) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*) FROM ${source.relation} WHERE NULLIF(trim(${column}), '') IS NOT NULL AND ${dateSql(column, format)} IS NULL`,
      source.params,
    );
    if (Number(reader.getRowsJS()[0]?.[0] ?? 0) === 0) fitting.push(format);
  }
  const [chosen] = fitting;
  if (fitting.length === 1 && chosen) return chosen;
  throw new KontorError(
    'ambiguous_date_format',
    ambiguousDatesMessage(fitting.length > 0 ? fitting : plan.dateFormats),
  );
}

/** What the import says when more than one date format fits (also shown by the preview). */
export function ambiguousDatesMessage(formats: DateFormat[]): string {
  const options = formats
    .map((format) => `--date-format ${format} (${describeDateFormat(format)})`)
    .join(' or ');
  return `The dates in this file could be read more than one way (every day is 12 or less), so Kontor will not guess. Say which with ${options}.`;
}
