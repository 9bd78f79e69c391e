import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres, openSqlite } from '../../src/db/connect.js';
import { createApp } from '../../src/server/app.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { type Fixture, fixtureAccounts, insertFixture, reference } from './account-list.fixture.js';

/** The accounts whose team the account manager is on; A33 was never analysed. */
const TEAM = ['A01', 'A05', 'A12', 'A33'];

interface Page {
  items: { id: string; revenue: string | null; marginPct: number | null; lastPurchase: string | null }[];
  total: number;
}

describeEachBackend('account list: paging, sorting, filters at scale', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let manager: Caller;
  let member: Caller;
  let fixture: Fixture[];

  const list = async (caller: Caller, query: string) => {
    const response = await app.request(`/api/v1/accounts?${query}`, { headers: caller.headers });
    expect(response.status, query).toBe(200);
    return (await response.json()) as Page;
  };
  /** Every page of size 4 in turn: crosses each segment boundary and both query shapes. */
  const allPages = async (caller: Caller, query: string) => {
    const ids: string[] = [];
    let total = 0;
    for (let page = 1; page < 30; page++) {
      const body = await list(caller, `${query}&size=4&page=${page}`);
      total = body.total;
      if (body.items.length === 0) break;
      ids.push(...body.items.map((item) => item.id));
    }
    return { ids, total };
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, log: () => {} });
    manager = await loginAs(app, store.db, 'manager');
    member = await loginAs(app, store.db, 'account_manager');
    fixture = fixtureAccounts();
    await insertFixture(store.db, fixture, member.userId, TEAM);
  });
  afterAll(() => store.drop());

  const views = [
    '',
    'class=C',
    'tier=green',
    'segment=Industry',
    'region=Nordics&owner=Eva',
    'search=kunde%200',
    'search=M%C3%BCller',
    'class=B&segment=Retail',
  ];
  for (const sort of ['rank', 'revenue', 'margin', 'growth', 'name', 'id'] as const) {
    it(`sorts by ${sort} both ways on every filter, values first, unanalysed last`, async () => {
      for (const view of views) {
        for (const order of ['asc', 'desc'] as const) {
          const query = `sort=${sort}&order=${order}${view ? `&${view}` : ''}`;
          const expected = reference(fixture, { sort, order, query: new URLSearchParams(view) });
          const { ids, total } = await allPages(manager, query);
          expect(ids, query).toEqual(expected);
          expect(total, query).toBe(expected.length);
        }
      }
    });
  }

  it('filters to the accounts whose team a user is on: member=me or a user id', async () => {
    const mine = await allPages(member, 'member=me&sort=revenue&order=desc');
    const team = fixture.filter((f) => TEAM.includes(f.id));
    expect(mine.ids).toEqual(
      reference(team, { sort: 'revenue', order: 'desc', query: new URLSearchParams() }),
    );
    expect(mine.ids.at(-1)).toBe('A33');
    const theirs = await allPages(manager, `member=${member.userId}&sort=revenue&order=desc`);
    expect(theirs.ids).toEqual(mine.ids);
    expect((await list(manager, 'member=me')).total).toBe(0);
    expect((await list(member, 'member=me&class=A')).items.map((a) => a.id)).toEqual(['A01']);
    const wrong = await app.request('/api/v1/accounts?member=someone', { headers: manager.headers });
    expect(wrong.status).toBe(400);
  });

  it('answers money as exact decimals and the list columns of the latest analysis', async () => {
    const page = await list(manager, 'sort=id&size=1');
    expect(page.items[0]).toMatchObject({ id: 'A00', lastPurchase: '2025-11-30' });
    expect(Number(page.items[0]!.revenue)).toBe(Number(fixture[0]!.revenue));
    expect(page.items[0]!.marginPct).toBeCloseTo(0.25);
  });

  it('counts what is there now: writes through this and another connection show at once', async () => {
    const before = (await list(manager, 'segment=Retail')).total;
    await store.db.updateTable('accounts').set({ segment: 'Retail' }).where('id', '=', 'A02').execute();
    expect((await list(manager, 'segment=Retail')).total).toBe(before + 1);
    // Another process (the CLI importing, say) writes through its own connection.
    const other =
      backend.name === 'sqlite'
        ? openSqlite(path.join(store.dataDir, 'kontor.sqlite'))
        : openPostgres(store.databaseUrl!);
    await other.db.updateTable('accounts').set({ segment: 'Energy' }).where('id', '=', 'A02').execute();
    await other.db.deleteFrom('account_teams').where('account_id', '=', 'A33').execute();
    await other.close();
    expect((await list(manager, 'segment=Retail')).total).toBe(before);
    expect((await list(member, 'member=me')).total).toBe(3);
  });

  it('reaches every row of a long list: the last page and past the end', async () => {
    const { total } = await list(manager, 'size=1');
    const last = await list(manager, `sort=margin&order=desc&size=7&page=${Math.ceil(total / 7)}`);
    const expected = reference(fixture, { sort: 'margin', order: 'desc', query: new URLSearchParams() });
    expect(last.items.map((a) => a.id)).toEqual(expected.slice(Math.floor((total - 1) / 7) * 7));
    expect((await list(manager, 'size=7&page=99')).items).toEqual([]);
  });
});
