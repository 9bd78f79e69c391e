/**
 * Date formats and their shapes as regular-expression source that means the
 * same in JavaScript and DuckDB's RE2 (ASCII classes only), shared by parseDate
 * and dateSql.
 */

/** Stable user-facing names, usable as `--date-format` values. */
export const DATE_FORMATS = ['iso', 'dmy.', 'dmy/', 'mdy/', 'dmy-', 'ymd/', 'yyyymmdd', 'excel'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const isDateFormat = (name: string): name is DateFormat =>
  (DATE_FORMATS as readonly string[]).includes(name);

const DESCRIPTIONS: Record<DateFormat, string> = {
  iso: 'YYYY-MM-DD (e.g. 2024-01-31)',
  'dmy.': 'DD.MM.YYYY (e.g. 31.01.2024)',
  'dmy/': 'DD/MM/YYYY, day first (e.g. 31/01/2024)',
  'mdy/': 'MM/DD/YYYY, month first (e.g. 01/31/2024)',
  'dmy-': 'DD-MM-YYYY (e.g. 31-01-2024)',
  'ymd/': 'YYYY/MM/DD (e.g. 2024/01/31)',
  yyyymmdd: 'YYYYMMDD (e.g. 20240131)',
  excel: 'Excel serial day numbers (e.g. 45322 for 2024-01-31)',
};

/** A short human description of the format for messages, e.g. "DD.MM.YYYY (e.g. 31.01.2024)". */
export const describeDateFormat = (format: DateFormat): string => DESCRIPTIONS[format];

/** How a calendar format is matched, both in full and in its fast common shape. */
export interface CalendarShape {
  /** Everything accepted: 1- or 2-digit day/month, surrounding blanks, many time spellings. */
  full: string;
  /** Which capture group of `full` holds year, month and day. */
  groups: { year: number; month: number; day: number };
  /** The common shape: no blanks around, at most a plain " hh:mm[:ss]" after the date. */
  fast: string;
  /** Cuts the date off a `fast` match: everything before a space, or the first n characters. */
  datePart: 'before-space' | 10 | 8;
  /** DuckDB strptime format of that date part. */
  strptime: string;
}

const BLANKS = '[ \t]*';
// Times are accepted and dropped: "T10:15", " 10:15:30.123", " 3:45:00 PM", "T10:15:00+01:00".
const TIME =
  '(?:(?:T|[ \t]+)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:[ \t]*[AaPp][Mm])?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?';
const FAST_TIME = '(?: [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?';
// Years 1000-9999 only: year 0 and 2-digit years are not sales dates.
const YEAR = '[1-9][0-9]{3}';
const PART = '[0-9]{1,2}';

type Order = 'ymd' | 'dmy' | 'mdy';

function separated(order: Order, separator: string, strptime: string): CalendarShape {
  const sep = separator === '.' ? '\\.' : separator;
  const parts = order.split('').map((part) => (part === 'y' ? YEAR : PART));
  const group = (part: string) => order.indexOf(part) + 1;
  return {
    full: `${BLANKS}${parts.map((p) => `(${p})`).join(sep)}${TIME}${BLANKS}`,
    groups: { year: group('y'), month: group('m'), day: group('d') },
    fast: `${parts.join(sep)}${FAST_TIME}`,
    datePart: 'before-space',
    strptime,
  };
}

export const CALENDAR_SHAPES: Record<Exclude<DateFormat, 'excel'>, CalendarShape> = {
  // ISO times may follow a "T", so the fast shape has 2-digit parts and the date is cut by length.
  iso: {
    ...separated('ymd', '-', '%Y-%m-%d'),
    fast: `${YEAR}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?`,
    datePart: 10,
  },
  'dmy.': separated('dmy', '.', '%d.%m.%Y'),
  'dmy/': separated('dmy', '/', '%d/%m/%Y'),
  'mdy/': separated('mdy', '/', '%m/%d/%Y'),
  'dmy-': separated('dmy', '-', '%d-%m-%Y'),
  'ymd/': separated('ymd', '/', '%Y/%m/%d'),
  yyyymmdd: {
    full: `${BLANKS}(${YEAR})([0-9]{2})([0-9]{2})${TIME}${BLANKS}`,
    groups: { year: 1, month: 2, day: 3 },
    fast: `${YEAR}[0-9]{4}${FAST_TIME}`,
    datePart: 8,
    strptime: '%Y%m%d',
  },
};

/** Excel serial: whole days since 1899-12-30, a fraction for the time of day. */
export const EXCEL_FULL = `${BLANKS}([0-9]{1,7})(?:[.,][0-9]+)?${BLANKS}`;
export const EXCEL_PLAIN = '[0-9]{1,7}';
export const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31
// Excel counts a 29 February 1900 that never was (serial 60); serials before it are one day later.
export const EXCEL_PHANTOM_LEAP_DAY = 60;
