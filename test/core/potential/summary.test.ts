import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, fitBgNbd, summarizeTransactions } from '../../../src/core/potential/index.js';
import { CDNOW_DIR, loadCdnowSummary } from './cdnow-fixture.js';

describe('summarizeTransactions', () => {
  it('dayFromYmd counts days since 1970-01-01', () => {
    expect(dayFromYmd(19700101)).toBe(0);
    expect(dayFromYmd(19970930) - dayFromYmd(19970101)).toBe(272);
  });

  it('merges same-day purchases, counts repeats, and measures weeks', () => {
    const day = dayFromYmd(19970101);
    const summary = summarizeTransactions(
      [
        { customer: 'a', day, value: 10 },
        { customer: 'a', day, value: 5 }, // same day: one event worth 15, the first purchase
        { customer: 'a', day: day + 14, value: 20 },
        { customer: 'a', day: day + 21, value: 30 },
        { customer: 'a', day: day + 40, value: 99 }, // holdout
        { customer: 'b', day: day + 50, value: 1 }, // first purchase after calibration: not in the cohort
      ],
      { calibrationEnd: day + 28, holdoutEnd: day + 60 },
    );
    expect(summary.ids).toEqual(['a']);
    expect(Array.from(summary.x)).toEqual([2]);
    expect(Array.from(summary.tx)).toEqual([3]);
    expect(Array.from(summary.T)).toEqual([4]);
    expect(Array.from(summary.zbar)).toEqual([25]);
    expect(Array.from(summary.holdoutX)).toEqual([1]);
  });

  it('rebuilds the published CDNOW sample summary from its transaction log', () => {
    const lines = readFileSync(path.join(CDNOW_DIR, 'cdnowElog_BTYD.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    const transactions = lines.map((line) => {
      const [masterId, , date, , sales] = line.split(',');
      return { customer: masterId, day: dayFromYmd(Number(date)), value: Number(sales) };
    });
    const summary = summarizeTransactions(transactions, {
      calibrationEnd: dayFromYmd(19970930),
      holdoutEnd: dayFromYmd(19980630),
    });
    const reference = loadCdnowSummary();
    expect(summary.ids.length).toBe(2357);
    for (let i = 0; i < 2357; i++) {
      expect(summary.x[i]).toBe(reference.x[i]);
      expect(Math.abs(summary.tx[i] - reference.tx[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T[i] - reference.T[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.zbar[i] - reference.zbar[i])).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(summary.x.reduce((s, v) => s + v, 0)).toBe(2457);
    expect(summary.holdoutX.reduce((s, v) => s + v, 0)).toBe(1882);
    // Unrounded times give BTYD's log-likelihood to the last printed digit.
    expect(fitBgNbd(summary).logLikelihood).toBeCloseTo(-9582.429, 3);
  });
});
