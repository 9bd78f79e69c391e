import fs from 'node:fs';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AnalyticStore, openAnalyticStore } from '../../src/analytics/analytic-store.js';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import { createApp } from '../../src/server/app.js';
import { addUser } from '../../src/users/user.service.js';
import { describeEachBackend, type TestStore, tempDir } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

// K01 carries the business; K02 (Energy) buys in February and May 2024 only; K10–K18 fill the tail.
const LINES = [
  'Customer,Name,Date,Amount,Cost,Segment,Region',
  'K10,Kunde 0,2022-04-01,1.00,1.00,Retail,DACH',
  'K01,Anker GmbH,2023-03-10,1000.00,600.00,Retail,DACH',
  'K01,Anker GmbH,2024-03-10,5000.00,3000.00,Retail,DACH',
  'K01,Anker GmbH,2024-03-25,500.50,300.25,Retail,DACH',
  'K02,Berg AB,2023-02-01,100.00,50.00,Energy,Nordics',
  'K02,Berg AB,2024-02-01,120.00,60.00,Energy,Nordics',
  'K02,Berg AB,2024-05-20,30.00,15.00,Energy,Nordics',
  'K03,Cedr Sp. z o.o.,2024-04-02,400.00,100.00,Energy,Poland',
  ...Array.from(
    { length: 9 },
    (_, i) => `K1${i},Kunde ${i},2024-0${(i % 5) + 1}-15,${100 + i * 10}.00,${80 + i * 8}.00,Retail,DACH`,
  ),
];

type Json = Record<string, unknown>;

/** The API adds each list's length to the summary (the lists are cut at 100 rows; these are shorter). */
const withTotals = (report: Omit<PortfolioReport, 'accounts'>) => ({
  ...report,
  listTotals: {
    revenueAtRisk: report.revenueAtRisk.length,
    byGrowth: report.greenCircle.byGrowth.length,
    byPotential: report.greenCircle.byPotential.length,
    classChanges: report.changes?.classChanges.length ?? 0,
    tierChanges: report.changes?.tierChanges.length ?? 0,
  },
});

