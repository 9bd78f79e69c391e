import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { type AnalyticStore, openAnalyticStore } from '../../src/analytics/analytic-store.js';
import { createApp } from '../../src/server/app.js';
import { createToken, revokeToken } from '../../src/tokens/token.service.js';
import { addUser } from '../../src/users/user.service.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

/**
 * Every route × every kind of caller. `allowed` means authorization let the request through (any status
 * but 401 and 403: a 404 or 409 from the data is fine here); the other outcomes must be exactly 401 / 403.
 * A route the server serves without a row here fails the test.
 */
const ACTORS = [
  'anonymous',
  'revoked',
  'viewer',
  'amOff',
  'amOn',
  'manager',
  'admin',
  'readToken',
  'writeToken',
] as const;
type ActorName = (typeof ACTORS)[number];
type Outcome = 401 | 403 | 'allowed';
type Policy = Record<ActorName, Outcome>;

const base = { anonymous: 401, revoked: 401 } as const;
const READ: Policy = {
  ...base,
  viewer: 'allowed',
  amOff: 'allowed',
  amOn: 'allowed',
  manager: 'allowed',
  admin: 'allowed',
  readToken: 'allowed',
  writeToken: 'allowed',
};
const ACCOUNT_WRITE: Policy = {
  ...base,
  viewer: 403,
  amOff: 403,
  amOn: 'allowed',
  manager: 'allowed',
  admin: 'allowed',
  readToken: 403,
  writeToken: 'allowed',
};
const TEAM_WRITE: Policy = {
  ...base,
  viewer: 403,
  amOff: 403,
  amOn: 403,
  manager: 'allowed',
  admin: 'allowed',
  readToken: 403,
  writeToken: 403,
};
const MANAGER_READ: Policy = {
  ...base,
  viewer: 403,
  amOff: 403,
  amOn: 403,
  manager: 'allowed',
  admin: 'allowed',
  readToken: 'allowed',
  writeToken: 403,
};
const ADMIN: Policy = {
  ...base,
  viewer: 403,
  amOff: 403,
  amOn: 403,
  manager: 403,
  admin: 'allowed',
  readToken: 403,
  writeToken: 403,
};
const OWN_WRITE: Policy = {
  ...base,
  viewer: 403,
  amOff: 'allowed',
  amOn: 'allowed',
  manager: 'allowed',
  admin: 'allowed',
  readToken: 403,
  writeToken: 'allowed',
};
const SESSION_ONLY: Policy = {
  ...base,
  viewer: 'allowed',
  amOff: 'allowed',
  amOn: 'allowed',
  manager: 'allowed',
  admin: 'allowed',
  readToken: 403,
  writeToken: 403,
};
/** Everyone's own profile: viewers too (it changes nothing in the workspace), never a read-only token. */
const SELF_WRITE: Policy = {
  ...base,
  viewer: 'allowed',
  amOff: 'allowed',
  amOn: 'allowed',
  manager: 'allowed',
  admin: 'allowed',
  readToken: 403,
  writeToken: 'allowed',
};
const PUBLIC: Policy = {
  anonymous: 'allowed',
  revoked: 401,
  viewer: 'allowed',
  amOff: 'allowed',
  amOn: 'allowed',
  manager: 'allowed',
  admin: 'allowed',
  readToken: 'allowed',
  writeToken: 'allowed',
};

interface Row {
  policy: Policy;
  path: string;
  body?: (version: number) => unknown;
  /** A raw (non-JSON) request body, for uploads. */
  raw?: string;
}

const contact = { name: 'Jana Nowak', role: 'influencer', influence: 3, relationshipStrength: 2 };
const activity = { type: 'call', date: '2026-01-15', durationMinutes: 20 };

