import { describe, expect, it } from 'vitest';
import {
  DATE_FORMATS,
  type DateFormat,
  describeDateFormat,
  detectDateFormat,
  isDateFormat,
  parseDate,
} from '../../src/import/detect/index.js';

describe('parseDate', () => {
  it.each<[DateFormat, string, string]>([
    ['iso', '2024-01-31', '2024-01-31'],
    ['iso', '2024-1-5', '2024-01-05'],
    ['iso', '2024-01-31T10:15:00', '2024-01-31'],
    ['iso', '2024-01-31 10:15', '2024-01-31'],
    ['iso', '2024-01-31T10:15:00+01:00', '2024-01-31'],
    ['dmy.', '31.01.2024', '2024-01-31'],
    ['dmy.', '1.2.2024', '2024-02-01'],
    ['dmy.', '31.01.2024 23:59:59', '2024-01-31'],
    ['dmy/', '31/01/2024', '2024-01-31'],
    ['dmy/', '5/1/2024', '2024-01-05'],
    ['mdy/', '1/31/2024', '2024-01-31'],
    ['mdy/', '11/8/2016', '2016-11-08'],
    ['mdy/', '12/31/2024 3:45:00 PM', '2024-12-31'],
    ['dmy-', '31-01-2024', '2024-01-31'],
    ['ymd/', '2024/01/31', '2024-01-31'],
    ['yyyymmdd', '19970101', '1997-01-01'],
    ['yyyymmdd', '20240229', '2024-02-29'],
    ['excel', '45292', '2024-01-01'],
    ['excel', '45322.75', '2024-01-31'],
    ['excel', '61', '1900-03-01'],
    ['excel', '59', '1900-02-28'],
    ['excel', '1', '1900-01-01'],
    ['excel', '2958465', '9999-12-31'],
    ['dmy.', ' 31.01.2024 ', '2024-01-31'],
  ])('%s %j → %s', (format, text, expected) => {
    expect(parseDate(text, format)).toBe(expected);
  });

  it.each<[DateFormat, string]>([
    ['dmy.', '31.02.2024'],
    ['dmy.', '29.02.2023'],
    ['iso', '1900-02-29'],
    ['dmy.', '00.01.2024'],
    ['dmy.', '15.13.2024'],
    ['mdy/', '13/1/2024'],
    ['yyyymmdd', '20240230'],
    ['iso', '2024-01-05x'],
    ['dmy.', '01.02.24'],
    ['iso', '0000-01-01'],
    ['dmy.', '2024-01-31'],
    ['excel', '60'], // 1900-02-29, which Excel invents
    ['excel', '0'],
    ['excel', '2958466'],
    ['iso', ''],
  ])('%s rejects %j', (format, text) => {
    expect(parseDate(text, format)).toBeNull();
  });
});

describe('detectDateFormat', () => {
  it.each<[DateFormat, string[]]>([
    ['iso', ['2024-01-31', '2024-02-01']],
    ['dmy.', ['31.01.2024', '01.02.2024']],
    ['dmy/', ['02/01/2024', '31/01/2024']],
    ['mdy/', ['11/8/2016', '11/22/2016', '6/12/2016']],
    ['dmy-', ['31-01-2024']],
    ['ymd/', ['2024/01/31']],
    ['yyyymmdd', ['19970101', '19970112']],
    ['excel', ['45292', '45322.5']],
  ])('%s', (format, samples) => {
    expect(detectDateFormat(samples)).toBe(format);
  });

  it('never guesses between day-first and month-first', () => {
    expect(detectDateFormat(['01/02/2024', '12/11/2023', '5/6/2024'])).toEqual({
      ambiguous: ['dmy/', 'mdy/'],
    });
  });

  it('is settled by one day above 12 in either position', () => {
    expect(detectDateFormat(['01/02/2024', '12/11/2023', '13/6/2024'])).toBe('dmy/');
    expect(detectDateFormat(['01/02/2024', '12/11/2023', '6/13/2024'])).toBe('mdy/');
  });

  it('tolerates a few bad values and blanks', () => {
    expect(detectDateFormat(['31.01.2024', '', 'n/a', '01.02.2024', '02.02.2024'])).toBe('dmy.');
  });

  it('reports no candidates when nothing fits', () => {
    expect(detectDateFormat(['hello', 'world'])).toEqual({ ambiguous: [] });
    expect(detectDateFormat([])).toEqual({ ambiguous: [] });
  });

  it('does not take small counts for Excel dates', () => {
    expect(detectDateFormat(['1', '2', '5'])).toEqual({ ambiguous: [] });
  });
});

describe('date format names', () => {
  it('are stable and described', () => {
    expect(DATE_FORMATS).toEqual(['iso', 'dmy.', 'dmy/', 'mdy/', 'dmy-', 'ymd/', 'yyyymmdd', 'excel']);
    for (const format of DATE_FORMATS) expect(describeDateFormat(format)).toMatch(/e\.g\./);
    expect(describeDateFormat('dmy.')).toBe('DD.MM.YYYY (e.g. 31.01.2024)');
    expect(isDateFormat('mdy/')).toBe(true);
    expect(isDateFormat('us')).toBe(false);
  });
});
