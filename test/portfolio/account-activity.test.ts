import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountActivity } from '../../src/analytics/account-activity.js';
import { type AnalyticStore, openAnalyticStore } from '../../src/analytics/analytic-store.js';
import { analysisWindow } from '../../src/portfolio/portfolio.window.js';
import { tempDir } from '../helpers/backends.js';

describe('accountActivity money text', () => {
  let dataDir: string;
  let store: AnalyticStore;
  beforeAll(async () => {
    dataDir = tempDir();
    store = await openAnalyticStore(dataDir);
    // K1 sums past DECIMAL(18,4) (the fast text path), K2 to its largest value, K3 to small and negative ones.
    const lines: [string, string, string, string | null][] = [
      ['K1', '2024-05-01', '99999999999999.9999', '1.0000'],
      ['K1', '2024-05-02', '99999999999999.9999', null],
      ['K2', '2024-05-01', '99999999999999.9999', '0.0000'],
      ['K3', '2024-05-01', '-0.0100', '0.0100'],
      ['K3', '2024-05-02', '0.0050', '0.0000'],
    ];
    for (const [customer, date, amount, cost] of lines) {
      await store.connection.run(
        'INSERT INTO sales_lines (customer_id, date, amount, cost, import_id) VALUES ($1, $2::DATE, $3::DECIMAL(18,4), $4::DECIMAL(18,4), 1)',
        [customer, date, amount, cost],
      );
    }
  });
  afterAll(() => {
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

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
