import {
  CALENDAR_SHAPES,
  DATE_FORMATS,
  type DateFormat,
  EXCEL_FULL,
  EXCEL_MAX_SERIAL,
  EXCEL_PHANTOM_LEAP_DAY,
} from './date-grammar.js';

export type { DateFormat } from './date-grammar.js';

const calendarRegex = Object.fromEntries(
  Object.entries(CALENDAR_SHAPES).map(([format, shape]) => [format, new RegExp(`^(?:${shape.full})$`)]),
) as Record<keyof typeof CALENDAR_SHAPES, RegExp>;
const excelRegex = new RegExp(`^(?:${EXCEL_FULL})$`);

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
// Serials from 1950 to 2099: the range in which a bare integer is plausibly a sales date.
const PLAUSIBLE_SERIALS = { min: 18_264, max: 73_050 };

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function excelSerial(text: string): number | null {
  const match = excelRegex.exec(text);
  return match ? Number(match[1]) : null;
}

function fromExcelSerial(serial: number): string | null {
  if (serial < 1 || serial === EXCEL_PHANTOM_LEAP_DAY || serial > EXCEL_MAX_SERIAL) return null;
  const days = serial < EXCEL_PHANTOM_LEAP_DAY ? serial + 1 : serial;
  return new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads a date in the given format into 'YYYY-MM-DD'; any time of day is
 * dropped. Null when the text has another shape or names a day that does not
 * exist (31.02.2024, 29.02.2023).
 */
export function parseDate(text: string, format: DateFormat): string | null {
  if (format === 'excel') {
    const serial = excelSerial(text);
    return serial === null ? null : fromExcelSerial(serial);
  }
  const match = calendarRegex[format].exec(text);
  if (!match) return null;
  const { groups } = CALENDAR_SHAPES[format];
  const year = Number(match[groups.year]);
  const month = Number(match[groups.month]);
  const day = Number(match[groups.day]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function readsAs(text: string, format: DateFormat): boolean {
  if (format !== 'excel') return parseDate(text, format) !== null;
  const serial = excelSerial(text);
  return serial !== null && serial >= PLAUSIBLE_SERIALS.min && serial <= PLAUSIBLE_SERIALS.max;
}

/**
 * The formats that read the most non-empty samples, provided they read at
 * least half of them; empty when none does.
 */
export function dateFormatCandidates(samples: string[]): DateFormat[] {
  const values = samples.filter((sample) => sample.trim() !== '');
  const counts = DATE_FORMATS.map((format) => values.filter((value) => readsAs(value, format)).length);
  const best = Math.max(...counts);
  if (best === 0 || best * 2 < values.length) return [];
  return DATE_FORMATS.filter((_, i) => counts[i] === best);
}

/**
 * The one format that fits the samples best, or `{ ambiguous }` listing the
 * equally fitting candidates — typically ['dmy/', 'mdy/'] when no day above 12
 * shows which part is the day. Never guesses between them. `{ ambiguous: [] }`
 * means no format fits. Bare integers count as Excel serials only between 1950
 * and 2099, so that a column of small counts is not taken for dates.
 */
export function detectDateFormat(samples: string[]): DateFormat | { ambiguous: DateFormat[] } {
  const candidates = dateFormatCandidates(samples);
  return candidates.length === 1 ? candidates[0] : { ambiguous: candidates };
}
