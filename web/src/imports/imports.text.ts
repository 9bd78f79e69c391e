import type { TFunction } from 'i18next';
import type { ImportPreview } from '../api/types';
import type { Field } from './mapping';

export type DateFormat = NonNullable<ImportPreview['date']['format']>;

/** i18next keys cannot hold "." or "/", so each date format has a key of its own. */
export const DATE_FORMAT_KEYS: Record<DateFormat, string> = {
  iso: 'iso',
  'dmy.': 'dmyDot',
  'dmy/': 'dmySlash',
  'mdy/': 'mdySlash',
  'dmy-': 'dmyDash',
  'ymd/': 'ymdSlash',
  yyyymmdd: 'yyyymmdd',
  excel: 'excel',
};
export const DATE_FORMATS = Object.keys(DATE_FORMAT_KEYS) as DateFormat[];

// The import's own list (src/import/detect/encodings.ts), so the page offers what the server reads.
export { ENCODINGS } from '../../../src/import/detect/encodings';

type ImportsT = TFunction<'imports'>;

export const dateFormatLabel = (t: ImportsT, format: DateFormat) =>
  t(`dateFormats.${DATE_FORMAT_KEYS[format]}` as never);

export function delimiterLabel(t: ImportsT, delimiter: string | null): string {
  const key = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter ?? ''];
  return key ? t(`delimiters.${key}` as never) : (delimiter ?? '');
}

export function formatLabel(t: ImportsT, preview: ImportPreview): string {
  if (preview.format === 'delimited')
    return t('formats.delimited', { delimiter: delimiterLabel(t, preview.delimiter) });
  return t(`formats.${preview.format}`);
}

export const fieldLabel = (t: ImportsT, field: Field | string) => t(`fields.${field}` as never);

// The import's reasons (src/import/reasons.ts), so rejects and preview problems read in the user's language.
const FIELD_OF_LABEL: Record<string, Field> = {
  'customer id': 'customer_id',
  date: 'date',
  amount: 'amount',
  quantity: 'quantity',
  'unit price': 'unit_price',
};

// describeDateFormat's wording (src/import/detect/date-grammar.ts), up to the example.
const FORMAT_OF_DESCRIPTION: Record<string, DateFormat> = {
  'YYYY-MM-DD': 'iso',
  'DD.MM.YYYY': 'dmy.',
  'DD/MM/YYYY': 'dmy/',
  'MM/DD/YYYY': 'mdy/',
  'DD-MM-YYYY': 'dmy-',
  'YYYY/MM/DD': 'ymd/',
  YYYYMMDD: 'yyyymmdd',
  'Excel serial day numbers': 'excel',
};

/** The import's English reason in the user's language; a reason it does not know stays as it is. */
export function translateReason(t: ImportsT, reason: string): string {
  let match = /^the (customer id|date|amount|quantity|unit price) is empty$/.exec(reason);
  if (match) return t('reasons.empty', { field: fieldLabel(t, FIELD_OF_LABEL[match[1]!]!) });
  if (reason === 'not a number') return t('reasons.notANumber');
  if (reason === 'no exchange rate was given for this currency') return t('reasons.noRate');
  match = /^not a valid date in the format (.+?)(?:, (?:day|month) first)? \(e\.g\. .*\)$/.exec(reason);
  if (match) {
    const format = FORMAT_OF_DESCRIPTION[match[1]!];
    return t('reasons.badDate', { format: format ? dateFormatLabel(t, format) : match[1] });
  }
  match = /^the line has (\d+) fields where the header has (\d+)$/.exec(reason);
  if (match) return t('reasons.fieldCount', { found: match[1], expected: match[2] });
  match = /^document (.*) line (.*) appears more than once in the file$/.exec(reason);
  if (match) return t('reasons.duplicateLine', { document: match[1], line: match[2] });
  match = /^the line cannot be read: (.*)$/.exec(reason);
  if (match) return t('reasons.unreadable', { detail: match[1] });
  return reason;
}

export function fileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A failed import in the user's language where the code says enough; otherwise the server's own words. */
export function jobErrorText(t: ImportsT, error: { code: string; message: string }): string {
  if (error.code === 'ambiguous_date_format') return t('result.ambiguous');
  return error.message;
}
