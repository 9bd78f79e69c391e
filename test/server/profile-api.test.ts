import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/tokens/token.service.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

describeEachBackend('own profile (PATCH /auth/me) and role changes with versions', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Caller;
  let viewer: Caller;

  const call = async (who: Caller | string | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> =
      typeof who === 'string' ? { authorization: `Bearer ${who}` } : { ...(who?.headers ?? {}) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: responses are inspected loosely
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const me = async (who: Caller) => (await call(who, 'GET', '/auth/me')).body.user;
  const userAudit = (id: number) =>
    store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, log: () => {} });
    admin = await loginAs(app, store.db, 'admin');
    viewer = await loginAs(app, store.db, 'viewer');
  });
  afterAll(() => store.drop());

  it('saves the own language and name, viewers included, with one audit entry', async () => {
    const before = await me(viewer);
    expect(before).toMatchObject({ language: 'en', version: 1 });
    const changed = await call(viewer, 'PATCH', '/auth/me', {
      version: 1,
      language: 'de',
      name: '  Vera V.  ',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({
      id: viewer.userId,
      language: 'de',
      name: 'Vera V.',
      version: 2,
    });
    expect(await me(viewer)).toMatchObject({ language: 'de', name: 'Vera V.', version: 2 });
    const audit = await userAudit(viewer.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', actor_user_id: viewer.userId });
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ language: 'en' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ language: 'de', name: 'Vera V.' });
    expect(audit[0]!.after).not.toContain('scrypt$');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const stale = await call(viewer, 'PATCH', '/auth/me', { version: 1, language: 'en' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'version' }] });
    expect(await me(viewer)).toMatchObject({ language: 'de', version: 2 });
    expect(await userAudit(viewer.userId)).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous changes with the same version win', async () => {
    const { version } = await me(viewer);
    const results = await Promise.all(
      ['en', 'de'].map((language) => call(viewer, 'PATCH', '/auth/me', { version, language })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await me(viewer)).version).toBe(version + 1);
  });

  it('validates strictly: unknown fields, languages, empty names, nothing to change', async () => {
    const { version } = await me(viewer);
    for (const body of [
      { version, language: 'fr' },
      { version, role: 'admin' },
      { version, name: '   ' },
      { version },
      { language: 'de' },
    ]) {
      const result = await call(viewer, 'PATCH', '/auth/me', body);
      expect(result.status, JSON.stringify(body)).toBe(400);
    }
    expect((await me(viewer)).role).toBe('viewer');
  });

  it('takes write tokens but not read-only tokens or anonymous callers', async () => {
    const read = await createToken(store.db, { email: 'admin@example.com' }, { name: 'ro', scope: 'read' });
    const write = await createToken(store.db, { email: 'admin@example.com' }, { name: 'rw', scope: 'write' });
    const { version } = await me(admin);
    expect((await call(read.secret, 'PATCH', '/auth/me', { version, language: 'de' })).status).toBe(403);
    expect((await call(null, 'PATCH', '/auth/me', { version, language: 'de' })).status).toBe(401);
    const ok = await call(write.secret, 'PATCH', '/auth/me', { version, language: 'de' });
    expect(ok).toMatchObject({ status: 200, body: { user: { language: 'de', version: version + 1 } } });
  });

  it('changes a role only at the version the admin read', async () => {
    const target = (await me(viewer)) as { id: number; version: number };
    const stale = await call(admin, 'PATCH', `/users/${target.id}`, {
      role: 'manager',
      version: target.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([expect.objectContaining({ field: 'version' })]);
    expect((await me(viewer)).role).toBe('viewer');
    const missing = await call(admin, 'PATCH', `/users/${target.id}`, { role: 'manager' });
    expect(missing.status).toBe(400);
    const ok = await call(admin, 'PATCH', `/users/${target.id}`, {
      role: 'manager',
      version: target.version,
    });
    expect(ok).toMatchObject({ status: 200, body: { role: 'manager', version: target.version + 1 } });
    // A profile edit raises the version too, so an admin's stale role change cannot undo it silently.
    await call(viewer, 'PATCH', '/auth/me', { version: target.version + 1, name: 'Vera' });
    const again = await call(admin, 'PATCH', `/users/${target.id}`, {
      role: 'viewer',
      version: target.version + 1,
    });
    expect(again.status).toBe(409);
  });
});
