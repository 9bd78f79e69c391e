import {
  CALENDAR_SHAPES,
  type DateFormat,
  EXCEL_FULL,
  EXCEL_MAX_SERIAL,
  EXCEL_PHANTOM_LEAP_DAY,
  EXCEL_PLAIN,
} from './date-grammar.js';
import { sqlString } from './sql-literal.js';

const fullMatch = (column: string, pattern: string) => `regexp_full_match(${column}, ${sqlString(pattern)})`;

function excelSql(column: string): string {
  const fromSerial = (serial: string) =>
    `CASE WHEN ${serial} BETWEEN 1 AND ${EXCEL_PHANTOM_LEAP_DAY - 1} THEN DATE '1899-12-31' + ${serial} ` +
    `WHEN ${serial} BETWEEN ${EXCEL_PHANTOM_LEAP_DAY + 1} AND ${EXCEL_MAX_SERIAL} ` +
    `THEN DATE '1899-12-30' + ${serial} END`;
  return [
    'CASE',
    `WHEN ${fullMatch(column, EXCEL_PLAIN)} THEN ${fromSerial(`TRY_CAST(${column} AS INTEGER)`)}`,
    `WHEN ${fullMatch(column, EXCEL_FULL)}`,
    `THEN ${fromSerial(`TRY_CAST(regexp_extract(${column}, '[0-9]+') AS INTEGER)`)}`,
    'END',
  ].join(' ');
}

/**
 * DuckDB expression turning the VARCHAR column `column` (an already quoted,
 * generated identifier such as "c3") into DATE, or NULL where parseDate returns
 * null. The canonical shape goes straight to strptime (or the ISO cast); other
 * accepted spellings (1-digit parts, blanks, times) are rewritten to Y-M-D by
 * one regexp_replace and cast, which rejects days that do not exist.
 */
export function dateSql(column: string, format: DateFormat): string {
  if (format === 'excel') return excelSql(column);
  const shape = CALENDAR_SHAPES[format];
  const plain =
    format === 'iso'
      ? `TRY_CAST(${column} AS DATE)`
      : `CAST(try_strptime(${column}, ${sqlString(shape.strptime)}) AS DATE)`;
  const { year, month, day } = shape.groups;
  const rewritten = `regexp_replace(${column}, ${sqlString(`^(?:${shape.full})$`)}, '\\${year}-\\${month}-\\${day}')`;
  return [
    'CASE',
    `WHEN ${fullMatch(column, shape.plain)} THEN ${plain}`,
    `WHEN ${fullMatch(column, shape.full)} THEN TRY_CAST(${rewritten} AS DATE)`,
    'END',
  ].join(' ');
}
