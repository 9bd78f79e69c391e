import type { AnalysisWindow, ResolvedAnalyzeOptions } from './portfolio.schema.js';

/**
 * METHOD P1: by default the window is the `months` months ending at the latest sale. The previous
 * window has the same number of days and ends the day before; the last quarter is the window's last
 * three months, compared with the same three months a year earlier (METHOD G3).
 */
export function analysisWindow(
  options: Pick<ResolvedAnalyzeOptions, 'from' | 'to' | 'all'>,
  data: { first: string; last: string },
  months: number,
): AnalysisWindow {
  const to = options.all ? data.last : (options.to ?? data.last);
  const from = options.all ? data.first : (options.from ?? addDays(addMonths(to, -months), 1));
  const length = daysBetween(from, to) + 1;
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -length);
  const quarterFrom = addDays(addMonths(to, -3), 1);
  return {
    from,
    to,
    previousFrom,
    previousTo,
    quarterFrom,
    quarterYearAgoFrom: addMonths(quarterFrom, -12),
    quarterYearAgoTo: addMonths(to, -12),
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