describeEachBackend('portfolio and account metrics API', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  const opened: AnalyticStore[] = [];
  const cli: Record<string, PortfolioReport> = {};
  let beforeAnalysis: { status: number; body: Json };
  /** Analyses the app ran: each reads the manual designations once. */
  let analyses = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      if (JSON.stringify(args.node).includes('"manual_tier"')) analyses += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };

  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const cliJson = async (...args: string[]) => {
    const result = await runCli(['analyze', '--json', ...args], env());
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as PortfolioReport;
  };
  const memo = (dataDir: string) => {
    let analytic: Promise<AnalyticStore> | null = null;
    return () => {
      analytic ??= openAnalyticStore(dataDir).then((opening) => {
        opened.push(opening);
        return opening;
      });
      return analytic;
    };
  };
  const get = async (url: string, headers: Record<string, string> = { cookie }, target = app) => {
    const response = await target.request(url, { headers });
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({
      db: store.db.withPlugin(counting),
      analytic: memo(store.dataDir),
      dataDir: store.dataDir,
      log: () => {},
    });
    const { user, password } = await addUser(store.db, { email: 'viewer@example.com', role: 'viewer' });
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const file = path.join(store.dataDir, 'sales.csv');
    fs.writeFileSync(file, `${LINES.join('\n')}\n`);
    expect((await runCli(['import', 'sales', file], env())).code).toBe(0);
    beforeAnalysis = await get('/api/v1/portfolio/snapshot');
    // Every CLI run happens before the app opens the DuckDB file (one process holds it at a time).
    expect((await runCli(['analyze'], env())).code).toBe(0);
    const set = await runCli(
      ['account', 'set', 'K18', '--class', 'A', '--reason', 'strategic partner'],
      env(),
    );
    expect(set.code, set.stderr).toBe(0);
    cli.published = await cliJson();
    cli.all = await cliJson('--accounts', '--no-publish');
    cli.margin = await cliJson('--by', 'margin', '--no-publish');
    cli.energy = await cliJson('--segment', 'Energy', '--accounts');
  });
  afterAll(async () => {
    for (const analytic of opened) analytic.close();
    await store.drop();
  });

  it('answers 404 with a clear message before anything was analysed', () => {
    expect(beforeAnalysis.status).toBe(404);
    expect(beforeAnalysis.body).toMatchObject({
      error: { code: 'not_found', message: expect.stringContaining('kontor analyze') },
    });
  });

  it('serves the latest published snapshot with the figures and changes of the CLI run', async () => {
    const { status, body } = await get('/api/v1/portfolio/snapshot');
    expect(status).toBe(200);
    expect(cli.published.changes?.classChanges).toEqual([
      { id: 'K18', name: 'Kunde 8', from: expect.any(String), to: 'A' },
    ]);
    expect(body).toEqual({ ...withTotals(cli.published), createdAt: expect.any(String) });
    // Publishing stores the changes with the snapshot, so serving it is reading one document.
    const stored = await store.db
      .selectFrom('portfolio_snapshots')
      .select('summary')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.summary).changes).toEqual(cli.published.changes);
    // The snapshot's account rows are the published metrics: class, tier and the exact revenue.
    const latest = cli.published.snapshotId!;
    const snapshotRows = await store.db
      .selectFrom('snapshot_accounts')
      .select(['account_id', 'class', 'tier', 'value'])
      .where('snapshot_id', '=', latest)
      .orderBy('account_id')
      .execute();
    const metrics = await store.db
      .selectFrom('account_metrics')
      .select(['account_id', 'class', 'tier', 'revenue as value'])
      .orderBy('account_id')
      .execute();
    // K01–K03 and K10–K18 bought in the window.
    expect(snapshotRows).toHaveLength(12);
    expect(snapshotRows.map((row) => ({ ...row, value: Number(row.value) }))).toEqual(
      metrics.map((row) => ({ ...row, value: Number(row.value) })),
    );
    expect(snapshotRows.find((row) => row.account_id === 'K01')).toMatchObject({ class: 'A' });
    expect(Number(snapshotRows.find((row) => row.account_id === 'K01')!.value)).toBe(5500.5);
    expect((body.createdAt as string) > cli.published.changes!.since).toBe(true);
    expect(body).not.toHaveProperty('accounts');
    expect((await get('/api/v1/portfolio/snapshot?by=margin')).status).toBe(404);
  });

  it('analyses on demand without publishing, by revenue, by margin and for a segment', async () => {
    const revenue = await get('/api/v1/portfolio/analysis');
    expect(revenue.status).toBe(200);
    const { accounts, ...summary } = cli.all;
    expect(revenue.body).toEqual(withTotals({ ...summary, snapshotId: null, changes: null }));
    expect(accounts.length).toBeGreaterThan(5);
    const margin = await get('/api/v1/portfolio/analysis?by=margin');
    expect(margin.body).toEqual(withTotals({ ...cli.margin, snapshotId: null, changes: null }));
    const energy = await get('/api/v1/portfolio/analysis?segment=Energy&accounts=true');
    const { accounts: energyAccounts, ...energySummary } = cli.energy;
    expect(energy.body).toMatchObject({ ...energySummary, filters: { segment: 'Energy' } });
    expect((energy.body.accounts as Json).items).toEqual(energyAccounts);
    expect(energyAccounts.map((a) => a.id).sort()).toEqual(['K02', 'K03']);
    const snapshots = await store.db.selectFrom('portfolio_snapshots').select('id').execute();
    expect(snapshots).toHaveLength(2);
    const window = await get('/api/v1/portfolio/analysis?from=2024-01-01&to=2024-03-31');
    expect(window.body.window).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('pages the account rows in ranking order', async () => {
    const { body } = await get('/api/v1/portfolio/analysis?accounts=true&size=4&page=2');
    expect(body.accounts).toEqual({ items: cli.all.accounts.slice(4, 8), page: 2, size: 4, total: 12 });
    const last = await get('/api/v1/portfolio/analysis?accounts=true&size=4&page=9');
    expect(last.body.accounts).toMatchObject({ items: [], total: 12 });
    expect((await get('/api/v1/portfolio/analysis?accounts=true&size=501')).status).toBe(400);
  });

  it('lists the accounts of one revenue × margin cell, each row naming its cell', async () => {
    const matrix = cli.all.abcMatrix!;
    for (const [key, cell] of Object.entries(matrix)) {
      const expected = cli.all.accounts.filter((a) => a.matrixCell === key);
      expect(expected.map((a) => a.id).length, key).toBe(cell.count);
      const { status, body } = await get(`/api/v1/portfolio/analysis?accounts=true&cell=${key}&size=500`);
      expect(status).toBe(200);
      expect(body.accounts, key).toEqual({ items: expected, page: 1, size: 500, total: cell.count });
    }
    expect(cli.all.accounts.every((a) => a.matrixCell !== null)).toBe(true);
    // K01 leads both revenue and margin; the matrix uses computed classes, so strategic K18 is not AA.
    expect(cli.all.accounts.find((a) => a.id === 'K01')?.matrixCell).toBe('AA');
    expect(cli.all.accounts.find((a) => a.id === 'K18')?.matrixCell).not.toMatch(/^A/);
    const paged = await get('/api/v1/portfolio/analysis?accounts=true&cell=CC&size=1&page=2');
    expect(paged.body.accounts).toMatchObject({ page: 2, size: 1, total: matrix.CC!.count });
  });

  it('pages the lists of the summary: revenue at risk and the Green Circle by growth', async () => {
    const growth = cli.all.greenCircle.byGrowth;
    expect(growth.length).toBeGreaterThan(2);
    const { body } = await get('/api/v1/portfolio/analysis?list=byGrowth&size=2&page=2');
    expect(body.list).toEqual({ items: growth.slice(2, 4), page: 2, size: 2, total: growth.length });
    const risk = await get('/api/v1/portfolio/analysis?list=revenueAtRisk&size=500');
    expect((risk.body.list as Json).items).toEqual(cli.all.revenueAtRisk);
    for (const query of ['list=classChanges', 'list=byGrowth&accounts=true', 'list=byGrowth&size=0']) {
      expect((await get(`/api/v1/portfolio/analysis?${query}`)).status, query).toBe(400);
    }
  });

  it('remembers an analysis until the data changes, and then analyses again', async () => {
    const before = await get('/api/v1/portfolio/analysis');
    const counted = analyses;
    expect((await get('/api/v1/portfolio/analysis')).body).toEqual(before.body);
    expect(analyses).toBe(counted);
    // K03 is Green Circle on its own figures; a designation by hand makes it transactional (METHOD G1).
    const tierOf = (body: Json, id: string) =>
      ((body.greenCircle as Json).byGrowth as { id: string }[]).some((row) => row.id === id);
    expect(tierOf(before.body, 'K03')).toBe(true);
    const now = new Date().toISOString();
    const designate = (tier: 'transactional' | null) =>
      store.db
        .updateTable('accounts')
        .set({
          manual_tier: tier,
          manual_tier_reason: tier && 'served by the distributor',
          manual_tier_at: now,
        })
        .where('id', '=', 'K03')
        .execute();
    await designate('transactional');
    try {
      const after = await get('/api/v1/portfolio/analysis');
      expect(analyses).toBe(counted + 1);
      expect(tierOf(after.body, 'K03')).toBe(false);
      expect((after.body.greenCircle as Json).counts).not.toEqual((before.body.greenCircle as Json).counts);
    } finally {
      await designate(null);
    }
    expect((await get('/api/v1/portfolio/analysis')).body).toEqual(before.body);
  });

  it('refuses bad parameters with 400, missing sales data with 422, and strangers with 401', async () => {
    const bad =
      'by=volume from=2024-02-30 all=true&from=2024-01-01 from=2024-05-01&to=2024-01-01 colour=red page=0 ' +
      'cell=AA accounts=true&cell=AD';
    for (const query of bad.split(' ')) {
      const { status, body } = await get(`/api/v1/portfolio/analysis?${query}`);
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ error: { code: 'validation' } });
    }
    const empty = createApp({ db: store.db, analytic: memo(tempDir()), log: () => {} });
    const none = await get('/api/v1/portfolio/analysis', { cookie }, empty);
    expect(none).toMatchObject({ status: 422, body: { error: { code: 'no_sales_data' } } });
    for (const url of ['portfolio/snapshot', 'portfolio/analysis', 'accounts/K01/metrics']) {
      expect((await get(`/api/v1/${url}`, {})).status, url).toBe(401);
    }
  });

  it('gives monthly revenue, cost, margin and orders with empty months as zero', async () => {
    const { status, body } = await get('/api/v1/accounts/K02/metrics?from=2024-01-01&to=2024-05-31');
    expect(status).toBe(200);
    const months = body.months as { month: string; revenue: string; orders: number }[];
    expect(months.map((m) => [m.month, Number(m.revenue), m.orders])).toEqual([
      ['2024-01', 0, 0],
      ['2024-02', 120, 1],
      ['2024-03', 0, 0],
      ['2024-04', 0, 0],
      ['2024-05', 30, 1],
    ]);
    expect(months[1]).toMatchObject({ cost: '60.0000', margin: '60.0000', lines: 1 });
    expect(body).toMatchObject({ accountId: 'K02', from: '2024-01-01', to: '2024-05-31', currency: 'EUR' });
    const totals = { revenue: '150.0000', cost: '75.0000', margin: '75.0000', orders: 2, lines: 2 };
    expect(body.totals).toEqual(totals);
  });

  it('defaults to the 24 months up to the latest sale and sums each month exactly', async () => {
    const { body } = await get('/api/v1/accounts/K01/metrics');
    const months = body.months as { month: string; revenue: string; cost: string; orders: number }[];
    expect(body).toMatchObject({ from: '2022-06-01', to: '2024-05-20' });
    expect(months).toHaveLength(24);
    expect(months[0]!.month).toBe('2022-06');
    expect(months.at(-1)!.month).toBe('2024-05');
    expect(months.find((m) => m.month === '2024-03')).toMatchObject({
      revenue: '5500.5000',
      cost: '3300.2500',
      orders: 2,
    });
    expect(months.find((m) => m.month === '2023-03')).toMatchObject({ revenue: '1000.0000', orders: 1 });
    expect(months.filter((m) => Number(m.revenue) !== 0)).toHaveLength(2);
    expect(body.totals).toMatchObject({ revenue: '6500.5000', margin: '2600.2500', orders: 3 });
  });

  it('answers 404 for an unknown account and 400 for bad dates', async () => {
    const unknown = await get('/api/v1/accounts/NOPE/metrics');
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    for (const query of ['from=2024-13-01', 'to=yesterday', 'from=2024-05-01&to=2024-01-01', 'when=now']) {
      expect((await get(`/api/v1/accounts/K01/metrics?${query}`)).status, query).toBe(400);
    }
  });
});
