import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli, SHARED_DATA } from '../helpers/cli.js';

// The oracle: ../shared/data/README.md, "Concentration by METHOD P1/P3", computed independently of Kontor.
// Counts must match exactly, shares to 4 decimals (of the percentage as printed), Gini/HHI as printed.
const near = (actual: number | null, expected: number, printedDecimals: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(
    0.5 * 10 ** -printedDecimals + 1e-12,
  );

describeEachBackend('real data through the CLI', (backend) => {
  let store: TestStore;
  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const analyze = async (...args: string[]) => {
    const result = await runCli(['analyze', '--all', '--json', ...args], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as PortfolioReport;
  };

  describe('CDNOW master (23,570 customers, 18 months)', () => {
    beforeAll(async () => {
      store = await backend.create();
      const result = await runCli(
        ['import', 'sales', path.join(SHARED_DATA, 'cdnow/CDNOW_master.txt'), '--json'],
        env(),
      );
      expect(result.code, result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({
        format: 'whitespace',
        rowsRead: 69_659,
        rowsImported: 69_659,
        rowsRejected: 0,
      });
      expect(summary.customers).toBe(23_570);
      expect(summary.dateRange).toEqual({ from: '1997-01-01', to: '1998-06-30' });
      expect(Number(summary.totalAmount)).toBeCloseTo(2_500_315.63, 2);
    });
    afterAll(() => store.drop());

    it('matches every published concentration figure (METHOD P1, P3)', async () => {
      const report = await analyze();
      const c = report.concentration;
      expect(c.customers).toBe(23_570);
      expect(c.positiveCustomers).toBe(23_502);
      expect(c.nonPositiveCustomers).toBe(68);
      expect(c.total).toBeCloseTo(2_500_315.63, 2);
      expect(c.top25Count).toBe(5_876);
      near(c.top25Share, 0.7335, 4);
      expect(c.customersTo80).toBe(7_695);
      near(c.customersTo80Share, 0.3274, 4);
      expect([report.abc.A, report.abc.B, report.abc.C]).toEqual([7_695, 8_044, 7_831]);
      near(c.gini, 0.6335, 4);
      near(c.hhi, 2.613, 3);
      near(c.largestShare, 0.0056, 5);
      near(c.top5Share, 0.01719, 5);
      // "top 20% (4,701) hold 67.71%": the Green Circle revenue cut of METHOD G1.
      expect(report.greenCircle.cuts.revenue.count).toBe(4_701);
      near(report.greenCircle.cuts.revenue.heldShare, 0.6771, 4);
    });

    it('re-importing the same file adds nothing', async () => {
      const result = await runCli(
        ['import', 'sales', path.join(SHARED_DATA, 'cdnow/CDNOW_master.txt'), '--json'],
        env(),
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ rowsImported: 0, duplicatesSkipped: 69_659 });
      expect((await analyze()).concentration.customers).toBe(23_570);
    });
  });

  describe('Superstore (793 customers, 2014–2017, with profit)', () => {
    beforeAll(async () => {
      store = await backend.create();
      const result = await runCli(
        ['import', 'sales', path.join(SHARED_DATA, 'superstore/superstore_sample_us.csv'), '--json'],
        env(),
      );
      expect(result.code, result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({
        rowsRead: 9_994,
        rowsImported: 9_994,
        customers: 793,
        totalAmount: '2297200.8603',
      });
      expect(summary.dateRange).toEqual({ from: '2014-01-03', to: '2017-12-30' });
    });
    afterAll(() => store.drop());

    it('by sales matches the published figures', async () => {
      const report = await analyze();
      const c = report.concentration;
      expect([c.customers, c.positiveCustomers, c.top25Count, c.customersTo80]).toEqual([793, 793, 199, 396]);
      near(c.top25Share, 0.5513, 4);
      near(c.customersTo80Share, 0.4994, 4);
      expect([report.abc.A, report.abc.B, report.abc.C]).toEqual([396, 209, 188]);
      near(c.gini, 0.4413, 4);
      near(c.hhi, 22.98, 2);
      near(c.largestShare, 0.0109, 5);
      near(c.top5Share, 0.03843, 5);
      expect(report.greenCircle.cuts.revenue.count).toBe(159);
      near(report.greenCircle.cuts.revenue.heldShare, 0.4815, 4);
    });

    it('by profit (gross margin) matches the published figures', async () => {
      const report = await analyze('--by', 'margin');
      const c = report.concentration;
      expect([c.customers, c.positiveCustomers, c.nonPositiveCustomers]).toEqual([793, 638, 155]);
      expect(c.total).toBeCloseTo(357_621.5, 1);
      expect([c.top25Count, c.customersTo80]).toEqual([160, 256]);
      near(c.top25Share, 0.6559, 4);
      near(c.customersTo80Share, 0.4013, 4);
      expect([report.abc.A, report.abc.B, report.abc.C]).toEqual([256, 188, 349]);
      near(c.gini, 0.5566, 4);
      near(c.hhi, 46.69, 2);
      near(c.largestShare, 0.02511, 5);
      near(c.top5Share, 0.09167, 5);
      expect(report.greenCircle.cuts.margin.count).toBe(128);
      near(report.greenCircle.cuts.margin.heldShare, 0.5902, 4);
    });
  });
});
