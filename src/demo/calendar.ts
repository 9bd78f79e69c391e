/**
 * Day arithmetic for the demo history. Days are whole UTC days since 1970-01-01 so that the generator
 * can loop over plain integers and never meets time zones or daylight saving.
 */

const MS_PER_DAY = 86_400_000;
const DAYS_PER_YEAR = 365.2425;

export interface Period {
  /** First day (inclusive) of the history. */
  firstDay: number;
  /** Last day (inclusive), the requested end date. */
  lastDay: number;
}

export function parseIsoDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${iso}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls 2024-02-31 over into March; such input is a typo, not a date.
  if (new Date(ms).getUTCDate() !== day || month < 1 || month > 12) throw new Error(`Invalid date "${iso}"`);
  return ms / MS_PER_DAY;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = January. */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth();
}

/**
 * The `years` before `endDate`, end date included: three years ending 2024-12-31 start on 2022-01-01.
 * Whole years follow the calendar (leap days included); a fractional rest is counted in average days.
 */
export function periodEndingOn(endDate: string, years: number): Period {
  if (!(years > 0) || !Number.isFinite(years))
    throw new Error(`years must be a positive number, got ${years}`);
  const lastDay = parseIsoDay(endDate);
  const end = new Date(lastDay * MS_PER_DAY);
  const wholeYears = Math.floor(years);
  const sameDateYearsBefore =
    Date.UTC(end.getUTCFullYear() - wholeYears, end.getUTCMonth(), end.getUTCDate()) / MS_PER_DAY;
  const firstDay = sameDateYearsBefore - Math.round((years - wholeYears) * DAYS_PER_YEAR) + 1;
  return { firstDay, lastDay };
}

/** Fraction of a year between two days; negative when `day` lies before `reference`. */
export function yearsBetween(reference: number, day: number): number {
  return (day - reference) / DAYS_PER_YEAR;
}

/**
 * How busy invoicing is on a given weekday and around the holidays. Invoices are only written on working
 * days; Fridays and the days between Christmas and New Year are quiet.
 */
export function invoicingActivity(day: number): number {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday === 0 || weekday === 6) return 0;
  const date = new Date(day * MS_PER_DAY);
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  if (month === 0 && dayOfMonth === 1) return 0;
  if (month === 11 && (dayOfMonth === 24 || dayOfMonth === 25 || dayOfMonth === 26 || dayOfMonth === 31))
    return 0;
  if (month === 11 && dayOfMonth > 26) return 0.3;
  return weekday === 5 ? 0.85 : 1;
}
