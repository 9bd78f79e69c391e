import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAnalyticStore } from '../../src/analytics/analytic-store.js';
import { customerSummary } from '../../src/analytics/customer-summary.js';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import type { PotentialReport } from '../../src/potential/potential.schema.js';
import { createApp } from '../../src/server/app.js';
import { loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli, SHARED_DATA } from '../helpers/cli.js';

// Oracle: ../shared/data/README.md (BTYD and Fader & Hardie's published results on the CDNOW sample).
const within = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(relative);

describeEachBackend('customer potential on CDNOW (METHOD G1)', (backend) => {
  let store: TestStore;
  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const potential = async (...args: string[]) => {
    const result = await runCli(['potential', '--calibration-end', '1997-09-30', '--json', ...args], env());
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as PotentialReport;
  };

  beforeAll(async () => {
    store = await backend.create();
    // The raw 1/10 sample has no header: master id, sample id, yyyymmdd, CDs, dollars.
    const imported = await runCli(
      [
        'import',
        'sales',
        path.join(SHARED_DATA, 'cdnow/CDNOW_sample.txt'),
        '--json',
        '--map',
        'customer_id=column 2',
        '--map',
        'date=column 3',
        '--map',
        'quantity=column 4',
        '--map',
        'amount=column 5',
      ],
      env(),
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rowsImported: 6_919, customers: 2_357 });
  });
  afterAll(() => store.drop());

  it('builds the published per-customer summary from the imported lines, for every customer', async () => {
    const published = fs
      .readFileSync(path.join(SHARED_DATA, 'cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number));
    const analytic = await openAnalyticStore(store.dataDir);
    try {
      const summary = await customerSummary(analytic.connection, {
        calibrationEnd: '1997-09-30',
        daysPerUnit: 7,
      });
      expect(summary.ids).toHaveLength(2_357);
      const byId = new Map(summary.ids.map((id, i) => [Number(id), i]));
      let repeats = 0;
      for (const [id, x, tx, T, zbar] of published) {
        const i = byId.get(id!)!;
        expect(summary.x[i], `customer ${id} x`).toBe(x);
        expect(Math.abs(summary.tx[i]! - tx!), `customer ${id} t_x`).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(summary.T[i]! - T!), `customer ${id} T`).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(summary.zbar[i]! - zbar!), `customer ${id} zbar`).toBeLessThanOrEqual(0.005 + 1e-9);
        repeats += summary.x[i]!;
      }
      expect(repeats).toBe(2_457);
    } finally {
      analytic.close();
    }
  });

  it('fits BG/NBD and Gamma-Gamma to the published parameters and predicts spend', async () => {
    const report = await potential('--accounts');
    expect(report).toMatchObject({
      customers: 2_357,
      repeatCustomers: 946,
      model: { name: 'bgnbd', converged: true },
    });
    const { r, alpha, a, b } = report.model.params as { r: number; alpha: number; a: number; b: number };
    within(r, 0.2425982, 0.005);
    within(alpha, 4.4136842, 0.005);
    within(a, 0.7929899, 0.005);
    within(b, 2.4261667, 0.005);
    expect(Math.abs(report.model.logLikelihood - -9582.429)).toBeLessThanOrEqual(0.05);
    within(report.spend.params.p, 6.25, 0.005);
    within(report.spend.params.q, 3.74, 0.005);
    within(report.spend.params.gamma, 15.44, 0.005);
    expect(Math.abs(report.spend.logLikelihood - -4055.92)).toBeLessThanOrEqual(0.05);
    const spends = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const byId = new Map(report.accounts.map((account) => [Number(account.id), account]));
    for (const [i, spend] of spends.entries()) {
      expect(Math.abs(byId.get(i + 1)!.expectedSpend - spend)).toBeLessThanOrEqual(0.1);
    }
    const alive = report.accounts.every(
      (account) => account.probabilityAlive >= 0 && account.probabilityAlive <= 1,
    );
    expect(alive).toBe(true);
  });

  it('fits Pareto/NBD to the published parameters', async () => {
    const report = await potential('--model', 'pnbd', '--no-publish');
    const { r, alpha, s, beta } = report.model.params as {
      r: number;
      alpha: number;
      s: number;
      beta: number;
    };
    within(r, 0.553, 0.005);
    within(alpha, 10.58, 0.005);
    within(s, 0.606, 0.005);
    within(beta, 11.656, 0.005);
    expect(Math.abs(report.model.logLikelihood - -9594.976)).toBeLessThanOrEqual(0.05);
  });

  it('validates on the holdout: 1,882 actual repeat purchases, by calibration frequency', async () => {
    const report = await potential('--holdout-end', '1998-06-30');
    const v = report.validation!;
    expect(v.actualRepeatTransactions).toBe(1_882);
    expect(v.holdoutLength).toBeCloseTo(39, 10);
    expect(v.byFrequency.map((row) => row.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(v.byFrequency.reduce((sum, row) => sum + row.customers, 0)).toBe(2_357);
    const weighted = v.byFrequency.reduce((sum, row) => sum + row.actual * row.customers, 0);
    expect(weighted).toBeCloseTo(1_882, 6);
    // BG/NBD under-predicts this holdout by about 12% (Fader, Hardie & Lee 2005, fig. 4; scipy agrees).
    expect(v.predictedRepeatTransactions).toBeGreaterThan(1_600);
    expect(v.predictedRepeatTransactions).toBeLessThan(1_700);
    const last = v.cumulative.at(-1)!;
    expect(last.actual).toBe(2_457 + 1_882);
    expect(report.runId).toBeNull();
  });

  it('makes an account Green Circle by potential: predicted revenue or share of wallet (METHOD G1, P3)', async () => {
    await potential();
    const before = JSON.parse(
      (await runCli(['analyze', '--all', '--json', '--accounts'], env())).stdout,
    ) as PortfolioReport;
    const cut = before.greenCircle.cuts.revenue.value!;
    const small = before.accounts
      .filter((a) => a.tier === 'transactional' && (a.potential ?? 0) < cut)
      .at(-1)!;
    const wallet = Math.ceil((cut + small.revenue) / 0.5) + 1; // achievable share 50% (setting)
    expect((await runCli(['account', 'set', small.id, '--wallet', String(wallet)], env())).code).toBe(0);
    const after = JSON.parse(
      (await runCli(['analyze', '--all', '--json', '--accounts'], env())).stdout,
    ) as PortfolioReport;
    const account = after.accounts.find((a) => a.id === small.id)!;
    expect(account.tier).toBe('green');
    expect(account.tierReasons).toContain('potential');
    expect(account.potential).toBeCloseTo(wallet * 0.5 - small.revenue, 6);
    expect(after.greenCircle.byPotential.map((a) => a.id)).toContain(small.id);
    expect(after.abc.classes.C.potential).toBeGreaterThan(0);
    const terminal = await runCli(['analyze', '--all'], env());
    expect(terminal.stdout).toContain('Green Circle by potential');
  });

  it('refuses what it cannot do with a clear message', async () => {
    const order = await runCli(
      ['potential', '--calibration-end', '1997-09-30', '--holdout-end', '1997-01-01'],
      env(),
    );
    expect(order.code).toBe(1);
    expect(order.stderr).toContain('--holdout-end must be after --calibration-end');
    const onlyFirst = await runCli(['potential', '--calibration-end', '1997-01-02'], env());
    expect(onlyFirst.code).toBe(2);
    expect(onlyFirst.stderr).toMatch(/more than once|repeat/);
    expect(onlyFirst.stderr).not.toContain('    at ');
    expect((await runCli(['potential', '--model', 'magic'], env())).code).toBe(1);
  });

  it('is readable through the API, and the wallet can be set through it (METHOD G1)', async () => {
    const published = await potential('--accounts');
    const analytic = await openAnalyticStore(store.dataDir);
    try {
      const app = createApp({
        db: store.db,
        log: () => {},
        analytic: async () => analytic,
        dataDir: store.dataDir,
      });
      const manager = await loginAs(app, store.db, 'manager');
      const run = await app.request('/api/v1/portfolio/potential', { headers: manager.headers });
      expect(await run.json()).toMatchObject({
        runId: published.runId,
        summary: { model: { name: 'bgnbd' }, customers: 2_357 },
      });
      const expected = published.accounts.find((a) => a.id === '0001')!;
      const one = (await (
        await app.request('/api/v1/accounts/0001/potential', { headers: manager.headers })
      ).json()) as Record<string, unknown>;
      expect(one).toMatchObject({
        accountId: '0001',
        probabilityAlive: expected.probabilityAlive,
        wallet: null,
      });
      expect(Number(one.predicted12mRevenue)).toBeCloseTo(expected.predicted12mRevenue, 3);
      const { version } = (await (
        await app.request('/api/v1/accounts/0001', { headers: manager.headers })
      ).json()) as { version: number };
      const patched = await app.request('/api/v1/accounts/0001', {
        method: 'PATCH',
        headers: { ...manager.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ version, wallet: '5000' }),
      });
      expect(patched.status).toBe(200);
      // PostgreSQL answers numeric(20,4) as "5000.0000", SQLite the text as stored: the same amount.
      const after = (await (
        await app.request('/api/v1/accounts/0001/potential', { headers: manager.headers })
      ).json()) as { wallet: string };
      expect(Number(after.wallet)).toBe(5000);
      expect(
        (await app.request('/api/v1/accounts/NOPE/potential', { headers: manager.headers })).status,
      ).toBe(404);
    } finally {
      analytic.close();
    }
  });
});
