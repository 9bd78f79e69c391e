import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { createApp } from '../../src/server/app.js';
import { LoginLimiter } from '../../src/server/rate-limit.js';
import { createToken, revokeToken } from '../../src/tokens/token.service.js';
import { addUser } from '../../src/users/user.service.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

describeEachBackend('HTTP API foundation', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const logs: string[] = [];
  let password: string;

  const login = async (email = 'anna@example.com', secret = password, target = app) => {
    const response = await target.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: secret }),
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    const body = (await response.json()) as { csrfToken?: string; error?: { code: string } };
    return { response, cookie, csrf: body.csrfToken ?? '', body };
  };

  beforeAll(async () => {
    store = await backend.create();
    ({ password } = await addUser(store.db, { email: 'anna@example.com', role: 'manager' }));
    await upsertImportedAccounts(
      store.db,
      [
        { id: 'K1', name: 'Müller Maschinenbau GmbH', segment: 'Industry', region: 'DACH', owner: 'Eva' },
        { id: 'K2', name: 'Nordström Verktyg AB', segment: 'Retail', region: 'Nordics', owner: 'Lars' },
        { id: 'K3', name: 'Łódzkie Zakłady 50%_off', segment: 'Industry', region: 'Poland', owner: 'Eva' },
      ],
      new Date().toISOString(),
    );
    app = createApp({ db: store.db, log: (line) => logs.push(line), limiter: new LoginLimiter(5, 60_000) });
  });
  afterAll(() => store.drop());

  it('answers health checks, sends security headers, and serves the web app at / and its routes', async () => {
    for (const page of ['/', '/accounts/K1']) {
      const front = await app.request(page);
      expect(front.status, page).toBe(200);
      expect(await front.text()).toContain('<div id="root"></div>');
      expect(front.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const unknownApi = await app.request('/api/v2/nothing');
    expect(unknownApi.status).toBe(404);
    expect(((await unknownApi.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(ready.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(ready.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ready.headers.get('referrer-policy')).toBe('same-origin');
    expect(ready.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs in with an http-only same-site cookie, needs the CSRF token for writes, logs out', async () => {
    const { response, cookie, csrf } = await login();
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /kontor_session=.+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const me = await app.request('/api/v1/auth/me', { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      user: { email: 'anna@example.com', role: 'manager' },
      via: 'session',
      csrfToken: csrf,
    });
    const forged = await app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'forbidden' } });
    const out = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect((await app.request('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('limits failed logins per account and per address, never revealing which e-mails exist', async () => {
    // Its own limiter: in-process requests all come from one "address".
    const limited = createApp({ db: store.db, log: () => {}, limiter: new LoginLimiter(5, 60_000) });
    const wrong = await login('anna@example.com', 'not the password', limited);
    const unknown = await login('nobody@example.com', 'not the password', limited);
    expect(wrong.response.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 3; i++) await login('anna@example.com', 'still wrong', limited);
    const blocked = await login('anna@example.com', password, limited);
    expect(blocked.response.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited' } });
    // The address is blocked too, whatever the e-mail.
    expect((await login('someone@example.com', 'x', limited)).response.status).toBe(429);
  });

  it('accepts API tokens as Bearer, refuses revoked and unknown ones', async () => {
    const { token, secret } = await createToken(
      store.db,
      { email: 'anna@example.com' },
      { name: 'ERP', scope: 'read' },
    );
    const me = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(await me.json()).toMatchObject({ via: 'token', user: { email: 'anna@example.com' } });
    const user = (
      await store.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'anna@example.com')
        .executeTakeFirstOrThrow()
    ).id;
    await revokeToken(store.db, user, token.id);
    expect(
      (await app.request('/api/v1/accounts', { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(401);
    expect(
      (await app.request('/api/v1/accounts', { headers: { authorization: 'Bearer kt_nonsense' } })).status,
    ).toBe(401);
  });

  it('lists accounts with paging, sorting, filters and search, and shows one', async () => {
    const { cookie } = await login();
    expect((await app.request('/api/v1/accounts')).status).toBe(401);
    const page = await app.request('/api/v1/accounts?sort=name&size=2', { headers: { cookie } });
    const body = (await page.json()) as { items: { id: string }[]; total: number };
    expect(body.total).toBe(3);
    // Code-point order on both backends (Ł sorts after N): the same answer from SQLite and PostgreSQL.
    expect(body.items.map((a) => a.id)).toEqual(['K1', 'K2']);
    const eva = (await (
      await app.request('/api/v1/accounts?owner=Eva&sort=id&order=desc', { headers: { cookie } })
    ).json()) as { items: { id: string }[] };
    expect(eva.items.map((a) => a.id)).toEqual(['K3', 'K1']);
    const search = (await (
      await app.request('/api/v1/accounts?search=50%25_', { headers: { cookie } })
    ).json()) as { items: { id: string }[] };
    expect(search.items.map((a) => a.id)).toEqual(['K3']);
    const one = await app.request('/api/v1/accounts/K2', { headers: { cookie } });
    expect(await one.json()).toMatchObject({ id: 'K2', name: 'Nordström Verktyg AB', version: 1 });
    const missing = await app.request('/api/v1/accounts/NOPE', { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses unknown and invalid parameters with field details, and unknown routes with JSON', async () => {
    const { cookie } = await login();
    const unknown = await app.request('/api/v1/accounts?colour=red', { headers: { cookie } });
    expect(unknown.status).toBe(400);
    const big = await app.request('/api/v1/accounts?size=100000', { headers: { cookie } });
    expect(await big.json()).toMatchObject({ error: { code: 'validation', details: [{ field: 'size' }] } });
    const extra = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'x', admin: true }),
    });
    expect(extra.status).toBe(400);
    const nowhere = await app.request('/api/v1/nowhere', { headers: { cookie } });
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves the interactive API reference from local files, without inline scripts', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(
      /default-src 'self'; style-src 'self' 'unsafe-inline'/,
    );
    expect(await page.text()).not.toMatch(/<script>(?!<)/);
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await app.request('/api/docs/package.json')).status).toBe(404);
  });

  it('logs one JSON line per request, never secrets', async () => {
    logs.length = 0;
    await login();
    const line = JSON.parse(logs.at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({
      method: 'POST',
      path: '/api/v1/auth/login',
      status: 200,
      user: expect.any(Number),
    });
    expect(typeof line.ms).toBe('number');
    expect(logs.join('\n')).not.toContain(password);
    expect(logs.join('\n')).not.toContain('kontor_session');
  });

  it('documents every route the server has in the OpenAPI 3.1 document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(5);
    // Valid against the official OpenAPI 3.1 JSON schema, checked by a maintained validator.
    const validation = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(validation.errors ?? [], JSON.stringify(validation.errors)).toEqual([]);
    expect(validation.valid).toBe(true);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    for (const route of served) expect(documented, route).toContain(route);
  });
});
