import { DATE_FORMATS } from './date-grammar.js';
import { parseDate } from './dates.js';
import { recognizeHeaders } from './headers.js';
import { parseNumber } from './numbers.js';

// Bare integers already count as numbers; Excel serials add nothing here.
const CALENDAR_FORMATS = DATE_FORMATS.filter((format) => format !== 'excel');

/** Whether a cell reads as a number or a date in any style or format. */
export function looksLikeValue(cell: string): boolean {
  const text = cell.trim();
  if (text === '') return false;
  if (parseNumber(text, { decimal: '.' }) !== null || parseNumber(text, { decimal: ',' }) !== null)
    return true;
  return CALENDAR_FORMATS.some((format) => parseDate(text, format) !== null);
}

/**
 * Whether the first of the sampled rows (already split into cells) is a
 * header. Headers hold no numbers or dates; beyond that it takes a recognised
 * field name, or a column whose first cell is text while most cells below are
 * numbers or dates. Without either sign the row is taken as data, so that a file
 * without header loses no row silently.
 */
export function hasHeaderRow(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first || first.every((cell) => cell.trim() === '')) return false;
  if (first.some(looksLikeValue)) return false;
  if (recognizeHeaders(first).matched.length > 0) return true;
  return first.some((cell, column) => {
    if (cell.trim() === '') return false;
    const below = rest.map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
    return below.length > 0 && below.filter(looksLikeValue).length * 2 > below.length;
  });
}
