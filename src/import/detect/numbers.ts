import {
  type DecimalSeparator,
  fullNumberPattern,
  type NumberStyle,
  nonDigitPattern,
} from './number-grammar.js';

export type { DecimalSeparator, NumberStyle } from './number-grammar.js';

const fullNumber: Record<DecimalSeparator, RegExp> = {
  '.': new RegExp(`^(?:${fullNumberPattern('.')})$`),
  ',': new RegExp(`^(?:${fullNumberPattern(',')})$`),
};
const nonDigits: Record<DecimalSeparator, RegExp> = {
  '.': new RegExp(nonDigitPattern('.'), 'g'),
  ',': new RegExp(nonDigitPattern(','), 'g'),
};

// DECIMAL(18,4), the type numberSql produces: 14 integer and 4 fraction digits.
const SCALE = 4;
const LIMIT = 10n ** 18n;

/**
 * Rounds like DuckDB's VARCHAR → DECIMAL(18,4) cast (half away from zero on the
 * fifth fraction digit) and gives up where the cast overflows, so that both
 * sides agree on every input.
 */
function toCanonicalDecimal(negative: boolean, digits: string): string | null {
  const [integerPart, fractionPart = ''] = digits.split('.');
  const padded = fractionPart.padEnd(SCALE + 1, '0');
  let scaled = BigInt(`${integerPart}${padded.slice(0, SCALE)}` || '0');
  if (padded[SCALE] >= '5') scaled += 1n;
  if (scaled >= LIMIT) return null;
  const text = scaled.toString().padStart(SCALE + 1, '0');
  const fraction = text.slice(-SCALE).replace(/0+$/, '');
  const sign = negative && scaled !== 0n ? '-' : '';
  return `${sign}${text.slice(0, -SCALE)}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * Reads a number written in the given style, e.g. "1.234,56 €", "(12.50)",
 * "12,50-", "$1,234.56", "1 234,56", into a canonical string such as "-1234.56"
 * (rounded to 4 decimals). Null for anything else, including the empty string.
 * Thousands separators must group by three, so "1.5" is not a number in
 * decimal-comma style (rather than silently meaning 15).
 */
export function parseNumber(text: string, style: NumberStyle): string | null {
  if (!fullNumber[style.decimal].test(text)) return null;
  const negative = text.includes('-') || text.includes('(');
  const digits = text.replace(nonDigits[style.decimal], '').replace(',', '.');
  return toCanonicalDecimal(negative, digits);
}

/**
 * Decides the decimal separator from sample values of all numeric columns:
 * values readable in only one style vote for it ("1,5", "1.234,56" for comma;
 * "12.50", "1,234,567" for point); values like "1,234" or "1234" read either way
 * and do not vote. Ties and no votes give '.'.
 */
export function detectNumberStyle(samples: string[]): NumberStyle {
  let pointVotes = 0;
  let commaVotes = 0;
  for (const sample of samples) {
    const asPoint = fullNumber['.'].test(sample);
    const asComma = fullNumber[','].test(sample);
    if (asPoint && !asComma) pointVotes++;
    if (asComma && !asPoint) commaVotes++;
  }
  return { decimal: commaVotes > pointVotes ? ',' : '.' };
}
