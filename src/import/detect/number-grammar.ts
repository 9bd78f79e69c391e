/**
 * The accepted number shapes, written once as regular-expression source that
 * means the same in JavaScript and in DuckDB's RE2, so that parseNumber and
 * numberSql cannot drift apart. Only ASCII classes and literal characters are
 * used (no \s or \d, whose meaning differs between the engines).
 */

export type DecimalSeparator = '.' | ',';
export interface NumberStyle {
  readonly decimal: DecimalSeparator;
}

// Blanks around signs and currencies; also what Excel and locales put between thousands.
const BLANK = '[ \t\u00A0\u202F]';
const BLANKS = `${BLANK}*`;
const CURRENCY = '(?:[€$£¥]|[A-Z]{3}|zł|kr)';

const escaped = (char: string) => (char === '.' ? '\\.' : char);

/**
 * Digits with optional grouping and decimals. `bareSeparator` allows a final
 * separator without decimals ("12."), which a trailing minus must not follow:
 * German "12,-" means 12 euros even, not minus 12.
 */
function numberCore(decimal: DecimalSeparator, bareSeparator: boolean): string {
  const thousands = decimal === '.' ? "[, '’\u00A0\u202F]" : "[. '’\u00A0\u202F]";
  // Grouped integers must start with 1-9 so that "0,123" is not read as 123.
  const integer = `(?:[1-9][0-9]{0,2}(?:${thousands}[0-9]{3})+|[0-9]+)`;
  const point = escaped(decimal);
  return `(?:${integer}(?:${point}[0-9]${bareSeparator ? '*' : '+'})?|${point}[0-9]+)`;
}

/**
 * Full shape: optional currency before or after, and at most one sign marker —
 * a leading +/-, a sign between currency and digits, a trailing minus (SAP:
 * "12,50-") or accounting parentheses "(12.50)". Because each alternative allows
 * only one marker, "contains - or (" is exactly "is negative".
 */
export function fullNumberPattern(decimal: DecimalSeparator): string {
  const number = numberCore(decimal, true);
  const beforeMinus = numberCore(decimal, false);
  const before = `(?:${CURRENCY}${BLANKS})?`;
  const after = `(?:${BLANKS}${CURRENCY})?`;
  const forms = [
    `\\(${BLANKS}${before}${number}${after}${BLANKS}\\)`,
    `[+-]?${BLANKS}${before}${number}${after}`,
    `${CURRENCY}${BLANKS}[+-]${BLANKS}${number}${after}`,
    `${before}${beforeMinus}${BLANKS}-${after}`,
    `${before}${beforeMinus}${after}${BLANKS}-`,
  ];
  return `${BLANKS}(?:${forms.join('|')})${BLANKS}`;
}

/** The common shape ("-1234.5" / "-1234,5"), which a plain cast reads correctly. */
export function plainNumberPattern(decimal: DecimalSeparator): string {
  return `-?[0-9]+(?:${escaped(decimal)}[0-9]*)?`;
}

/** The separator that usually groups thousands in this style: "1,234.5" or "1.234,5". */
export const usualThousands = (decimal: DecimalSeparator): string => (decimal === '.' ? ',' : '.');

/** Thousands grouped by the usual separator only, e.g. "-1,234,567.5"; removing it leaves a plain number. */
export function groupedNumberPattern(decimal: DecimalSeparator): string {
  const thousands = escaped(usualThousands(decimal));
  return `-?[1-9][0-9]{0,2}(?:${thousands}[0-9]{3})+(?:${escaped(decimal)}[0-9]*)?`;
}

/** Everything but digits and the decimal separator, i.e. what is removed before casting. */
export const nonDigitPattern = (decimal: DecimalSeparator): string => `[^0-9${decimal}]+`;
