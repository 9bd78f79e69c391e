import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { LoginLimiter } from '../../src/server/rate-limit.js';
import { createToken } from '../../src/tokens/token.service.js';
import { addUser } from '../../src/users/user.service.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

type Caller = { cookie: string; csrf: string } | string;

describeEachBackend('HTTP API: users, passwords, tokens, settings', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const passwords: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const login = async (email: string, password = passwords[email]!) => {
    const response = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json()) as { csrfToken?: string };
    return {
      status: response.status,
      cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '',
      csrf: body.csrfToken ?? '',
    };
  };

  /** A request as a cookie session (with its CSRF token) or with a bearer token. */
  const call = async (caller: Caller, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> =
      typeof caller === 'string'
        ? { authorization: `Bearer ${caller}` }
        : { cookie: caller.cookie, 'x-csrf-token': caller.csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };

  /** Runs a request and returns the audit rows it wrote, as text (to search for secrets). */
  const audited = async <T>(request: () => Promise<T>) => {
    const last = await store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const result = await request();
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', Number(last?.id ?? 0))
      .execute();
    return { result, rows, text: JSON.stringify(rows) };
  };

  const secretFree = (text: string, ...secrets: string[]) => {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('scrypt$');
  };

  beforeAll(async () => {
    store = await backend.create();
    for (const [email, role] of [
      ['admin@example.com', 'admin'],
      ['manager@example.com', 'manager'],
      ['am@example.com', 'account_manager'],
      ['viewer@example.com', 'viewer'],
    ] as const) {
      const { user, password } = await addUser(store.db, { email, role });
      passwords[email] = password;
      ids[email] = user.id;
    }
    app = createApp({ db: store.db, log: () => {}, limiter: new LoginLimiter(100, 60_000) });
  });
  afterAll(() => store.drop());

  it('lets an admin create users who can then log in, with one audit entry and no password in it', async () => {
    const admin = await login('admin@example.com');
    const generated = await audited(() =>
      call(admin, 'POST', '/users', { email: 'New@Example.com', role: 'account_manager', name: 'Nina' }),
    );
    expect(generated.result.status).toBe(201);
    expect(generated.result.body.user).toMatchObject({
      email: 'new@example.com',
      role: 'account_manager',
      name: 'Nina',
    });
    const password = generated.result.body.password as string;
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await login('new@example.com', password)).status).toBe(200);
    expect(generated.rows).toHaveLength(1);
    expect(generated.rows[0]).toMatchObject({
      entity: 'user',
      action: 'create',
      actor_user_id: ids['admin@example.com'],
    });
    secretFree(generated.text, password);

    const chosen = await audited(() =>
      call(admin, 'POST', '/users', {
        email: 'own@example.com',
        role: 'viewer',
        password: 'chosen password 1',
      }),
    );
    expect(chosen.result.status).toBe(201);
    expect(chosen.result.body.password).toBeUndefined();
    expect((await login('own@example.com', 'chosen password 1')).status).toBe(200);
    expect(chosen.rows).toHaveLength(1);
    secretFree(chosen.text, 'chosen password 1');

    const duplicate = await call(admin, 'POST', '/users', { email: 'own@example.com', role: 'viewer' });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const short = await call(admin, 'POST', '/users', {
      email: 'x@example.com',
      role: 'viewer',
      password: 'short',
    });
    expect(short).toMatchObject({
      status: 400,
      body: { error: { code: 'validation', details: [{ field: 'password' }] } },
    });
    const list = await call(admin, 'GET', '/users');
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain('new@example.com');
    expect(JSON.stringify(list.body)).not.toContain('scrypt$');
  });

  it('refuses /users to every role but admin, and to a read-only admin token for writes', async () => {
    expect((await app.request('/api/v1/users')).status).toBe(401);
    for (const email of ['manager@example.com', 'am@example.com', 'viewer@example.com']) {
      const session = await login(email);
      const { rows } = await audited(async () => {
        expect((await call(session, 'GET', '/users')).status).toBe(403);
        expect(
          (await call(session, 'POST', '/users', { email: 'z@example.com', role: 'admin' })).status,
        ).toBe(403);
        expect(
          (await call(session, 'PATCH', `/users/${ids[email]}`, { role: 'admin', version: 1 })).status,
        ).toBe(403);
        expect((await call(session, 'POST', `/users/${ids[email]}/password-reset`)).status).toBe(403);
      });
      expect(rows).toHaveLength(0);
    }
    const { secret } = await createToken(
      store.db,
      { email: 'admin@example.com' },
      { name: 'report', scope: 'read' },
    );
    expect((await call(secret, 'GET', '/users')).status).toBe(200);
    expect(
      (await call(secret, 'PATCH', `/users/${ids['viewer@example.com']}`, { role: 'admin', version: 1 }))
        .status,
    ).toBe(403);
  });

  it('changes roles, audited before and after, and never demotes the last admin', async () => {
    const admin = await login('admin@example.com');
    const viewer = ids['viewer@example.com'];
    const { result, rows } = await audited(() =>
      call(admin, 'PATCH', `/users/${viewer}`, { role: 'manager', version: 1 }),
    );
    expect(result).toMatchObject({ status: 200, body: { id: viewer, role: 'manager', version: 2 } });
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.before!)).toMatchObject({ role: 'viewer' });
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ role: 'manager' });
    await call(admin, 'PATCH', `/users/${viewer}`, { role: 'viewer', version: 2 });
    const last = await call(admin, 'PATCH', `/users/${ids['admin@example.com']}`, {
      role: 'viewer',
      version: 1,
    });
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await call(admin, 'PATCH', '/users/99999', { role: 'viewer', version: 1 })).status).toBe(404);
    expect((await call(admin, 'PATCH', `/users/${viewer}`, { role: 'boss', version: 3 })).status).toBe(400);
  });

  it('resets a password: the new one is shown once, the old one and its sessions stop working', async () => {
    const admin = await login('admin@example.com');
    const { user } = await addUser(store.db, {
      email: 'reset@example.com',
      role: 'viewer',
      password: 'old password 12',
    });
    const before = await login('reset@example.com', 'old password 12');
    const { result, rows, text } = await audited(() =>
      call(admin, 'POST', `/users/${user.id}/password-reset`),
    );
    expect(result.status).toBe(200);
    const password = result.body.password as string;
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(rows).toHaveLength(1);
    secretFree(text, password, 'old password 12');
    expect((await login('reset@example.com', 'old password 12')).status).toBe(401);
    expect((await login('reset@example.com', password)).status).toBe(200);
    expect((await call(before, 'GET', '/auth/me')).status).toBe(401);
  });

  it('changes the own password: checks the current one, ends the other sessions', async () => {
    await addUser(store.db, { email: 'self@example.com', role: 'viewer', password: 'first password 1' });
    const other = await login('self@example.com', 'first password 1');
    const current = await login('self@example.com', 'first password 1');
    const wrong = await audited(() =>
      call(current, 'POST', '/auth/password', {
        currentPassword: 'not it',
        newPassword: 'second password 2',
      }),
    );
    expect(wrong.result).toMatchObject({
      status: 400,
      body: { error: { code: 'validation', details: [{ field: 'currentPassword' }] } },
    });
    expect(wrong.rows).toHaveLength(0);
    const short = await call(current, 'POST', '/auth/password', {
      currentPassword: 'first password 1',
      newPassword: 'short',
    });
    expect(short).toMatchObject({ status: 400, body: { error: { details: [{ field: 'newPassword' }] } } });
    const changed = await audited(() =>
      call(current, 'POST', '/auth/password', {
        currentPassword: 'first password 1',
        newPassword: 'second password 2',
      }),
    );
    expect(changed.result.status).toBe(204);
    expect(changed.rows).toHaveLength(1);
    expect(changed.rows[0]).toMatchObject({ entity: 'user', action: 'update' });
    secretFree(changed.text, 'first password 1', 'second password 2');
    expect((await call(other, 'GET', '/auth/me')).status).toBe(401);
    expect((await call(current, 'GET', '/auth/me')).status).toBe(200);
    expect((await login('self@example.com', 'first password 1')).status).toBe(401);
    expect((await login('self@example.com', 'second password 2')).status).toBe(200);
    const { secret } = await createToken(
      store.db,
      { email: 'self@example.com' },
      { name: 'ci', scope: 'write' },
    );
    const byToken = await call(secret, 'POST', '/auth/password', {
      currentPassword: 'second password 2',
      newPassword: 'third password 3',
    });
    expect(byToken.status).toBe(403);
  });

  it('manages the own API tokens: secret shown once, hidden in lists, revocable, not from read tokens', async () => {
    const manager = await login('manager@example.com');
    const created = await audited(() =>
      call(manager, 'POST', '/tokens', { name: 'ERP sync', scope: 'write' }),
    );
    expect(created.result.status).toBe(201);
    const { token, secret } = created.result.body as { token: { id: number }; secret: string };
    expect(secret).toMatch(/^kt_/);
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({
      entity: 'api_token',
      action: 'create',
      entity_id: String(token.id),
    });
    secretFree(created.text, secret);

    expect((await call(secret, 'GET', '/auth/me')).body).toMatchObject({
      via: 'token',
      user: { email: 'manager@example.com' },
    });
    const list = await call(manager, 'GET', '/tokens');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: token.id, name: 'ERP sync', scope: 'write' }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(JSON.stringify(list.body)).not.toContain('secret');

    // Someone else's token is not there to revoke.
    const viewer = await login('viewer@example.com');
    expect((await call(viewer, 'GET', '/tokens')).body.items).toEqual([]);
    const admin = await login('admin@example.com');
    expect((await call(admin, 'DELETE', `/tokens/${token.id}`)).status).toBe(404);

    const revoked = await audited(() => call(manager, 'DELETE', `/tokens/${token.id}`));
    expect(revoked.result.status).toBe(204);
    expect(revoked.rows).toHaveLength(1);
    expect(revoked.rows[0]).toMatchObject({ entity: 'api_token', action: 'delete' });
    secretFree(revoked.text, secret);
    expect((await call(secret, 'GET', '/auth/me')).status).toBe(401);
    expect((await call(manager, 'DELETE', `/tokens/${token.id}`)).status).toBe(404);

    const read = await createToken(store.db, { email: 'manager@example.com' }, { name: 'BI', scope: 'read' });
    const refused = await audited(() =>
      call(read.secret, 'POST', '/tokens', { name: 'escalate', scope: 'write' }),
    );
    expect(refused.result).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(refused.rows).toHaveLength(0);
    expect((await call(read.secret, 'GET', '/tokens')).status).toBe(200);
    const bad = await call(manager, 'POST', '/tokens', { name: 'x', scope: 'admin' });
    expect(bad).toMatchObject({ status: 400, body: { error: { details: [{ field: 'scope' }] } } });
  });

  it('shows settings to everyone and lets only admins change them, with field details', async () => {
    const viewer = await login('viewer@example.com');
    const read = await call(viewer, 'GET', '/settings');
    expect(read).toMatchObject({
      status: 200,
      body: { currency: 'EUR', abc: { aThreshold: expect.any(Number) } },
    });
    const bThreshold = read.body.abc.bThreshold as number;

    const admin = await login('admin@example.com');
    const one = await audited(() =>
      call(admin, 'PATCH', '/settings', { versions: { abc: 0 }, key: 'abc.aThreshold', value: 0.75 }),
    );
    expect(one.result).toMatchObject({ status: 200, body: { abc: { aThreshold: 0.75, bThreshold } } });
    expect(one.rows).toHaveLength(1);
    expect(one.rows[0]).toMatchObject({ entity: 'settings', action: 'update' });
    expect(JSON.parse(one.rows[0]!.after!)).toEqual({ abc: { aThreshold: 0.75, bThreshold } });
    expect((await call(viewer, 'GET', '/settings')).body.abc.aThreshold).toBe(0.75);

    const section = await audited(() =>
      call(admin, 'PATCH', '/settings', { versions: { cadence: 0 }, cadence: { greenMaxDays: 21 } }),
    );
    expect(section.result.body.cadence).toMatchObject({ greenMaxDays: 21, transactionalMinDays: 60 });
    expect(section.result.body.abc.aThreshold).toBe(0.75);
    expect(section.rows).toHaveLength(1);

    const manager = await login('manager@example.com');
    expect(
      (await call(manager, 'PATCH', '/settings', { versions: { abc: 1 }, key: 'abc.aThreshold', value: 0.7 }))
        .status,
    ).toBe(403);
    const invalid = await audited(() =>
      call(admin, 'PATCH', '/settings', { versions: { abc: 1 }, key: 'abc.aThreshold', value: 2 }),
    );
    expect(invalid.result).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'validation',
          details: expect.arrayContaining([expect.objectContaining({ field: 'abc.aThreshold' })]),
        },
      },
    });
    expect(invalid.rows).toHaveLength(0);
    const unknown = await call(admin, 'PATCH', '/settings', {
      versions: { abc: 1 },
      key: 'abc.nope',
      value: 1,
    });
    expect(unknown).toMatchObject({ status: 400, body: { error: { details: [{ field: 'abc.nope' }] } } });
    expect(
      (await call(admin, 'PATCH', '/settings', { versions: { abc: 1 }, key: 'abc.aThreshold' })).status,
    ).toBe(400);
    expect((await call(admin, 'PATCH', '/settings', { versions: {}, colour: 'red' })).status).toBe(400);
    expect((await call(viewer, 'GET', '/settings')).body.abc.aThreshold).toBe(0.75);
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/users/{id}/password-reset',
        '/api/v1/auth/password',
        '/api/v1/tokens',
        '/api/v1/tokens/{id}',
        '/api/v1/settings',
      ]),
    );
  });
});
