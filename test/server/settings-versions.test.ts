import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { setSetting } from '../../src/settings/setting.service.js';
import { type Caller, loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';

type Body = Record<string, unknown> & {
  error?: { code: string; details: { field?: string; message: string }[] };
  versions?: Record<string, number>;
};

describeEachBackend('settings: versions per section (optimistic concurrency)', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: Caller;
  let otherAdmin: Caller;

  const call = async (who: Caller, method: string, body?: unknown) => {
    const headers: Record<string, string> = { ...who.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request('/api/v1/settings', {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: responses are inspected loosely
    return { status: response.status, body: (await response.json()) as Body & any };
  };
  const auditCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity', '=', 'settings')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, log: () => {} });
    admin = await loginAs(app, store.db, 'admin');
    otherAdmin = await loginAs(app, store.db, 'admin', 'second-admin@example.com');
  });
  afterAll(() => store.drop());

  it('answers every section at version 0 with the method defaults beside the values', async () => {
    const { status, body } = await call(admin, 'GET');
    expect(status).toBe(200);
    expect(body.versions).toMatchObject({ abc: 0, currency: 0, cadence: 0, potential: 0 });
    expect(Object.keys(body.versions).sort()).toEqual(
      Object.keys(body)
        .filter((key) => key !== 'versions' && key !== 'defaults')
        .sort(),
    );
    expect(body.defaults.abc).toEqual({ aThreshold: 0.8, bThreshold: 0.95 });
    expect(body.defaults.cadence).toEqual({
      greenMaxDays: 30,
      transactionalMinDays: 60,
      transactionalMaxDays: 90,
    });
  });

  it('requires the version of every changed section', async () => {
    const without = await call(admin, 'PATCH', { abc: { aThreshold: 0.7 } });
    expect(without.status).toBe(400);
    expect(without.body.error.details).toEqual([expect.objectContaining({ field: 'versions' })]);
    const wrongSection = await call(admin, 'PATCH', { versions: { cadence: 0 }, abc: { aThreshold: 0.7 } });
    expect(wrongSection.status).toBe(400);
    expect(wrongSection.body.error.details).toEqual([{ field: 'versions.abc', message: 'required' }]);
    expect((await call(admin, 'PATCH', { versions: { colour: 1 }, abc: {} })).status).toBe(400);
    expect(await auditCount()).toBe(0);
  });

  it('refuses a stale write with 409 and keeps the first writer’s value', async () => {
    const first = await call(admin, 'PATCH', { versions: { abc: 0 }, abc: { aThreshold: 0.7 } });
    expect(first.status).toBe(200);
    expect(first.body.versions.abc).toBe(1);
    expect(first.body.abc.aThreshold).toBe(0.7);
    const second = await call(otherAdmin, 'PATCH', { versions: { abc: 0 }, abc: { aThreshold: 0.6 } });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'conflict',
      details: [{ field: 'versions.abc', message: 'you sent version 0, the section is at 1' }],
    });
    expect((await call(admin, 'GET')).body.abc.aThreshold).toBe(0.7);
    expect(await auditCount()).toBe(1);
    // Another section is not affected by the change to abc.
    const cadence = await call(otherAdmin, 'PATCH', {
      versions: { cadence: 0 },
      cadence: { greenMaxDays: 21 },
    });
    expect(cadence.status).toBe(200);
    expect(cadence.body.versions).toMatchObject({ abc: 1, cadence: 1 });
  });

  it('writes nothing when one of several sections is stale', async () => {
    const result = await call(admin, 'PATCH', {
      versions: { currency: 0, hourlyCost: 0, abc: 0 },
      currency: 'SEK',
      hourlyCost: 95,
    });
    expect(result.status).toBe(409);
    expect(result.body.error.details).toEqual([expect.objectContaining({ field: 'versions.abc' })]);
    const now = await call(admin, 'GET');
    expect(now.body).toMatchObject({
      currency: 'EUR',
      hourlyCost: 0,
      versions: { currency: 0, hourlyCost: 0 },
    });
    const together = await call(admin, 'PATCH', {
      versions: { currency: 0, hourlyCost: 0 },
      currency: 'SEK',
      hourlyCost: 95,
    });
    expect(together.body).toMatchObject({
      currency: 'SEK',
      hourlyCost: 95,
      versions: { currency: 1, hourlyCost: 1 },
    });
  });

  it('lets exactly one of two simultaneous writers of a section win', async () => {
    const before = (await call(admin, 'GET')).body.versions.warnings as number;
    const results = await Promise.all(
      [0.15, 0.2].map((share, i) =>
        call(i === 0 ? admin : otherAdmin, 'PATCH', {
          versions: { warnings: before },
          warnings: { largestCustomerMaxShare: share },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const now = await call(admin, 'GET');
    expect(now.body.warnings.largestCustomerMaxShare).toBe(winner.body.warnings.largestCustomerMaxShare);
    expect(now.body.versions.warnings).toBe(before + 1);
  });

  it('reports invalid values by field, in words the form can show', async () => {
    const version = (await call(admin, 'GET')).body.versions as Record<string, number>;
    const share = await call(admin, 'PATCH', { versions: { abc: version.abc }, abc: { aThreshold: 1.5 } });
    expect(share.status).toBe(400);
    expect(share.body.error.details).toContainEqual({
      field: 'abc.aThreshold',
      message: 'must be at most 100%',
    });
    const order = await call(admin, 'PATCH', {
      versions: { abc: version.abc },
      abc: { aThreshold: 0.9, bThreshold: 0.85 },
    });
    expect(order.body.error.details).toContainEqual(expect.objectContaining({ field: 'abc.bThreshold' }));
    const cadence = await call(admin, 'PATCH', {
      versions: { cadence: version.cadence },
      cadence: { transactionalMinDays: 100, transactionalMaxDays: 90 },
    });
    expect(cadence.body.error.details).toContainEqual(
      expect.objectContaining({ field: 'cadence.transactionalMaxDays' }),
    );
    const whole = await call(admin, 'PATCH', {
      versions: { potential: 0 },
      potential: { horizonWeeks: 2.5 },
    });
    expect(whole.body.error.details).toContainEqual({
      field: 'potential.horizonWeeks',
      message: 'must be a whole number',
    });
    expect((await call(admin, 'GET')).body.versions).toEqual(version);
  });

  it('keeps the CLI writing without a version, which makes an open editor stale', async () => {
    const read = (await call(admin, 'GET')).body.versions.greenCircle as number;
    await setSetting(store.db, 'greenCircle.revenueTopShare', 0.3);
    const cli = await runCli(['settings', 'set', 'greenCircle.marginTopShare', '0.25'], {
      dataDir: store.dataDir,
      databaseUrl: store.databaseUrl,
    });
    expect(cli).toMatchObject({ code: 0, stdout: 'greenCircle.marginTopShare = 0.25\n' });
    const now = await call(admin, 'GET');
    expect(now.body.greenCircle).toEqual({ revenueTopShare: 0.3, marginTopShare: 0.25 });
    expect(now.body.versions.greenCircle).toBe(read + 2);
    const stale = await call(admin, 'PATCH', {
      versions: { greenCircle: read },
      greenCircle: { revenueTopShare: 0.2 },
    });
    expect(stale.status).toBe(409);
  });
});
