// Sniffing and value parsing for the sales import: pure functions over the
// sampled head of a file, plus the DuckDB expressions that parse whole columns
// exactly as parseNumber/parseDate do.
export {
  DATE_FORMATS,
  type DateFormat,
  describeDateFormat,
  isDateFormat,
} from './date-grammar.js';
export { dateSql } from './date-sql.js';
export { dateFormatCandidates, detectDateFormat, parseDate } from './dates.js';
export {
  bomLength,
  decodeHead,
  detectEncoding,
  ENCODINGS,
  type Encoding,
  parseEncoding,
  UnknownEncodingError,
} from './encoding.js';
export { FIELD_SYNONYMS, FIELDS, type Field, isField } from './fields.js';
export { applyOverrides, UnknownFieldError, UnknownHeaderError } from './header-overrides.js';
export { hasHeaderRow, looksLikeValue } from './header-row.js';
export {
  compactHeader,
  type FieldMapping,
  type HeaderMatch,
  normalizeHeader,
  recognizeHeaders,
} from './headers.js';
export { DELIMITERS, type Delimiter, detectLayout, headLines, type Layout, splitLine } from './layout.js';
export { numberSql } from './number-sql.js';
export { type DecimalSeparator, detectNumberStyle, type NumberStyle, parseNumber } from './numbers.js';
