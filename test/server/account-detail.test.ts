import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

// K01 carries the business and grew; K02 is small; K10–K15 fill the tail. Latest sale: 2024-06-15.
const LINES = [
  'Customer,Name,Date,Amount,Cost',
  // The data must cover the whole previous window for a growth rate: this line opens it.
  'K10,Kunde 0,2022-04-01,1.00,1.00',
  'K01,Anker GmbH,2023-03-10,1000.00,600.00',
  'K01,Anker GmbH,2024-03-10,5000.00,3000.00',
  'K01,Anker GmbH,2024-03-25,500.50,300.25',
  'K02,Berg AB,2024-05-20,30.00,15.00',
  ...Array.from({ length: 6 }, (_, i) => `K1${i},Kunde ${i},2024-0${i + 1}-15,${100 + i}.00,${90 + i}.00`),
];

type Detail = {
  id: string;
  manualTier: { tier: string; reason: string; by: string | null } | null;
  metrics: Record<string, unknown> | null;
};

describeEachBackend('account detail with its latest published metrics', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let headers: Record<string, string>;
  let beforeAnalysis: Detail;
  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const cli = async (...args: string[]) => {
    const result = await runCli(args, env());
    expect(result.code, result.stderr).toBe(0);
  };
  const detail = async (id: string) => {
    const response = await app.request(`/api/v1/accounts/${id}`, { headers });
    return { status: response.status, body: (await response.json()) as Detail };
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, dataDir: store.dataDir, log: () => {} });
    headers = (await loginAs(app, store.db, 'viewer')).headers;
    const file = path.join(store.dataDir, 'sales.csv');
    fs.writeFileSync(file, `${LINES.join('\n')}\n`);
    await cli('import', 'sales', file);
    beforeAnalysis = (await detail('K01')).body;
    await cli('analyze');
  });
  afterAll(() => store.drop());

  it('has no metrics before the first analysis', () => {
    expect(beforeAnalysis).toMatchObject({ id: 'K01', metrics: null });
  });

  it('gives the figures, class, tier and window of the latest analysis', async () => {
    const { status, body } = await detail('K01');
    expect(status).toBe(200);
    const metrics = body.metrics!;
    expect(metrics).toMatchObject({
      windowFrom: '2023-06-16',
      windowTo: '2024-06-15',
      orders: 2,
      firstPurchase: '2023-03-10',
      lastPurchase: '2024-03-25',
      class: 'A',
      computedClass: 'A',
      tier: 'green',
      computedTier: 'green',
      rank: 1,
    });
    expect(Number(metrics.revenue)).toBe(5500.5);
    expect(Number(metrics.margin)).toBe(2200.25);
    expect(Number(metrics.previousRevenue)).toBe(1000);
    expect(metrics.marginPct).toBeCloseTo(2200.25 / 5500.5, 9);
    expect(metrics.growth).toBeCloseTo(4.5005, 6);
    expect(metrics.tierReasons).toContain('revenue');
    expect(typeof metrics.snapshotId).toBe('number');
  });

  it('tells the tier in force from the one the rules give once a tier is set by hand', async () => {
    await cli('account', 'set', 'K01', '--tier', 'transactional', '--reason', 'served by the distributor');
    await cli('analyze');
    const { body } = await detail('K01');
    expect(body.manualTier).toMatchObject({ tier: 'transactional', reason: 'served by the distributor' });
    expect(body.metrics).toMatchObject({ tier: 'transactional', computedTier: 'green' });
    expect(body.metrics!.tierReasons).toEqual(expect.arrayContaining(['revenue', 'manual']));
    const tail = (await detail('K10')).body.metrics!;
    expect(tail).toMatchObject({ tier: 'transactional', computedTier: 'transactional', tierReasons: [] });
  });

  it('answers 404 for an unknown account', async () => {
    const { status, body } = await detail('NOPE');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'not_found' } });
  });
});
