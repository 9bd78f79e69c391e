import { type DateFormat, type Field, type NumberStyle, parseDate, parseNumber } from './detect/index.js';
import { NUMBER_FIELDS, TEXT_FIELDS } from './expressions.js';
import type { PreviewCell, PreviewProblem, PreviewRow } from './preview.schema.js';
import { FIELD_LABELS, REASONS } from './reasons.js';
import type { SourceSample } from './source/source.js';

/** How the rows of the sample are read: the plan's columns and formats, each settled or not. */
export interface RowReading {
  columns: Partial<Record<Field, number>>;
  numberStyle: NumberStyle;
  /** One format: dates are read with it. Several: ambiguous, each reading shown. None: not readable yet. */
  dateFormats: DateFormat[];
}

/**
 * Reads every sample row as the import's one SELECT (expressions.ts) and checks (checks.ts) would: the
 * same pure parsers the SQL is tested against (test/import/sql-agreement.test.ts) and the same reasons,
 * so a cell shown as refused here is refused by the import, with the same words.
 */
export function readSampleRows(source: SourceSample, reading: RowReading): PreviewRow[] {
  const { columns } = reading;
  const structural = source.format === 'delimited' || source.format === 'whitespace';
  const width = source.headers.length;
  const seenLines = new Map<string, number>();
  return source.sample.map((cells, i) => {
    const line = source.sampleLines[i] ?? i + 1;
    const wrongWidth = structural && cells.length !== width;
    const rowProblem: PreviewProblem | null = wrongWidth
      ? { code: 'field_count', reason: REASONS.fieldCount(cells.length, width) }
      : null;
    const read: PreviewRow['cells'] = {};
    for (const [field, index] of Object.entries(columns) as [Field, number][]) {
      read[field] = readCell(field, cells[index] ?? '', reading);
    }
    if (columns.amount === undefined && read.quantity && read.unit_price) {
      read.amount = { text: null, value: product(read.quantity.value, read.unit_price.value), problem: null };
    }
    // DuckDB's reader refuses a delimited line of the wrong width whole: its values are never checked.
    if (wrongWidth && source.format === 'delimited') {
      for (const value of Object.values(read)) value.problem = null;
    } else if (read.document?.value && read.line) {
      const key = JSON.stringify([read.document.value, read.line.value]);
      const seen = (seenLines.get(key) ?? 0) + 1;
      seenLines.set(key, seen);
      if (seen > 1 && !read.line.problem) {
        const reason = REASONS.duplicateLine(read.document.value, read.line.value ?? '');
        read.line.problem = { code: 'duplicate_line', reason };
      }
    }
    return { line, cells: read, problem: rowProblem };
  });
}

export const hasProblem = (row: PreviewRow): boolean =>
  row.problem !== null || Object.values(row.cells).some((cell) => cell.problem !== null);

function readCell(field: Field, raw: string, reading: RowReading): PreviewCell {
  const text = raw.trim() === '' ? null : raw.trim();
  const { columns } = reading;
  if ((TEXT_FIELDS as readonly string[]).includes(field)) {
    const problem = field === 'customer_id' && text === null ? empty('customer_id') : null;
    return { text, value: text, problem };
  }
  if (field === 'date') return readDate(raw, text, reading.dateFormats);
  if (!(NUMBER_FIELDS as readonly string[]).includes(field)) return { text, value: text, problem: null };
  const value = parseNumber(raw, reading.numberStyle);
  const priced = columns.amount === undefined;
  const required = field === 'amount' || (priced && (field === 'quantity' || field === 'unit_price'));
  let problem: PreviewProblem | null = null;
  if (value === null && text !== null) problem = { code: 'not_a_number', reason: REASONS.notANumber };
  else if (value === null && required) problem = empty(field as keyof typeof FIELD_LABELS);
  return { text, value, problem };
}

function readDate(raw: string, text: string | null, formats: DateFormat[]): PreviewCell {
  if (text === null) return { text, value: null, problem: formats.length > 0 ? empty('date') : null };
  const [only] = formats;
  if (formats.length === 1 && only) {
    const value = parseDate(raw, only);
    return { text, value, problem: value ? null : { code: 'not_a_date', reason: REASONS.badDate(only) } };
  }
  if (formats.length === 0) return { text, value: null, problem: null };
  const readings = formats.map((format) => parseDate(raw, format));
  const shown = readings.filter((reading) => reading !== null);
  const reason = `could be read as ${[...new Set(shown)].join(' or ')}`;
  // One reading only (e.g. 13/01/2024): the cell itself is not ambiguous, but the column still is.
  const value = new Set(shown).size === 1 ? shown[0]! : null;
  return { text, value, problem: value ? null : { code: 'ambiguous_date', reason }, readings };
}

const empty = (field: keyof typeof FIELD_LABELS): PreviewProblem => ({
  code: 'empty',
  reason: REASONS.empty(FIELD_LABELS[field]),
});

/** quantity × unit price rounded to 4 decimals, half away from zero, as the import's SQL computes it. */
export function product(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  const scaled = (text: string) => {
    const [integer, fraction = ''] = text.replace('-', '').split('.');
    const value = BigInt(`${integer}${fraction.padEnd(4, '0')}`);
    return text.startsWith('-') ? -value : value;
  };
  const exact = scaled(a) * scaled(b); // 8 decimals
  const negative = exact < 0n;
  const magnitude = negative ? -exact : exact;
  const rounded = (magnitude + 5000n) / 10000n; // 4 decimals
  const digits = rounded.toString().padStart(5, '0');
  const fraction = digits.slice(-4).replace(/0+$/, '');
  const sign = negative && rounded !== 0n ? '-' : '';
  return `${sign}${digits.slice(0, -4)}${fraction ? `.${fraction}` : ''}`;
}
