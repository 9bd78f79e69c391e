import type { AnalysisWindow, ResolvedAnalyzeOptions } from './portfolio.schema.js';

/**
 * METHOD P1: by default the window is the `months` months ending at the latest sale. The previous
 * window has the same length (the same number of months when the window is whole months, else the
 * same number of days) and ends the day before; the last quarter is the window's last three months,
 * compared with the same three months a year earlier (METHOD G3).
 */
export function analysisWindow(
  options: Pick<ResolvedAnalyzeOptions, 'from' | 'to' | 'all'>,
  data: { first: string; last: string },
  months: number,
): AnalysisWindow {
  const to = options.all ? data.last : (options.to ?? data.last);
  const dayAfter = addDays(to, 1);
  const from = options.all ? data.first : (options.from ?? addMonths(dayAfter, -months));
  const previousTo = addDays(from, -1);
  // Whole calendar months compare with the same months before (year over year); other spans by days.
  const wholeMonths = monthSpan(from, to);
  const previousFrom = wholeMonths
    ? addMonths(from, -wholeMonths)
    : addDays(from, -(daysBetween(from, to) + 1));
  // Counting back from the day after the end keeps month ends aligned (June 30 → April 1, not March 31).
  const quarterFrom = addMonths(dayAfter, -3);
  return {
    from,
    to,
    previousFrom,
    previousTo,
    quarterFrom,
    quarterYearAgoFrom: addMonths(quarterFrom, -12),
    quarterYearAgoTo: addDays(addMonths(dayAfter, -12), -1),
    hasPreviousWindow: data.first <= previousFrom,
    hasQuarterYearAgo: data.first <= addMonths(quarterFrom, -12),
  };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day (2024-03-31 minus one month is 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The number of months m with from + m months = the day after `to`, or null when the span is not whole months. */
export function monthSpan(from: string, to: string): number | null {
  const next = addDays(to, 1);
  for (let months = 1; months <= 240; months++) {
    const start = addMonths(next, -months);
    if (start === from) return months;
    if (start < from) return null;
  }
  return null;
}
