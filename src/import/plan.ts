import path from 'node:path';
import { KontorError } from '../errors.js';
import {
  applyOverrides,
  DATE_FORMATS,
  type DateFormat,
  detectDateFormat,
  detectNumberStyle,
  type Field,
  isDateFormat,
  type NumberStyle,
  recognizeHeaders,
  UnknownHeaderError,
} from './detect/index.js';
import type { ResolvedImportOptions } from './import.schema.js';
import type { PreparedSource } from './source/source.js';

/** How each field of a sales line is read from the staged VARCHAR columns. */
export interface ImportPlan {
  columns: Partial<Record<Field, number>>;
  headers: string[];
  numberStyle: NumberStyle;
  /** Candidates when the sample alone leaves the date format open (all days ≤ 12). */
  dateFormats: DateFormat[];
}

const NUMERIC_FIELDS: Field[] = ['amount', 'quantity', 'unit_price', 'cost', 'margin'];

/** The required fields a column mapping lacks: customer id, date, and amount (or quantity and unit price). */
export type MissingField = 'customer_id' | 'date' | 'amount';
const MISSING_LABELS: Record<MissingField, string> = {
  customer_id: 'customer id',
  date: 'date',
  amount: 'amount (or quantity and unit price)',
};

export function planImport(source: PreparedSource, options: ResolvedImportOptions): ImportPlan {
  const columns = mapColumns(source.headers, options.mapping);
  const missing = missingFields(columns);
  if (missing.length > 0) {
    throw new KontorError(
      'missing_column',
      `No column was recognised for: ${missing.map((field) => MISSING_LABELS[field]).join(', ')}. The file's headers are: ${source.headers.join(', ')}. ` +
        'Name the right header with --map, e.g. --map customer_id="Kd.-Nr."',
    );
  }
  const numberStyle = detectNumbers(source, columns, options.decimal);
  let dateFormats: DateFormat[];
  if (options.dateFormat) {
    dateFormats = [chosenDateFormat(options.dateFormat)];
  } else {
    // A header without rows has no dates to detect; say so rather than blame the date format.
    if (source.sample.length === 0) {
      throw new KontorError('bad_data', `"${path.basename(options.file)}" has no usable sales lines.`);
    }
    dateFormats = detectDates(source, columns);
    if (dateFormats.length === 0) throw new KontorError('bad_data', unknownDatesMessage(source, columns));
  }
  return { columns, headers: source.headers, numberStyle, dateFormats };
}

/** Recognised headers with the user's choices (field → header) on top. */
export function mapColumns(
  headers: string[],
  mapping: Partial<Record<Field, string>>,
): Partial<Record<Field, number>> {
  try {
    return applyOverrides(recognizeHeaders(headers).mapping, headers, mapping);
  } catch (error) {
    if (error instanceof UnknownHeaderError) {
      throw new KontorError(
        'unknown_header',
        `There is no column "${error.header}" for ${error.field}. The file's columns are: ${headers.join(', ')}.`,
      );
    }
    throw error;
  }
}

export function missingFields(columns: Partial<Record<Field, number>>): MissingField[] {
  const missing: MissingField[] = [];
  if (columns.customer_id === undefined) missing.push('customer_id');
  if (columns.date === undefined) missing.push('date');
  if (columns.amount === undefined && (columns.quantity === undefined || columns.unit_price === undefined)) {
    missing.push('amount');
  }
  return missing;
}

/** The decimal separator: the user's, or the one the sampled numeric columns vote for. */
export function detectNumbers(
  source: Pick<PreparedSource, 'sample'>,
  columns: Partial<Record<Field, number>>,
  decimal: NumberStyle['decimal'] | undefined,
): NumberStyle {
  const detected = detectNumberStyle(NUMERIC_FIELDS.flatMap((field) => valuesOf(source, columns[field])));
  return decimal ? { ...detected, decimal } : detected;
}

/** The date formats that fit the sampled dates best: one, several (ambiguous) or none. */
export function detectDates(
  source: Pick<PreparedSource, 'sample'>,
  columns: Partial<Record<Field, number>>,
): DateFormat[] {
  const detected = detectDateFormat(valuesOf(source, columns.date));
  return typeof detected === 'object' && 'ambiguous' in detected ? detected.ambiguous : [detected];
}

/** What the import says when no date format reads the sampled dates (also shown by the preview). */
export function unknownDatesMessage(
  source: Pick<PreparedSource, 'sample' | 'headers'>,
  columns: Partial<Record<Field, number>>,
): string {
  const example = valuesOf(source, columns.date)[0] ?? '';
  return `The dates in column "${source.headers[columns.date!]}" (e.g. "${example}") are in no format Kontor knows. Name it with --date-format (${DATE_FORMATS.join(', ')}).`;
}

export function chosenDateFormat(name: string): DateFormat {
  if (isDateFormat(name)) return name;
  throw new KontorError(
    'usage',
    `"${name}" is not a date format Kontor knows. Use one of: ${DATE_FORMATS.join(', ')}.`,
  );
}

export function valuesOf(source: Pick<PreparedSource, 'sample'>, index: number | undefined): string[] {
  if (index === undefined) return [];
  return source.sample.map((row) => row[index] ?? '').filter((value) => value.trim() !== '');
}

export function headerOf(plan: ImportPlan, field: Field): string {
  const index = plan.columns[field];
  return index === undefined ? field : (plan.headers[index] ?? `column ${index + 1}`);
}
