import {
  fullNumberPattern,
  groupedNumberPattern,
  type NumberStyle,
  nonDigitPattern,
  plainNumberPattern,
  usualThousands,
} from './number-grammar.js';
import { sqlString } from './sql-literal.js';

/**
 * DuckDB expression turning the VARCHAR column `column` (an already quoted,
 * generated identifier such as "c3") into DECIMAL(18,4), or NULL where
 * parseNumber returns null. Values of the common shapes ("-1234.56" and
 * "-1,234.56", or "-1234,56" and "-1.234,56" in comma style) take a plain
 * cast after cheap replaces; only the rest (other thousands separators,
 * currencies, trailing minus, parentheses) pays for the full pattern and the
 * regex digit extraction, about three times the cost.
 */
export function numberSql(column: string, style: NumberStyle): string {
  const { decimal } = style;
  const cast = (text: string) => `TRY_CAST(${text} AS DECIMAL(18,4))`;
  const pointed = (text: string) => (decimal === ',' ? `replace(${text}, ',', '.')` : text);
  const sign = `CASE WHEN contains(${column}, '-') OR contains(${column}, '(') THEN '-' ELSE '' END`;
  const digits = `regexp_replace(${column}, ${sqlString(nonDigitPattern(decimal))}, '', 'g')`;
  return [
    'CASE',
    `WHEN regexp_full_match(${column}, ${sqlString(plainNumberPattern(decimal))})`,
    `THEN ${cast(pointed(column))}`,
    `WHEN regexp_full_match(${column}, ${sqlString(groupedNumberPattern(decimal))})`,
    `THEN ${cast(pointed(`replace(${column}, ${sqlString(usualThousands(decimal))}, '')`))}`,
    `WHEN regexp_full_match(${column}, ${sqlString(fullNumberPattern(decimal))})`,
    `THEN ${cast(`${sign} || ${pointed(digits)}`)}`,
    'END',
  ].join(' ');
}
