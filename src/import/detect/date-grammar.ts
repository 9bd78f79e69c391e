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

/** Calendar formats: which capture group holds year, month and day. */
export interface CalendarShape {
  /** Full accepted shape: 1- or 2-digit day/month, surrounding blanks, optional time. */
  full: string;
  /** The canonical shape (2-digit parts, nothing else) that strptime reads on its own. */
  plain: string;
  strptime: string;
  groups: { year: number; month: number; day: number };
}

const BLANKS = '[ \t]*';
// Times are accepted and dropped: "T10:15", " 10:15:30.123", " 3:45:00 PM", "T10:15:00+01:00".
const TIME =
  '(?:(?:T|[ \t]+)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:[ \t]*[AaPp][Mm])?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?';
// Years 1000-9999 only: year 0 and 2-digit years are not sales dates.
const YEAR = '([1-9][0-9]{3})';
const PART = '([0-9]{1,2})';
const YEAR2 = '[1-9][0-9]{3}';
const PART2 = '[0-9]{2}';

function shape(
  parts: string,
  plain: string,
  strptime: string,
  groups: CalendarShape['groups'],
): CalendarShape {
  return { full: `${BLANKS}${parts}${TIME}${BLANKS}`, plain, strptime, groups };
}

const dayFirst = (sep: string, strptime: string) =>
  shape(`${PART}${sep}${PART}${sep}${YEAR}`, `${PART2}${sep}${PART2}${sep}${YEAR2}`, strptime, {
    year: 3,
    month: 2,
    day: 1,
  });

export const CALENDAR_SHAPES: Record<Exclude<DateFormat, 'excel'>, CalendarShape> = {
  iso: shape(`${YEAR}-${PART}-${PART}`, `${YEAR2}-${PART2}-${PART2}`, '%Y-%m-%d', {
    year: 1,
    month: 2,
    day: 3,
  }),
  'dmy.': dayFirst('\\.', '%d.%m.%Y'),
  'dmy/': dayFirst('/', '%d/%m/%Y'),
  'mdy/': shape(`${PART}/${PART}/${YEAR}`, `${PART2}/${PART2}/${YEAR2}`, '%m/%d/%Y', {
    year: 3,
    month: 1,
    day: 2,
  }),
  'dmy-': dayFirst('-', '%d-%m-%Y'),
  'ymd/': shape(`${YEAR}/${PART}/${PART}`, `${YEAR2}/${PART2}/${PART2}`, '%Y/%m/%d', {
    year: 1,
    month: 2,
    day: 3,
  }),
  yyyymmdd: shape(`${YEAR}([0-9]{2})([0-9]{2})`, `${YEAR2}${PART2}${PART2}`, '%Y%m%d', {
    year: 1,
    month: 2,
    day: 3,
  }),
};

/** Excel serial: whole days since 1899-12-30, a fraction for the time of day. */
export const EXCEL_FULL = `${BLANKS}([0-9]{1,7})(?:[.,][0-9]+)?${BLANKS}`;
export const EXCEL_PLAIN = '[0-9]{1,7}';
export const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31
// Excel counts a 29 February 1900 that never was (serial 60); serials before it are one day later.
export const EXCEL_PHANTOM_LEAP_DAY = 60;
