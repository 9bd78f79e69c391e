import { gunzipSync } from 'node:zlib';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertRows } from '../../src/db/insert-rows.js';
import { insertSnapshot } from '../../src/portfolio/portfolio.repository.js';
import { createApp } from '../../src/server/app.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

// The route serves the stored summary with its lists cut (portfolio.lists.ts); a few fields stand for
// the whole analysis here.
const summary = (label: string, changes: unknown, byGrowth: unknown[] = []) => ({
  version: 1,
  label,
  revenueAtRisk: [],
  greenCircle: { byGrowth, byPotential: [] },
  changes,
  snapshotId: null,
});
const totals = (lists: Partial<Record<string, number>> = {}) => ({
  revenueAtRisk: 0,
  byGrowth: 0,
  byPotential: 0,
  classChanges: 0,
  tierChanges: 0,
  ...lists,
});
const rows = (klass: 'A' | 'B' | 'C') => [
  { accountId: 'K1', class: klass, tier: 'green' as const, value: '100' },
  { accountId: 'K2', class: 'C' as const, tier: 'transactional' as const, value: '5' },
];

describeEachBackend('GET /portfolio/snapshot: one document per published snapshot', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let viewer: Caller;
  const summaryReads: string[] = [];

  /** Counts the queries that read a snapshot's summary (the document is made from it). */
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      if (JSON.stringify(args.node).includes('"summary"')) summaryReads.push(args.queryId.queryId);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const publish = async (
    createdAt: string,
    by: 'revenue' | 'margin',
    label: string,
    changes: unknown,
    klass: 'A' | 'B' | 'C',
    byGrowth: unknown[] = [],
  ) => {
    const id = await insertSnapshot(store.db, {
      createdAt,
      from: '2025-01-01',
      to: '2025-12-31',
      by,
      filters: {},
      summary: summary(label, changes, byGrowth),
    });
    const accounts = rows(klass).map((row) => ({
      snapshot_id: id,
      account_id: row.accountId,
      class: row.class,
      tier: row.tier,
      value: row.value,
    }));
    await insertRows(
      store.db,
      'snapshot_accounts',
      ['snapshot_id', 'account_id', 'class', 'tier', 'value'],
      accounts,
    );
    return id;
  };
  const get = async (query = '', headers: Record<string, string> = {}) => {
    const response = await app.request(`/api/v1/portfolio/snapshot${query}`, {
      headers: { ...viewer.headers, ...headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
      body: (text ? JSON.parse(text) : null) as any,
    };
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db.withPlugin(counting), log: () => {} });
    viewer = await loginAs(app, store.db, 'viewer');
    const now = new Date().toISOString();
    await store.db
      .insertInto('accounts')
      .values(
        ['K1', 'K2'].map((id) => ({
          id,
          name: `Kunde ${id}`,
          attributes: '{}',
          edited_fields: '[]',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  });
  afterAll(() => store.drop());

  it('computes the changes of a snapshot published without them from the account rows', async () => {
    expect((await get()).status).toBe(404);
    await publish('2026-01-01T00:00:00.000Z', 'revenue', 'first', null, 'B');
    // As snapshots were stored before the changes were kept with them: changes null, a snapshot before.
    const id = await publish('2026-02-01T00:00:00.000Z', 'revenue', 'second', null, 'A');
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).toEqual({
      ...summary('second', null),
      changes: {
        since: '2026-01-01T00:00:00.000Z',
        classChanges: [{ id: 'K1', name: 'Kunde K1', from: 'B', to: 'A' }],
        tierChanges: [],
      },
      snapshotId: id,
      createdAt: '2026-02-01T00:00:00.000Z',
      listTotals: totals({ classChanges: 1 }),
    });
  });

  it('makes the document once, also for requests that arrive together', async () => {
    const changes = { since: '2026-02-01T00:00:00.000Z', classChanges: [], tierChanges: [] };
    const id = await publish('2026-03-01T00:00:00.000Z', 'revenue', 'third', changes, 'A');
    summaryReads.length = 0;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get()));
    expect(answers.map((a) => a.body.snapshotId)).toEqual(Array(8).fill(id));
    expect((await get()).body.label).toBe('third');
    expect(summaryReads).toHaveLength(1);
  });

  it('serves the stored changes with the names as analysed, like the rest of the summary', async () => {
    await store.db.updateTable('accounts').set({ name: 'Renamed later' }).where('id', '=', 'K1').execute();
    const changes = {
      since: '2026-03-01T00:00:00.000Z',
      classChanges: [{ id: 'K1', name: 'Kunde K1', from: 'A', to: 'B' }],
      tierChanges: [],
    };
    await publish('2026-04-01T00:00:00.000Z', 'revenue', 'fourth', changes, 'B');
    expect((await get()).body).toMatchObject({ label: 'fourth', changes });
  });

  it('shows a snapshot published by another process with the next request', async () => {
    const before = await get();
    const id = await publish('2026-05-01T00:00:00.000Z', 'revenue', 'fifth', null, 'B');
    const after = await get();
    expect(after.body).toMatchObject({ label: 'fifth', snapshotId: id, changes: { classChanges: [] } });
    expect(after.etag).not.toBe(before.etag);
  });

  it('answers 304 to the ETag of the latest snapshot, and 200 to an older one', async () => {
    const latest = await get();
    expect(latest.etag).toMatch(/^"snapshot-v2-\d+-\d+"$/);
    const unchanged = await get('', { 'if-none-match': latest.etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();
    expect((await get('', { 'if-none-match': '"snapshot-1-0"' })).status).toBe(200);
  });

  it('sends the document gzipped to clients that accept it, the same each time', async () => {
    const plain = await get();
    for (let i = 0; i < 3; i++) {
      const response = await app.request('/api/v1/portfolio/snapshot', {
        headers: { ...viewer.headers, 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(response.headers.get('vary')).toBe('accept-encoding');
      const body = gunzipSync(Buffer.from(await response.arrayBuffer())).toString();
      expect(JSON.parse(body)).toEqual(plain.body);
    }
    expect((await get()).body).toEqual(plain.body);
  });

  it('keeps revenue and margin snapshots apart', async () => {
    const id = await publish('2026-06-01T00:00:00.000Z', 'margin', 'by margin', null, 'C');
    expect((await get('?by=margin')).body).toMatchObject({
      label: 'by margin',
      snapshotId: id,
      changes: null,
    });
    expect((await get('?by=revenue')).body.label).toBe('fifth');
    expect((await get()).body.label).toBe('by margin');
  });

  it('sends the first 100 rows of each list with its length, and pages the rest', async () => {
    const growth = Array.from({ length: 250 }, (_, i) => ({ id: `G${i}`, name: null, revenue: 250 - i }));
    const changes = {
      since: '2026-06-01T00:00:00.000Z',
      classChanges: growth.slice(0, 120).map((g) => ({ id: g.id, name: null, from: 'B', to: 'A' })),
      tierChanges: [],
    };
    const id = await publish('2026-07-01T00:00:00.000Z', 'revenue', 'long', changes, 'A', growth);
    const { body } = await get('?by=revenue');
    expect(body.greenCircle.byGrowth).toEqual(growth.slice(0, 100));
    expect(body.changes.classChanges).toEqual(changes.classChanges.slice(0, 100));
    expect(body.listTotals).toEqual(totals({ byGrowth: 250, classChanges: 120 }));
    const page = async (path: string) => {
      const response = await app.request(`/api/v1/portfolio/snapshot/lists/${path}`, {
        headers: viewer.headers,
      });
      // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
      return { status: response.status, body: (await response.json()) as any };
    };
    expect((await page('byGrowth?by=revenue&page=3&size=100')).body).toEqual({
      items: growth.slice(200),
      page: 3,
      size: 100,
      total: 250,
      snapshotId: id,
    });
    expect((await page('classChanges?by=revenue&page=2&size=100')).body.items).toEqual(
      changes.classChanges.slice(100),
    );
    expect((await page('tierChanges?by=revenue')).body).toMatchObject({ items: [], total: 0 });
    expect((await page('nothing')).status).toBe(400);
    expect((await page('byGrowth?size=501')).status).toBe(400);
    expect((await page('byGrowth?extra=1')).status).toBe(400);
  });
});
