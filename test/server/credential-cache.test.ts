import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { CredentialCache, forgetCredentials } from '../../src/server/credential-cache.js';
import { LoginLimiter } from '../../src/server/rate-limit.js';
import { createToken } from '../../src/tokens/token.service.js';
import { setRole } from '../../src/users/user.service.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

describe('CredentialCache', () => {
  it('keeps a value for its time to live, and never past the credential expiry', async () => {
    let now = 1_000;
    const cache = new CredentialCache<string>(10_000, () => now);
    let loads = 0;
    const load = async () => ({ value: `v${++loads}` });
    expect(await cache.get('a', load)).toBe('v1');
    now += 9_999;
    expect(await cache.get('a', load)).toBe('v1');
    now += 1;
    expect(await cache.get('a', load)).toBe('v2');
    expect(await cache.get('b', async () => ({ value: 'session', expiresAt: now + 500 }))).toBe('session');
    now += 500;
    expect(await cache.get('b', async () => null)).toBeNull();
  });

  it('does not remember unknown credentials', async () => {
    const cache = new CredentialCache<string>();
    expect(await cache.get('guess', async () => null)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('does not keep what a lookup read while a change was being made', async () => {
    const cache = new CredentialCache<string>();
    let finish!: (value: { value: string }) => void;
    const pending = cache.get('a', () => new Promise((resolve) => (finish = resolve)));
    cache.clear(); // a revoke committed while the lookup was on its way
    finish({ value: 'read before the revoke' });
    expect(await pending).toBe('read before the revoke');
    expect(cache.size).toBe(0);
    expect(await cache.get('a', async () => ({ value: 'fresh' }))).toBe('fresh');
    expect(cache.size).toBe(1);
  });
});

describeEachBackend('Cached credentials end at once', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Caller;
  let manager: Caller;

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, log: () => {}, limiter: new LoginLimiter() });
    admin = await loginAs(app, store.db, 'admin');
    manager = await loginAs(app, store.db, 'manager');
    const now = new Date().toISOString();
    await store.db
      .insertInto('accounts')
      .values({
        id: 'K1',
        name: 'Kunde',
        attributes: '{}',
        edited_fields: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(() => store.drop());

  const call = async (headers: Record<string, string>, method: string, path: string, body?: unknown) => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const newToken = (scope = 'write') =>
    createToken(store.db, { userId: manager.userId }, { name: `t${Math.random()}`, scope });

  it('remembers a token between requests (a change behind its back shows only after forgetting)', async () => {
    const { token, secret } = await newToken();
    expect((await call(bearer(secret), 'GET', '/auth/me')).status).toBe(200);
    // As another process would (the CLI beside the server): this process does not hear of it.
    await store.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', token.id)
      .execute();
    expect((await call(bearer(secret), 'GET', '/auth/me')).status).toBe(200);
    forgetCredentials();
    expect((await call(bearer(secret), 'GET', '/auth/me')).status).toBe(401);
  });

  it('refuses a token revoked through the API with the very next request', async () => {
    const { token, secret } = await newToken();
    const other = await newToken();
    expect((await call(bearer(secret), 'GET', '/accounts')).status).toBe(200);
    expect((await call(bearer(other.secret), 'DELETE', `/tokens/${token.id}`)).status).toBe(204);
    expect((await call(bearer(secret), 'GET', '/accounts')).status).toBe(401);
    expect((await call(bearer(other.secret), 'GET', '/accounts')).status).toBe(200);
  });

  it('refuses a session cookie right after logout', async () => {
    const session = await loginAs(app, store.db, 'viewer', 'leaving@example.com');
    expect((await call(session.headers, 'GET', '/auth/me')).status).toBe(200);
    expect((await call(session.headers, 'POST', '/auth/logout')).status).toBe(204);
    expect((await call(session.headers, 'GET', '/auth/me')).status).toBe(401);
  });

  it('applies a role change to cached sessions and tokens at once', async () => {
    const { secret } = await newToken();
    const me = await call(manager.headers, 'GET', '/auth/me');
    expect(me.body.user.role).toBe('manager');
    const activity = { type: 'call', date: '2026-01-15', durationMinutes: 5 };
    expect((await call(bearer(secret), 'POST', '/accounts/K1/activities', activity)).status).toBe(201);
    const changed = await call(admin.headers, 'PATCH', `/users/${manager.userId}`, {
      role: 'viewer',
      version: me.body.user.version,
    });
    expect(changed.status).toBe(200);
    expect((await call(manager.headers, 'GET', '/auth/me')).body.user.role).toBe('viewer');
    expect((await call(bearer(secret), 'POST', '/accounts/K1/activities', activity)).status).toBe(403);
    // The CLI's set-role run in this process (kontor user set-role) is seen at once too.
    await setRole(store.db, 'manager@example.com', 'manager');
    expect((await call(manager.headers, 'GET', '/auth/me')).body.user.role).toBe('manager');
    expect((await call(bearer(secret), 'POST', '/accounts/K1/activities', activity)).status).toBe(201);
  });

  it('shows the own new name at once (PATCH /auth/me)', async () => {
    const { secret } = await newToken();
    const me = await call(bearer(secret), 'GET', '/auth/me');
    const renamed = await call(manager.headers, 'PATCH', '/auth/me', {
      name: 'Renamed',
      version: me.body.user.version,
    });
    expect(renamed.status).toBe(200);
    expect((await call(bearer(secret), 'GET', '/auth/me')).body.user.name).toBe('Renamed');
    expect((await call(manager.headers, 'GET', '/auth/me')).body.user.name).toBe('Renamed');
  });

  it('ends cached sessions when an admin resets the password', async () => {
    const user = await loginAs(app, store.db, 'account_manager');
    expect((await call(user.headers, 'GET', '/auth/me')).status).toBe(200);
    expect((await call(admin.headers, 'POST', `/users/${user.userId}/password-reset`)).status).toBe(200);
    expect((await call(user.headers, 'GET', '/auth/me')).status).toBe(401);
  });
});
