import {
  CALENDAR_SHAPES,
  type CalendarShape,
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

function datePartSql(column: string, shape: CalendarShape): string {
  if (shape.datePart === 'before-space') return `split_part(${column}, ' ', 1)`;
  return `left(${column}, ${shape.datePart})`;
}

/**
 * DuckDB expression turning the VARCHAR column `column` (an already quoted,
 * generated identifier such as "c3") into DATE, or NULL where parseDate returns
 * null. The common shape is cut to its date part and read by strptime; other
 * accepted spellings (blanks, rarer time formats) are rewritten to Y-M-D by one
 * regexp_replace and cast. Both reject days that do not exist.
 */
export function dateSql(column: string, format: DateFormat): string {
  if (format === 'excel') return excelSql(column);
  const shape = CALENDAR_SHAPES[format];
  const fast = `CAST(try_strptime(${datePartSql(column, shape)}, ${sqlString(shape.strptime)}) AS DATE)`;
  const { year, month, day } = shape.groups;
  const anchored = sqlString(`^(?:${shape.full})$`);
  const rewritten = `regexp_replace(${column}, ${anchored}, '\\${year}-\\${month}-\\${day}')`;
  return [
    'CASE',
    `WHEN ${fullMatch(column, shape.fast)} THEN ${fast}`,
    `WHEN ${fullMatch(column, shape.full)} THEN TRY_CAST(${rewritten} AS DATE)`,
    'END',
  ].join(' ');
}
