import { ambiguousDatesMessage } from './date-choice.js';
import { type DateFormat, FIELDS, type Field, parseDate, recognizeHeaders } from './detect/index.js';
import type { ImportOptions } from './import.schema.js';
import {
  chosenDateFormat,
  detectDates,
  detectNumbers,
  mapColumns,
  missingFields,
  unknownDatesMessage,
  valuesOf,
} from './plan.js';
import type { ImportPreview } from './preview.schema.js';
import { hasProblem, readSampleRows } from './preview-rows.js';
import { type SourceSample, sampleSource } from './source/source.js';

export type PreviewOptions = Pick<ImportOptions, 'mapping' | 'dateFormat' | 'decimal' | 'encoding' | 'sheet'>;

const SHOWN_ROWS = 20;
const SHOWN_FLAGGED = 20;

/**
 * What the import will make of a file, read from its head: the import's own sniffing (source/), mapping
 * and format detection (plan.ts) and value parsers, so the preview cannot disagree with the import about
 * the rows it shows. Only the date question is answered from the sample alone: when the sample leaves
 * it open, the import still looks at the whole column before it asks.
 */
export async function previewSales(
  file: string,
  fileName: string,
  options: PreviewOptions,
): Promise<ImportPreview> {
  const source = await sampleSource(file, { encoding: options.encoding, sheet: options.sheet });
  const columns = mapColumns(source.headers, options.mapping ?? {});
  const missing = missingFields(columns);
  const numberStyle = detectNumbers(source, columns, options.decimal);
  const date = dateStatus(source, columns, options.dateFormat);
  const rows = readSampleRows(source, { columns, numberStyle, dateFormats: date.readWith });
  // A file the import cannot start on has no refused rows yet: the missing column comes first.
  const counted = missing.length === 0 && date.readWith.length === 1;
  const flagged = counted ? rows.slice(SHOWN_ROWS).filter(hasProblem) : [];
  return {
    fileName,
    format: source.format,
    encoding: source.encoding ? { value: source.encoding, chosen: Boolean(options.encoding) } : null,
    delimiter: source.delimiter,
    sheets: source.sheets ?? null,
    headers: source.headers,
    examples: source.headers.map((_, column) => valuesOf(source, column)[0]?.trim() ?? null),
    mapping: mappingOf(source.headers, columns, options.mapping ?? {}),
    recognized: recognizeHeaders(source.headers).mapping,
    unmapped: FIELDS.filter((field) => columns[field] === undefined),
    missing,
    decimal: { value: numberStyle.decimal, chosen: Boolean(options.decimal) },
    date: { status: date.status, format: date.format, candidates: date.candidates, message: date.message },
    sampleRows: rows.length,
    rowsWithProblems: counted ? rows.filter(hasProblem).length : 0,
    rows: rows.slice(0, SHOWN_ROWS),
    flagged: flagged.slice(0, SHOWN_FLAGGED),
    warnings: currencyWarning(source, columns),
  };
}

interface DateStatus {
  status: ImportPreview['date']['status'];
  format: DateFormat | null;
  candidates: DateFormat[];
  message: string | null;
  /** The formats the rows are read with (one when settled). */
  readWith: DateFormat[];
}

function dateStatus(
  source: SourceSample,
  columns: Partial<Record<Field, number>>,
  chosen: string | undefined,
): DateStatus {
  const none = { format: null, candidates: [], message: null, readWith: [] };
  if (columns.date === undefined) return { status: 'no_column', ...none };
  if (chosen) {
    const format = chosenDateFormat(chosen);
    return { status: 'chosen', ...none, format, readWith: [format] };
  }
  if (source.sample.length === 0) return { status: 'no_rows', ...none };
  const detected = detectDates(source, columns);
  if (detected.length === 0)
    return { status: 'unknown', ...none, message: unknownDatesMessage(source, columns) };
  // As chooseDateFormat does over the whole column: a format that fails on any sampled date is out.
  const dates = valuesOf(source, columns.date);
  const fitting = detected.filter((format) => dates.every((text) => parseDate(text, format) !== null));
  const [only] = fitting.length === 1 ? fitting : detected.length === 1 ? detected : [];
  if (only) return { status: 'detected', ...none, format: only, readWith: [only] };
  const candidates = fitting.length > 0 ? fitting : detected;
  return {
    status: 'ambiguous',
    ...none,
    candidates,
    message: ambiguousDatesMessage(candidates),
    readWith: candidates,
  };
}

function mappingOf(
  headers: string[],
  columns: Partial<Record<Field, number>>,
  overrides: Partial<Record<Field, string>>,
): ImportPreview['mapping'] {
  const matched = recognizeHeaders(headers).matched;
  return (Object.entries(columns) as [Field, number][])
    .map(([field, column]) => {
      const recognized = matched.find((match) => match.field === field && match.index === column);
      const via = overrides[field] === undefined && recognized ? recognized.via : ('chosen' as const);
      return { field, column, header: headers[column] ?? `column ${column + 1}`, via };
    })
    .sort((a, b) => a.column - b.column);
}

/** The import refuses a file of several currencies unless rates are given (the web upload gives none). */
function currencyWarning(
  source: SourceSample,
  columns: Partial<Record<Field, number>>,
): ImportPreview['warnings'] {
  const currencies = [...new Set(valuesOf(source, columns.currency).map((text) => text.trim()))];
  if (currencies.length < 2) return [];
  const values = currencies.slice(0, 5);
  const message = `The file mixes currencies (${values.join(', ')}). Import one currency at a time.`;
  return [{ code: 'mixed_currencies', message, values }];
}
