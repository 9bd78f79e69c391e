import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

// Twelve customers, two years. K01 carries the business (METHOD P4 warnings); K02 grows 100 → 150 (G3).
const LINES = [
  'Customer,Name,Date,Amount,Cost,Segment,Region',
  // The history starts before the previous window, so growth can be measured (METHOD G3).
  'K10,Kunde 0,2022-04-01,1.00,1.00,Retail,DACH',
  'K01,Anker GmbH,2023-03-10,1000.00,600.00,Retail,DACH',
  'K01,Anker GmbH,2024-03-10,5000.00,3000.00,Retail,DACH',
  'K02,Berg AB,2023-02-01,100.00,50.00,Energy,Nordics',
  'K02,Berg AB,2024-02-01,120.00,60.00,Energy,Nordics',
  'K02,Berg AB,2024-05-20,30.00,15.00,Energy,Nordics',
  'K03,Cedr Sp. z o.o.,2024-04-02,-40.00,-30.00,Retail,Poland',
  ...Array.from(
    { length: 9 },
    (_, i) => `K1${i},Kunde ${i},2024-0${(i % 5) + 1}-15,${100 + i * 10}.00,${80 + i * 8}.00,Retail,DACH`,
  ),
];

describeEachBackend('kontor analyze', (backend) => {
  let store: TestStore;
  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const analyze = async (...args: string[]) => {
    const result = await runCli(['analyze', '--json', '--accounts', ...args], env());
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as PortfolioReport;
  };

  beforeAll(async () => {
    store = await backend.create();
    const empty = await runCli(['analyze'], { dataDir: store.dataDir, databaseUrl: store.databaseUrl });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no sales lines');
    const file = path.join(store.dataDir, 'sales.csv');
    fs.writeFileSync(file, `${LINES.join('\n')}\n`);
    expect((await runCli(['import', 'sales', file], env())).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('takes the 12 months ending at the latest sale and compares them with the 12 before (METHOD P1, G3)', async () => {
    const report = await analyze();
    expect(report.window).toEqual({
      from: '2023-05-21',
      to: '2024-05-20',
      previousFrom: '2022-05-21',
      previousTo: '2023-05-20',
    });
    const k01 = report.accounts.find((a) => a.id === 'K01')!;
    expect(k01).toMatchObject({
      revenue: 5000,
      margin: 2000,
      marginPct: 0.4,
      rank: 1,
      class: 'A',
      tier: 'green',
      lines: 1,
    });
    expect(k01.growth.windowGrowth).toBeCloseTo(4, 10); // 1,000 → 5,000
    const k02 = report.accounts.find((a) => a.id === 'K02')!;
    expect(k02.growth.windowGrowth).toBeCloseTo(0.5, 10); // 100 → 150
    expect(k02).toMatchObject({
      firstPurchase: '2023-02-01',
      lastPurchase: '2024-05-20',
      orders: 2,
      activeMonths: 2,
    });
    expect(report.concentration.nonPositiveCustomers).toBe(1);
    expect(report.concentration.nonPositiveIds).toEqual(['K03']);
  });

  it('warns about dependence on the largest customer and shows the revenue at risk (METHOD P4)', async () => {
    const report = await analyze();
    expect(report.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['largest_customer_dependence', 'top5_dependence', 'few_customers_make_80']),
    );
    expect(report.revenueAtRisk[0]).toMatchObject({ id: 'K01', revenue: 5000 });
    expect(report.revenueAtRisk[0]!.share).toBeCloseTo(5000 / report.concentration.total, 10);
  });

  it('ranks by margin, filters by segment and region, and refuses unknown values', async () => {
    const byMargin = await analyze('--by', 'margin');
    expect(byMargin.by).toBe('margin');
    // K01 5,000 − 3,000; K02 (120 − 60) + (30 − 15); K1i (100 + 10i) − (80 + 8i) = 20 + 2i for i = 0…8: 252.
    expect(byMargin.concentration.total).toBeCloseTo(2000 + 75 + 252, 6);
    const energy = await analyze('--segment', 'Energy');
    expect(energy.accounts.map((a) => a.id)).toEqual(['K02']);
    expect(energy.filters).toEqual({ segment: 'Energy' });
    expect(energy.snapshotId).toBeNull();
    const nordics = await analyze('--region', 'Nordics', '--all');
    expect(nordics.concentration.total).toBe(250);
    const bad = await runCli(['analyze', '--by', 'volume'], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--by must be revenue or margin');
    const unknown = await runCli(['analyze', '--colour'], env());
    expect(unknown.code).toBe(1);
    const range = await runCli(['analyze', '--from', '2024-05-01', '--to', '2024-01-01'], env());
    expect(range.code).toBe(1);
  });

  it('prints the headline in words and writes the account table as CSV', async () => {
    const terminal = await runCli(['analyze'], env());
    expect(terminal.stdout).toMatch(
      /The top 25% of customers \(3\) bring \d+\.\d% of revenue; \d+ customers \(\d+\.\d%\) make up 80%\./,
    );
    const csv = await runCli(['analyze', '--format', 'csv'], env());
    const [header, first] = csv.stdout.trim().split('\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['rank', 'id', 'name', 'revenue']);
    expect(first?.startsWith('1,K01,Anker GmbH,5000,')).toBe(true);
  });

  it('records manual class and tier with their reason and shows what changed since the last snapshot', async () => {
    const first = await analyze();
    const k13 = first.accounts.find((a) => a.id === 'K13')!;
    expect(k13.class).not.toBe('A');
    const noReason = await runCli(['account', 'set', 'K13', '--class', 'A'], env());
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('reason');
    const set = await runCli(
      [
        'account',
        'set',
        'K13',
        '--class',
        'A',
        '--tier',
        'green',
        '--reason',
        'reference customer in Poland',
      ],
      env(),
    );
    expect(set.code, set.stderr).toBe(0);
    const second = await analyze();
    expect(second.accounts.find((a) => a.id === 'K13')).toMatchObject({
      class: 'A',
      computedClass: k13.computedClass,
      classReason: 'reference customer in Poland',
      tier: 'green',
      tierReason: 'reference customer in Poland',
    });
    expect(second.changes?.classChanges).toEqual([{ id: 'K13', name: 'Kunde 3', from: k13.class, to: 'A' }]);
    expect(second.snapshotId).toBeGreaterThan(first.snapshotId!);
  });
});