/** Keyed by Hono's method and path; concrete paths use account K1, contact/activity 1, user 9 (a bystander). */
const MATRIX: Record<string, Row> = {
  'POST /api/v1/auth/login': {
    policy: PUBLIC,
    path: '/api/v1/auth/login',
    body: () => ({ email: 'login@example.com', password: 'login password 1' }),
  },
  'GET /api/v1/auth/me': { policy: READ, path: '/api/v1/auth/me' },
  'PATCH /api/v1/auth/me': {
    policy: SELF_WRITE,
    path: '/api/v1/auth/me',
    body: () => ({ version: 1, language: 'en' }),
  },
  'POST /api/v1/auth/password': {
    policy: SESSION_ONLY,
    path: '/api/v1/auth/password',
    body: () => ({ currentPassword: 'not my password', newPassword: 'irrelevant password' }),
  },
  'GET /api/v1/accounts': { policy: READ, path: '/api/v1/accounts' },
  'GET /api/v1/accounts/facets': { policy: READ, path: '/api/v1/accounts/facets' },
  'GET /api/v1/accounts/export': { policy: READ, path: '/api/v1/accounts/export?format=xlsx&member=me' },
  'GET /api/v1/accounts/:id': { policy: READ, path: '/api/v1/accounts/K1' },
  'PATCH /api/v1/accounts/:id': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1',
    body: (version) => ({ version, segment: 'Energy' }),
  },
  'GET /api/v1/accounts/:id/history': { policy: READ, path: '/api/v1/accounts/K1/history' },
  'GET /api/v1/accounts/:id/team': { policy: READ, path: '/api/v1/accounts/K1/team' },
  'PUT /api/v1/accounts/:id/team/:userId': {
    policy: TEAM_WRITE,
    path: '/api/v1/accounts/K2/team/9',
    body: () => ({ teamRole: 'member' }),
  },
  'DELETE /api/v1/accounts/:id/team/:userId': { policy: TEAM_WRITE, path: '/api/v1/accounts/K2/team/9' },
  'GET /api/v1/accounts/:accountId/contacts': { policy: READ, path: '/api/v1/accounts/K1/contacts' },
  'POST /api/v1/accounts/:accountId/contacts': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1/contacts',
    body: () => contact,
  },
  'GET /api/v1/accounts/:accountId/contacts/:id': { policy: READ, path: '/api/v1/accounts/K1/contacts/1' },
  'PATCH /api/v1/accounts/:accountId/contacts/:id': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1/contacts/1',
    body: () => ({ version: 1, jobTitle: 'Buyer' }),
  },
  'DELETE /api/v1/accounts/:accountId/contacts/:id': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1/contacts/2',
  },
  'GET /api/v1/accounts/:accountId/activities': { policy: READ, path: '/api/v1/accounts/K1/activities' },
  'POST /api/v1/accounts/:accountId/activities': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1/activities',
    body: () => activity,
  },
  'GET /api/v1/accounts/:accountId/activities/:id': {
    policy: READ,
    path: '/api/v1/accounts/K1/activities/1',
  },
  'PATCH /api/v1/accounts/:accountId/activities/:id': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1/activities/1',
    body: () => ({ version: 1, notes: 'x' }),
  },
  'DELETE /api/v1/accounts/:accountId/activities/:id': {
    policy: ACCOUNT_WRITE,
    path: '/api/v1/accounts/K1/activities/2',
  },
  'GET /api/v1/users': { policy: ADMIN, path: '/api/v1/users' },
  'POST /api/v1/users': {
    policy: ADMIN,
    path: '/api/v1/users',
    body: () => ({ email: `new-${Math.random()}@example.com`, role: 'viewer' }),
  },
  'PATCH /api/v1/users/:id': {
    policy: ADMIN,
    path: '/api/v1/users/9',
    body: () => ({ role: 'viewer', version: 1 }),
  },
  'POST /api/v1/users/:id/password-reset': { policy: ADMIN, path: '/api/v1/users/9/password-reset' },
  'GET /api/v1/tokens': { policy: READ, path: '/api/v1/tokens' },
  'POST /api/v1/tokens': {
    policy: OWN_WRITE,
    path: '/api/v1/tokens',
    body: () => ({ name: 'matrix', scope: 'read' }),
  },
  'DELETE /api/v1/tokens/:id': { policy: OWN_WRITE, path: '/api/v1/tokens/999' },
  'GET /api/v1/settings': { policy: READ, path: '/api/v1/settings' },
  'PATCH /api/v1/settings': {
    policy: ADMIN,
    path: '/api/v1/settings',
    body: () => ({ versions: { abc: 0 }, key: 'abc.aThreshold', value: 0.8 }),
  },
  // Without sales data these answer 404/422 to those allowed: authorization is what is checked here.
  'GET /api/v1/accounts/:id/metrics': { policy: READ, path: '/api/v1/accounts/K1/metrics' },
  'GET /api/v1/portfolio/snapshot': { policy: READ, path: '/api/v1/portfolio/snapshot' },
  'GET /api/v1/portfolio/snapshot/lists/:list': {
    policy: READ,
    path: '/api/v1/portfolio/snapshot/lists/byGrowth',
  },
  'GET /api/v1/portfolio/analysis': { policy: READ, path: '/api/v1/portfolio/analysis' },
  'GET /api/v1/portfolio/potential': { policy: READ, path: '/api/v1/portfolio/potential' },
  'GET /api/v1/accounts/:id/potential': { policy: READ, path: '/api/v1/accounts/K1/potential' },
  'POST /api/v1/imports': {
    policy: TEAM_WRITE,
    path: '/api/v1/imports?fileName=x.csv',
    raw: 'Customer,Date,Amount\nK1,2024-01-02,10.00\n',
  },
  'POST /api/v1/imports/preview': {
    policy: TEAM_WRITE,
    path: '/api/v1/imports/preview?fileName=x.csv',
    raw: 'Customer,Date,Amount\nK1,2024-01-02,10.00\n',
  },
  'GET /api/v1/imports': { policy: MANAGER_READ, path: '/api/v1/imports' },
  'GET /api/v1/imports/:jobId': {
    policy: MANAGER_READ,
    path: '/api/v1/imports/00000000-0000-4000-8000-000000000000',
  },
  'GET /api/v1/imports/:jobId/events': {
    policy: MANAGER_READ,
    path: '/api/v1/imports/00000000-0000-4000-8000-000000000000/events',
  },
  'GET /api/v1/imports/:jobId/rejects': {
    policy: MANAGER_READ,
    path: '/api/v1/imports/00000000-0000-4000-8000-000000000000/rejects',
  },
  // Last: it ends the sessions of the callers that use one.
  'POST /api/v1/auth/logout': { policy: PUBLIC, path: '/api/v1/auth/logout' },
};

