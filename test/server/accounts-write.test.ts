import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/tokens/token.service.js';
import { loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

type Session = { headers: Record<string, string>; userId: number };

describeEachBackend('account writes: permissions, versions, audit, teams', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const people: Record<string, Session> = {};

  const as = (who: string) => people[who]!.headers;
  const patch = (who: string, id: string, body: unknown) =>
    app.request(`/api/v1/accounts/${id}`, {
      method: 'PATCH',
      headers: { ...as(who), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const version = async (id: string) =>
    (
      (await (await app.request(`/api/v1/accounts/${id}`, { headers: as('admin') })).json()) as {
        version: number;
      }
    ).version;
  const auditRows = (entityId: string) =>
    store.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).execute();

  beforeAll(async () => {
    store = await backend.create();
    await upsertImportedAccounts(
      store.db,
      [
        { id: 'K1', name: 'Anker GmbH', segment: 'Industry', region: 'DACH', owner: 'Eva' },
        { id: 'K2', name: 'Berg AB', segment: 'Retail', region: 'Nordics', owner: 'Lars' },
      ],
      new Date().toISOString(),
    );
    app = createApp({ db: store.db, log: () => {} });
    for (const role of ['admin', 'manager', 'account_manager', 'viewer'] as const) {
      people[role] = await loginAs(app, store.db, role);
    }
    const readOnly = await createToken(
      store.db,
      { email: 'manager@example.com' },
      { name: 'ro', scope: 'read' },
    );
    people.token = {
      userId: people.manager!.userId,
      headers: { authorization: `Bearer ${readOnly.secret}` },
    };
  });
  afterAll(() => store.drop());

  it('lets a manager edit attributes and records one audit entry with before and after', async () => {
    const response = await patch('manager', 'K1', { version: 1, name: 'Anker Group', region: 'Nordics' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'Anker Group',
      region: 'Nordics',
      version: 2,
      editedFields: ['name', 'region'],
    });
    const rows = await auditRows('K1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'account',
      action: 'update',
      actor_label: 'manager@example.com',
    });
    expect(JSON.parse(rows[0]!.before!)).toMatchObject({ name: 'Anker GmbH', version: 1 });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ name: 'Anker Group', version: 2 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const stale = await patch('admin', 'K1', { version: 1, name: 'Overwritten' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(await version('K1')).toBe(2);
    expect(await auditRows('K1')).toHaveLength(1);
  });

  it('needs a reason for a manual tier or class, and shows who set it (METHOD G1, P3)', async () => {
    const noReason = await patch('admin', 'K2', { version: 1, manualTier: { tier: 'green' } });
    expect(noReason.status).toBe(400);
    const ok = await patch('admin', 'K2', {
      version: 1,
      manualTier: { tier: 'green', reason: 'reference customer' },
    });
    expect(await ok.json()).toMatchObject({
      manualTier: { tier: 'green', reason: 'reference customer', by: 'admin@example.com' },
    });
    const history = (await (
      await app.request('/api/v1/accounts/K2/history', { headers: as('viewer') })
    ).json()) as { items: { after: { manualTier: { reason: string } } }[] };
    expect(history.items[0]?.after.manualTier.reason).toBe('reference customer');
  });

  it('allows account managers only on their team, never viewers or read-only tokens', async () => {
    const body = async (id: string) => ({ version: await version(id), segment: 'Energy' });
    expect((await patch('viewer', 'K1', await body('K1'))).status).toBe(403);
    expect((await patch('token', 'K1', await body('K1'))).status).toBe(403);
    expect((await patch('account_manager', 'K1', await body('K1'))).status).toBe(403);
    const join = await app.request(`/api/v1/accounts/K1/team/${people.account_manager!.userId}`, {
      method: 'PUT',
      headers: { ...as('manager'), 'content-type': 'application/json' },
      body: JSON.stringify({ teamRole: 'lead' }),
    });
    expect(join.status).toBe(200);
    expect((await patch('account_manager', 'K1', await body('K1'))).status).toBe(200);
    expect((await patch('account_manager', 'K2', await body('K2'))).status).toBe(403);
    const team = (await (
      await app.request('/api/v1/accounts/K1/team', { headers: as('viewer') })
    ).json()) as { items: { email: string; teamRole: string }[] };
    expect(team.items).toEqual([
      expect.objectContaining({ email: 'account_manager@example.com', teamRole: 'lead' }),
    ]);
    const byAm = await app.request(`/api/v1/accounts/K1/team/${people.viewer!.userId}`, {
      method: 'PUT',
      headers: { ...as('account_manager'), 'content-type': 'application/json' },
      body: JSON.stringify({ teamRole: 'member' }),
    });
    expect(byAm.status).toBe(403);
    const leave = await app.request(`/api/v1/accounts/K1/team/${people.account_manager!.userId}`, {
      method: 'DELETE',
      headers: as('admin'),
    });
    expect(leave.status).toBe(204);
    expect((await patch('account_manager', 'K1', await body('K1'))).status).toBe(403);
  });

  it('validates the body: unknown fields, bad wallet, missing version', async () => {
    expect((await patch('admin', 'K1', { version: await version('K1'), colour: 'red' })).status).toBe(400);
    const wallet = await patch('admin', 'K1', { version: await version('K1'), wallet: '12,5' });
    expect(await wallet.json()).toMatchObject({
      error: { code: 'validation', details: [{ field: 'wallet' }] },
    });
    expect((await patch('admin', 'K1', { name: 'x' })).status).toBe(400);
    expect((await patch('admin', 'NOPE', { version: 1, name: 'x' })).status).toBe(404);
  });
});
