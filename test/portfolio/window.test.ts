import { describe, expect, it } from 'vitest';
import { addMonths, analysisWindow, monthSpan } from '../../src/portfolio/portfolio.window.js';

describe('analysis window (METHOD P1, G3)', () => {
  const data = { first: '2022-01-03', last: '2024-06-30' };

  it('defaults to the 12 months ending at the latest sale, the same-length window before, and the last quarter', () => {
    expect(analysisWindow({ all: false }, data, 12)).toEqual({
      from: '2023-07-01',
      to: '2024-06-30',
      previousFrom: '2022-07-01',
      previousTo: '2023-06-30',
      quarterFrom: '2024-04-01',
      quarterYearAgoFrom: '2023-04-01',
      quarterYearAgoTo: '2023-06-30',
      hasPreviousWindow: true,
      hasQuarterYearAgo: true,
    });
  });

  it('says when the data does not reach back to the previous window', () => {
    const w = analysisWindow({ all: false }, { first: '2023-09-01', last: '2024-06-30' }, 12);
    expect(w.hasPreviousWindow).toBe(false);
    expect(w.hasQuarterYearAgo).toBe(false);
  });

  it('--all spans the whole history and --from/--to are taken as given', () => {
    expect(analysisWindow({ all: true }, data, 12)).toMatchObject({
      from: '2022-01-03',
      to: '2024-06-30',
      hasPreviousWindow: false,
    });
    const w = analysisWindow({ all: false, from: '2024-01-01', to: '2024-01-31' }, data, 12);
    expect(w).toMatchObject({
      from: '2024-01-01',
      to: '2024-01-31',
      previousFrom: '2023-12-01',
      previousTo: '2023-12-31',
    });
  });

  it('compares whole months with the same months before, other spans with the same number of days', () => {
    // 2023-05-21..2024-05-20 holds 29 February: 366 days, but 12 months, so the year before is 12 months too.
    const yearWithLeapDay = analysisWindow({ all: false }, { first: '2020-01-01', last: '2024-05-20' }, 12);
    expect(yearWithLeapDay).toMatchObject({
      from: '2023-05-21',
      previousFrom: '2022-05-21',
      previousTo: '2023-05-20',
    });
    const tenDays = analysisWindow({ all: false, from: '2024-03-01', to: '2024-03-10' }, data, 12);
    expect(tenDays).toMatchObject({ previousFrom: '2024-02-20', previousTo: '2024-02-29' });
    expect(monthSpan('2024-03-01', '2024-03-10')).toBeNull();
    expect(monthSpan('2023-07-01', '2024-06-30')).toBe(12);
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
  });
});