describeEachBackend('authorization matrix: every route × every caller', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let openStore: (() => Promise<AnalyticStore>) | undefined;
  const headers = {} as Record<ActorName, Record<string, string>>;

  beforeAll(async () => {
    store = await backend.create();
    let analytic: Promise<AnalyticStore> | undefined;
    openStore = () => (analytic ??= openAnalyticStore(store.dataDir));
    app = createApp({ db: store.db, log: () => {}, analytic: openStore, dataDir: store.dataDir });
    await upsertImportedAccounts(
      store.db,
      [
        { id: 'K1', name: 'Anker GmbH', segment: null, region: null, owner: null },
        { id: 'K2', name: 'Berg AB', segment: null, region: null, owner: null },
      ],
      new Date().toISOString(),
    );
    const login = async (email: string, role: 'admin' | 'manager' | 'account_manager' | 'viewer') => {
      const { user, password } = await addUser(store.db, { email, role });
      const response = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return {
        id: user.id,
        headers: { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken },
      };
    };
    const admin = await login('admin@example.com', 'admin');
    const manager = await login('manager@example.com', 'manager');
    const amOn = await login('am-on@example.com', 'account_manager');
    const amOff = await login('am-off@example.com', 'account_manager');
    const viewer = await login('viewer@example.com', 'viewer');
    await addUser(store.db, { email: 'login@example.com', role: 'viewer', password: 'login password 1' });
    for (let i = 0; i < 3; i++)
      await addUser(store.db, { email: `bystander${i}@example.com`, role: 'viewer' });
    await store.db
      .insertInto('account_teams')
      .values({ account_id: 'K1', user_id: amOn.id, team_role: 'lead' })
      .execute();
    const read = await createToken(store.db, { email: 'manager@example.com' }, { name: 'ro', scope: 'read' });
    const write = await createToken(store.db, { email: 'am-on@example.com' }, { name: 'rw', scope: 'write' });
    const revoked = await createToken(
      store.db,
      { email: 'admin@example.com' },
      { name: 'old', scope: 'write' },
    );
    await revokeToken(store.db, admin.id, revoked.token.id);
    Object.assign(headers, {
      anonymous: {},
      revoked: { authorization: `Bearer ${revoked.secret}` },
      viewer: viewer.headers,
      amOff: amOff.headers,
      amOn: amOn.headers,
      manager: manager.headers,
      admin: admin.headers,
      readToken: { authorization: `Bearer ${read.secret}` },
      writeToken: { authorization: `Bearer ${write.secret}` },
    });
    // Entities for the single-item routes: contacts 1–2 and activities 1–2 of K1.
    for (let i = 0; i < 2; i++) {
      await app.request('/api/v1/accounts/K1/contacts', {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify(contact),
      });
      await app.request('/api/v1/accounts/K1/activities', {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
    }
    expect(
      (
        await store.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'bystander2@example.com')
          .executeTakeFirstOrThrow()
      ).id,
    ).toBe(9);
  });
  afterAll(async () => {
    if (openStore) (await openStore()).close();
    await store.drop();
  });

  it('has a row for every route the server serves', () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    const missing = [...new Set(served)].filter((route) => !MATRIX[route]);
    expect(missing, 'routes without a row in the authorization matrix').toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s', async (route, row) => {
    const method = route.split(' ')[0]!;
    const outcomes: string[] = [];
    for (const actor of ACTORS) {
      const version = Number(
        (
          (await (await app.request('/api/v1/accounts/K1', { headers: headers.admin })).json()) as {
            version: number;
          }
        ).version,
      );
      const type = row.body ? 'application/json' : row.raw ? 'text/csv' : undefined;
      const body = row.body ? JSON.stringify(row.body(version)) : row.raw;
      const response = await app.request(row.path, {
        method,
        headers: { ...headers[actor], ...(type ? { 'content-type': type } : {}) },
        ...(body === undefined ? {} : { body }),
      });
      const expected = row.policy[actor];
      const ok =
        expected === 'allowed'
          ? response.status !== 401 && response.status !== 403
          : response.status === expected;
      if (!ok) outcomes.push(`${actor}: expected ${expected}, got ${response.status}`);
    }
    expect(outcomes).toEqual([]);
  });
});
