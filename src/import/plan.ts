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

export function planImport(source: PreparedSource, options: ResolvedImportOptions): ImportPlan {
  const recognized = recognizeHeaders(source.headers).mapping;
  let columns: Partial<Record<Field, number>>;
  try {
    columns = applyOverrides(recognized, source.headers, options.mapping);
  } catch (error) {
    if (error instanceof UnknownHeaderError) {
      throw new KontorError(
        'unknown_header',
        `There is no column "${error.header}" for ${error.field}. The file's columns are: ${source.headers.join(', ')}.`,
      );
    }
    throw error;
  }
  const missing: string[] = [];
  if (columns.customer_id === undefined) missing.push('customer id');
  if (columns.date === undefined) missing.push('date');
  if (columns.amount === undefined && (columns.quantity === undefined || columns.unit_price === undefined)) {
    missing.push('amount (or quantity and unit price)');
  }
  if (missing.length > 0) {
    throw new KontorError(
      'missing_column',
      `No column was recognised for: ${missing.join(', ')}. The file's headers are: ${source.headers.join(', ')}. ` +
        'Name the right header with --map, e.g. --map customer_id="Kd.-Nr."',
    );
  }
  const numberSamples = NUMERIC_FIELDS.flatMap((field) => valuesOf(source, columns[field]));
  const numberStyle = options.decimal
    ? { ...detectNumberStyle(numberSamples), decimal: options.decimal }
    : detectNumberStyle(numberSamples);
  let dateFormats: DateFormat[];
  if (options.dateFormat) {
    if (!isDateFormat(options.dateFormat)) {
      throw new KontorError(
        'usage',
        `"${options.dateFormat}" is not a date format Kontor knows. Use one of: ${DATE_FORMATS.join(', ')}.`,
      );
    }
    dateFormats = [options.dateFormat];
  } else {
    // A header without rows has no dates to detect; say so rather than blame the date format.
    if (source.sample.length === 0) {
      throw new KontorError('bad_data', `"${path.basename(options.file)}" has no usable sales lines.`);
    }
    const detected = detectDateFormat(valuesOf(source, columns.date));
    dateFormats = typeof detected === 'object' && 'ambiguous' in detected ? detected.ambiguous : [detected];
    if (dateFormats.length === 0) {
      const example = valuesOf(source, columns.date)[0] ?? '';
      throw new KontorError(
        'bad_data',
        `The dates in column "${source.headers[columns.date!]}" (e.g. "${example}") are in no format Kontor knows. Name it with --date-format (${DATE_FORMATS.join(', ')}).`,
      );
    }
  }
  return { columns, headers: source.headers, numberStyle, dateFormats };
}

function valuesOf(source: PreparedSource, index: number | undefined): string[] {
  if (index === undefined) return [];
  return source.sample.map((row) => row[index] ?? '').filter((value) => value.trim() !== '');
}

export function headerOf(plan: ImportPlan, field: Field): string {
  const index = plan.columns[field];
  return index === undefined ? field : (plan.headers[index] ?? `column ${index + 1}`);
}
