import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/tokens/token.service.js';
import { loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

type Body = Record<string, unknown> & {
  error?: { code: string; message: string; details: { field?: string; message: string }[] };
};

describeEachBackend('contacts API', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const people: Record<string, { headers: Record<string, string>; userId: number }> = {};

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
      .where('entity', '=', 'contact')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
  const contact = (overrides: Record<string, unknown> = {}) => ({
    name: 'Dora Decider',
    role: 'decision_maker',
    influence: 5,
    relationshipStrength: 3,
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
    for (const scope of ['read', 'write'] as const) {
      const { secret } = await createToken(
        store.db,
        { email: 'manager@example.com' },
        { name: scope, scope },
      );
      people[`${scope}Token`] = {
        userId: people.manager!.userId,
        headers: { authorization: `Bearer ${secret}` },
      };
    }
  });
  afterAll(() => store.drop());

  it('creates, lists, shows, changes and deletes a contact, one audit entry per write', async () => {
    const created = await call(
      'manager',
      'POST',
      'K1/contacts',
      contact({ jobTitle: 'CEO', email: 'dora@anker.example', phone: '' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      accountId: 'K1',
      name: 'Dora Decider',
      role: 'decision_maker',
      jobTitle: 'CEO',
      phone: null,
      influence: 5,
      relationshipStrength: 3,
      reportsTo: null,
      notes: '',
      version: 1,
    });
    const id = created.body.id as number;
    const [createEntry] = await audit(id);
    expect(createEntry).toMatchObject({ action: 'create', before: null, actor_label: 'manager@example.com' });
    expect(JSON.parse(createEntry!.after!)).toEqual(created.body);

    expect((await call('viewer', 'GET', 'K1/contacts')).body).toEqual({ items: [created.body] });
    expect((await call('viewer', 'GET', `K1/contacts/${id}`)).body).toEqual(created.body);

    const changed = await call('manager', 'PATCH', `K1/contacts/${id}`, {
      version: 1,
      role: 'champion',
      notes: 'Sponsors the pilot',
      email: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      role: 'champion',
      notes: 'Sponsors the pilot',
      email: null,
      jobTitle: 'CEO',
      version: 2,
    });
    const updateEntry = (await audit(id))[1]!;
    expect(updateEntry.action).toBe('update');
    expect(JSON.parse(updateEntry.before!)).toEqual(created.body);
    expect(JSON.parse(updateEntry.after!)).toEqual(changed.body);

    expect((await call('manager', 'DELETE', `K1/contacts/${id}`)).status).toBe(204);
    expect((await call('manager', 'GET', `K1/contacts/${id}`)).status).toBe(404);
    const entries = await audit(id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(entries[2]!.before!)).toEqual(changed.body);
    expect(entries[2]!.after).toBeNull();
  });

  it('refuses invalid input with field details and stores nothing', async () => {
    const contactEntries = async () =>
      (await store.db.selectFrom('audit_log').select('id').where('entity', '=', 'contact').execute()).length;
    const before = await contactEntries();
    const cases: [unknown, string | undefined, RegExp][] = [
      [contact({ influence: 6 }), 'influence', /5/],
      [contact({ relationshipStrength: 0 }), 'relationshipStrength', /1/],
      [contact({ role: 'boss' }), 'role', /decision_maker/],
      [contact({ email: 'not-an-address' }), 'email', /e-mail/],
      [contact({ name: '  ' }), 'name', /name/],
      [contact({ colour: 'red' }), undefined, /colour/],
    ];
    for (const [body, field, message] of cases) {
      const response = await call('manager', 'POST', 'K1/contacts', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.code).toBe('validation');
      const detail = response.body.error!.details[0]!;
      expect(detail.field).toBe(field);
      expect(detail.message).toMatch(message);
    }
    const id = (await call('manager', 'POST', 'K1/contacts', contact())).body.id;
    const noVersion = await call('manager', 'PATCH', `K1/contacts/${id}`, { name: 'X' });
    expect(noVersion.body.error?.details[0]?.field).toBe('version');
    expect((await call('manager', 'GET', 'K1/contacts/abc')).status).toBe(400);
    expect(await contactEntries()).toBe(before + 1);
  });

  it('answers 404 for an unknown account or a contact of another account', async () => {
    const id = (await call('manager', 'POST', 'K1/contacts', contact())).body.id;
    for (const [method, path, body] of [
      ['GET', 'NOPE/contacts', undefined],
      ['POST', 'NOPE/contacts', contact()],
      ['GET', `K2/contacts/${id}`, undefined],
      ['PATCH', `K2/contacts/${id}`, { version: 1, name: 'X' }],
      ['DELETE', `K2/contacts/${id}`, undefined],
      ['GET', 'K1/contacts/999999', undefined],
    ] as const) {
      const response = await call('manager', method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error?.code).toBe('not_found');
    }
  });

  it('refuses a second change made from the same version with 409', async () => {
    const id = (await call('manager', 'POST', 'K1/contacts', contact())).body.id;
    expect((await call('manager', 'PATCH', `K1/contacts/${id}`, { version: 1, influence: 4 })).status).toBe(
      200,
    );
    const stale = await call('writeToken', 'PATCH', `K1/contacts/${id}`, { version: 1, influence: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/someone else changed this contact; reload/i),
    });
    expect((await call('manager', 'GET', `K1/contacts/${id}`)).body).toMatchObject({
      influence: 4,
      version: 2,
    });
    expect((await audit(id)).map((entry) => entry.action)).toEqual(['create', 'update']);
  });

  it('keeps reporting lines inside the account and free of circles', async () => {
    const boss = (await call('manager', 'POST', 'K1/contacts', contact({ name: 'Boss' }))).body;
    const middle = (
      await call('manager', 'POST', 'K1/contacts', contact({ name: 'Middle', reportsTo: boss.id }))
    ).body;
    const clerk = (
      await call(
        'manager',
        'POST',
        'K1/contacts',
        contact({ name: 'Clerk', role: 'gatekeeper', reportsTo: middle.id }),
      )
    ).body;
    expect(clerk.reportsTo).toBe(middle.id);
    const circle = await call('manager', 'PATCH', `K1/contacts/${boss.id}`, {
      version: 1,
      reportsTo: clerk.id,
    });
    expect(circle.status).toBe(400);
    expect(circle.body.error).toMatchObject({
      message: expect.stringMatching(/circle/),
      details: [{ field: 'reportsTo' }],
    });
    const self = await call('manager', 'PATCH', `K1/contacts/${boss.id}`, { version: 1, reportsTo: boss.id });
    expect(self.body.error?.message).toMatch(/themselves/);
    const other = (await call('manager', 'POST', 'K2/contacts', contact())).body;
    const foreign = await call('manager', 'POST', 'K1/contacts', contact({ reportsTo: other.id }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error?.message).toMatch(/not a contact of account K1/);
    // Deleting a manager leaves the people below without one, not deleted.
    expect((await call('manager', 'DELETE', `K1/contacts/${middle.id}`)).status).toBe(204);
    expect((await call('manager', 'GET', `K1/contacts/${clerk.id}`)).body).toMatchObject({ reportsTo: null });
  });

  it('lets only those who may change the account write its contacts', async () => {
    const audited = async () => (await store.db.selectFrom('audit_log').select('id').execute()).length;
    const before = await audited();
    for (const who of ['viewer', 'readToken', 'account_manager']) {
      const refused = await call(who, 'POST', 'K2/contacts', contact());
      expect(refused.status, who).toBe(403);
      expect(refused.body.error?.code).toBe('forbidden');
    }
    expect((await call('viewer', 'GET', 'K2/contacts')).status).toBe(200);
    expect((await call('readToken', 'GET', 'K2/contacts')).status).toBe(200);
    expect((await call('nobody', 'GET', 'K2/contacts')).status).toBe(401);
    const noCsrf = await app.request('/api/v1/accounts/K2/contacts', {
      method: 'POST',
      headers: { cookie: people.manager!.headers.cookie!, 'content-type': 'application/json' },
      body: JSON.stringify(contact()),
    });
    expect(noCsrf.status).toBe(403);
    expect(await audited()).toBe(before);

    await store.db
      .insertInto('account_teams')
      .values({ account_id: 'K2', user_id: people.account_manager!.userId, team_role: 'member' })
      .execute();
    const mine = await call('account_manager', 'POST', 'K2/contacts', contact());
    expect(mine.status).toBe(201);
    expect(
      (
        await call('account_manager', 'PATCH', `K2/contacts/${mine.body.id}`, {
          version: 1,
          notes: 'met at the fair',
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('manager', 'PATCH', `K2/contacts/${mine.body.id}`, { version: 2, influence: 2 })).status,
    ).toBe(200);
    expect((await call('writeToken', 'DELETE', `K2/contacts/${mine.body.id}`)).status).toBe(204);
    const entries = await audit(mine.body.id);
    expect(entries.map((entry) => [entry.action, entry.actor_user_id])).toEqual([
      ['create', people.account_manager!.userId],
      ['update', people.account_manager!.userId],
      ['update', people.manager!.userId],
      ['delete', people.manager!.userId],
    ]);
    expect(entries[3]!.actor_token_id).not.toBeNull();
  });
});
