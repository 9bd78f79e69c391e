import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountActivity } from '../../src/analytics/account-activity.js';
import { type AnalyticStore, openAnalyticStore } from '../../src/analytics/analytic-store.js';
import { analysisWindow } from '../../src/portfolio/portfolio.window.js';
import { tempDir } from '../helpers/backends.js';

/** A fresh analytic store for the describe block, holding one sales line per row of `lines()`. */
function storeWith(
  insert: string,
  lines: () => unknown[][],
): { readonly connection: AnalyticStore['connection'] } {
  let dataDir: string;
  let store: AnalyticStore | undefined;
  beforeAll(async () => {
    dataDir = tempDir();
    store = await openAnalyticStore(dataDir);
    for (const line of lines()) await store.connection.run(insert, line as never);
  });
  afterAll(() => {
    store?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get connection() {
      if (!store) throw new Error('storeWith: used outside a test');
      return store.connection;
    },
  };
}

describe('accountActivity money text', () => {
  // K1 sums past DECIMAL(18,4) (the fast text path), K2 to its largest value, K3 to small and negative ones.
  const store = storeWith(
    'INSERT INTO sales_lines (customer_id, date, amount, cost, import_id) VALUES ($1, $2::DATE, $3::DECIMAL(18,4), $4::DECIMAL(18,4), 1)',
    () => [
      ['K1', '2024-05-01', '99999999999999.9999', '1.0000'],
      ['K1', '2024-05-02', '99999999999999.9999', null],
      ['K2', '2024-05-01', '99999999999999.9999', '0.0000'],
      ['K3', '2024-05-01', '-0.0100', '0.0100'],
      ['K3', '2024-05-02', '0.0050', '0.0000'],
    ],
  );

  it('keeps every sum exact, also beyond the range of an 18-digit decimal', async () => {
    const window = analysisWindow({ all: true }, { first: '2024-05-01', last: '2024-05-02' }, 12);
    const activity = await accountActivity(store.connection, window, null);
    expect(activity.map((a) => [a.id, a.revenue, a.cost, a.margin])).toEqual([
      ['K1', '199999999999999.9998', '1.0000', '99999999999998.9999'],
      ['K2', '99999999999999.9999', '0.0000', '99999999999999.9999'],
      ['K3', '-0.0050', '0.0100', '-0.0150'],
    ]);
  });
});

describe('accountActivity active months', () => {
  const months = (from: string, count: number) =>
    Array.from({ length: count }, (_, k) => {
      const d = new Date(`${from}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + k);
      return d.toISOString().slice(0, 10);
    });
  const store = storeWith(
    'INSERT INTO sales_lines (customer_id, date, amount, import_id) VALUES ($1, $2::DATE, 1.0, 1)',
    () => [
      // K1: every month of the year to 2024-06-30 (across New Year), twice in one month, and before it.
      ...months('2023-07-15', 12).map((date) => ['K1', date]),
      ['K1', '2024-06-30'],
      ['K1', '2022-03-01'],
      // K2: the window's first and last day only.
      ['K2', '2023-07-01'],
      ['K2', '2024-06-30'],
      // K3: 70 months in a row, for a window longer than 64 months.
      ...months('2018-09-10', 70).map((date) => ['K3', date]),
    ],
  );

  it('counts the calendar months with a purchase in a 12-month window', async () => {
    const window = analysisWindow({ all: false }, { first: '2018-09-10', last: '2024-06-30' }, 12);
    expect(window.from).toBe('2023-07-01');
    const activity = await accountActivity(store.connection, window, null);
    expect(activity.map((a) => [a.id, a.activeMonths])).toEqual([
      ['K1', 12],
      ['K2', 2],
      ['K3', 12],
    ]);
  });

  it('counts every month of a window longer than 64 months', async () => {
    const window = analysisWindow({ all: true }, { first: '2018-09-10', last: '2024-06-30' }, 12);
    const activity = await accountActivity(store.connection, window, null);
    expect(activity.map((a) => [a.id, a.activeMonths])).toEqual([
      ['K1', 13],
      ['K2', 2],
      ['K3', 70],
    ]);
  });

  it('counts a 64-month window, the longest the month mask holds, to its last month', async () => {
    const window = analysisWindow(
      { from: '2019-03-01', to: '2024-06-30', all: false },
      { first: '2018-09-10', last: '2024-06-30' },
      12,
    );
    const activity = await accountActivity(store.connection, window, null);
    // K3 bought from 2018-09 to 2024-06: within the window, 2019-03 … 2024-06 are 64 months.
    expect(activity.find((a) => a.id === 'K3')?.activeMonths).toBe(64);
  });
});

describe('accountActivity orders', () => {
  const store = storeWith(
    'INSERT INTO sales_lines (customer_id, date, amount, document, import_id) VALUES ($1, $2::DATE, 1.0, $3, 1)',
    () => [
      // K1: document D1 of three lines over two days, D2 once, two lines without a document on one day
      // and one on another, and a document before the window.
      ['K1', '2024-03-01', 'D1'],
      ['K1', '2024-03-01', 'D1'],
      ['K1', '2024-03-02', 'D1'],
      ['K1', '2024-04-10', 'D2'],
      ['K1', '2024-05-05', null],
      ['K1', '2024-05-05', null],
      ['K1', '2024-05-06', null],
      ['K1', '2023-01-10', 'D0'],
      // K2 uses the number D1 too: an order of its own.
      ['K2', '2024-03-01', 'D1'],
      // K3: only lines without a document, all on one day.
      ['K3', '2024-06-01', null],
      ['K3', '2024-06-01', null],
    ],
  );

  it('counts each document once, and each purchase day of lines without a document, in the window', async () => {
    const window = analysisWindow({ all: false }, { first: '2023-01-10', last: '2024-06-30' }, 12);
    const activity = await accountActivity(store.connection, window, null);
    expect(activity.map((a) => [a.id, a.orders, a.lines])).toEqual([
      ['K1', 4, 7],
      ['K2', 1, 1],
      ['K3', 1, 2],
    ]);
  });

  it('counts the orders of the accounts a filter keeps', async () => {
    const window = analysisWindow({ all: false }, { first: '2023-01-10', last: '2024-06-30' }, 12);
    const activity = await accountActivity(store.connection, window, ['K2', 'K3']);
    expect(activity.map((a) => [a.id, a.orders])).toEqual([
      ['K2', 1],
      ['K3', 1],
    ]);
  });
});
