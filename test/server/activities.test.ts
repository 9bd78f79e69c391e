import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/tokens/token.service.js';
import { loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

type Body = Record<string, unknown> & {
  error?: { code: string; message: string; details: { field?: string; message: string }[] };
};

describeEachBackend('activities API', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const people: Record<string, { headers: Record<string, string>; userId: number }> = {};
  const contacts: Record<string, number> = {};

  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { ...(people[who]?.headers ?? {}) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(`/api/v1/accounts/${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: response.status, body: (response.status === 204 ? {} : await response.json()) as Body };
  };
  const audit = (id: unknown) =>
    store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'activity')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
  const activity = (overrides: Record<string, unknown> = {}) => ({
    type: 'visit',
    date: '2025-03-12',
    durationMinutes: 90,
    ...overrides,
  });

  beforeAll(async () => {
    store = await backend.create();
    await upsertImportedAccounts(
      store.db,
      [
        { id: 'K1', name: 'Anker GmbH', segment: null, region: null, owner: null },
        { id: 'K2', name: 'Berg AB', segment: null, region: null, owner: null },
      ],
      new Date().toISOString(),
    );
    app = createApp({ db: store.db, log: () => {} });
    for (const role of ['manager', 'account_manager', 'viewer'] as const) {
      people[role] = await loginAs(app, store.db, role);
    }
    const { secret } = await createToken(
      store.db,
      { email: 'manager@example.com' },
      { name: 'ro', scope: 'read' },
    );
    people.readToken = { userId: people.manager!.userId, headers: { authorization: `Bearer ${secret}` } };
    for (const [key, account] of [
      ['dora', 'K1'],
      ['gus', 'K1'],
      ['berit', 'K2'],
    ] as const) {
      const created = await call('manager', 'POST', `${account}/contacts`, {
        name: key,
        role: 'influencer',
        influence: 3,
        relationshipStrength: 3,
      });
      contacts[key] = created.body.id as number;
    }
  });
  afterAll(() => store.drop());

  it('logs, shows, changes and deletes an activity for the caller, one audit entry per write', async () => {
    await store.db
      .updateTable('users')
      .set({ name: 'Maria Lund' })
      .where('id', '=', people.manager!.userId)
      .execute();
    const created = await call(
      'manager',
      'POST',
      'K1/activities',
      activity({ contactIds: [contacts.gus, contacts.dora, contacts.dora], notes: 'plant tour' }),
    );
    expect(created.status).toBe(201);
    const ids = [contacts.dora, contacts.gus].sort((a, b) => a! - b!);
    expect(created.body).toMatchObject({
      accountId: 'K1',
      type: 'visit',
      date: '2025-03-12',
      durationMinutes: 90,
      userId: people.manager!.userId,
      userName: 'Maria Lund',
      contactIds: ids,
      notes: 'plant tour',
      version: 1,
    });
    const id = created.body.id;
    expect((await call('viewer', 'GET', `K1/activities/${id}`)).body).toEqual(created.body);

    const changed = await call('manager', 'PATCH', `K1/activities/${id}`, {
      version: 1,
      type: 'meeting',
      contactIds: [contacts.gus],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      type: 'meeting',
      date: '2025-03-12',
      contactIds: [contacts.gus],
      version: 2,
    });
    expect((await call('manager', 'DELETE', `K1/activities/${id}`)).status).toBe(204);
    expect((await call('manager', 'GET', `K1/activities/${id}`)).status).toBe(404);

    const entries = await audit(id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(
      entries.map((entry) => [
        entry.before && JSON.parse(entry.before),
        entry.after && JSON.parse(entry.after),
      ]),
    ).toEqual([
      [null, created.body],
      [created.body, changed.body],
      [changed.body, null],
    ]);
  });

  it('lists newest first, a page at a time, with the total', async () => {
    for (const date of ['2025-01-05', '2025-02-01', '2024-12-24', '2025-02-01'])
      await call('manager', 'POST', 'K2/activities', activity({ date, type: 'call', durationMinutes: 15 }));
    const first = await call('viewer', 'GET', 'K2/activities?size=3');
    expect(first.body).toMatchObject({ page: 1, size: 3, total: 4 });
    const items = first.body.items as { id: number; date: string }[];
    expect(items.map((item) => item.date)).toEqual(['2025-02-01', '2025-02-01', '2025-01-05']);
    // Same day: the later entry first.
    expect(items[0]!.id).toBeGreaterThan(items[1]!.id);
    const second = await call('viewer', 'GET', 'K2/activities?size=3&page=2');
    expect((second.body.items as { date: string }[]).map((item) => item.date)).toEqual(['2024-12-24']);
    expect((await call('viewer', 'GET', 'K1/activities?page=0')).body.error?.details[0]?.field).toBe('page');
    expect((await call('viewer', 'GET', 'K1/activities?sort=date')).status).toBe(400);
  });

  it('refuses invalid input with field details and stores nothing', async () => {
    const count = async () => (await store.db.selectFrom('activities').select('id').execute()).length;
    const before = await count();
    const cases: [unknown, string | undefined, RegExp][] = [
      [activity({ date: '2025-02-30' }), 'date', /calendar/],
      [activity({ date: '12.03.2025' }), 'date', /YYYY-MM-DD/],
      [activity({ durationMinutes: -5 }), 'durationMinutes', /0/],
      [activity({ type: 'lunch' }), 'type', /visit/],
      [activity({ mood: 'good' }), undefined, /mood/],
      [activity({ contactIds: [contacts.berit] }), 'contactIds', /no contact/],
      [{ type: 'call', date: '2025-01-01' }, 'durationMinutes', /.+/],
    ];
    for (const [body, field, message] of cases) {
      const response = await call('manager', 'POST', 'K1/activities', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.code).toBe('validation');
      const detail = response.body.error!.details[0]!;
      // An unknown key is reported by name in the message; zod gives it no field path.
      expect(detail.field).toBe(field);
      expect(detail.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('answers 404 for an unknown account or an activity of another account', async () => {
    const id = (await call('manager', 'POST', 'K1/activities', activity())).body.id;
    for (const [method, path, body] of [
      ['GET', 'NOPE/activities', undefined],
      ['POST', 'NOPE/activities', activity()],
      ['GET', `K2/activities/${id}`, undefined],
      ['PATCH', `K2/activities/${id}`, { version: 1, durationMinutes: 5 }],
      ['DELETE', `K2/activities/${id}`, undefined],
    ] as const) {
      const response = await call('manager', method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });

  it('refuses a second change made from the same version with 409', async () => {
    const id = (await call('manager', 'POST', 'K1/activities', activity())).body.id;
    expect(
      (await call('manager', 'PATCH', `K1/activities/${id}`, { version: 1, durationMinutes: 60 })).status,
    ).toBe(200);
    const stale = await call('manager', 'PATCH', `K1/activities/${id}`, { version: 1, durationMinutes: 30 });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toMatch(/someone else changed this activity; reload/i);
    expect((await call('manager', 'GET', `K1/activities/${id}`)).body).toMatchObject({
      durationMinutes: 60,
      version: 2,
    });
    expect(await audit(id)).toHaveLength(2);
  });

  it('lets only those who may change the account log activities', async () => {
    const id = (await call('manager', 'POST', 'K1/activities', activity())).body.id;
    for (const who of ['viewer', 'readToken', 'account_manager']) {
      expect((await call(who, 'POST', 'K1/activities', activity())).status, who).toBe(403);
      expect((await call(who, 'PATCH', `K1/activities/${id}`, { version: 1, notes: 'x' })).status, who).toBe(
        403,
      );
      expect((await call(who, 'DELETE', `K1/activities/${id}`)).status, who).toBe(403);
    }
    expect((await call('readToken', 'GET', 'K1/activities')).status).toBe(200);
    expect(await audit(id)).toHaveLength(1);
    await store.db
      .insertInto('account_teams')
      .values({ account_id: 'K1', user_id: people.account_manager!.userId, team_role: 'lead' })
      .execute();
    const mine = await call(
      'account_manager',
      'POST',
      'K1/activities',
      activity({ contactIds: [contacts.dora] }),
    );
    expect(mine.status).toBe(201);
    expect(mine.body.userId).toBe(people.account_manager!.userId);
    expect(
      (await call('account_manager', 'PATCH', `K1/activities/${id}`, { version: 1, notes: 'follow-up sent' }))
        .status,
    ).toBe(200);
    const [, update] = await audit(id);
    expect(update).toMatchObject({ action: 'update', actor_user_id: people.account_manager!.userId });
  });

  it('drops a deleted contact from the activities that named it', async () => {
    const extra = (
      await call('manager', 'POST', 'K1/contacts', {
        name: 'Temp',
        role: 'user',
        influence: 1,
        relationshipStrength: 1,
      })
    ).body.id as number;
    const id = (
      await call('manager', 'POST', 'K1/activities', activity({ contactIds: [extra, contacts.gus] }))
    ).body.id;
    expect((await call('manager', 'DELETE', `K1/contacts/${extra}`)).status).toBe(204);
    expect((await call('manager', 'GET', `K1/activities/${id}`)).body.contactIds).toEqual([contacts.gus]);
  });
});
