import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { createApp } from '../../src/server/app.js';
import { loginAs } from '../helpers/api.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

describeEachBackend('account facets API', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let headers: Record<string, string>;

  const get = async (path: string, auth = headers) => {
    const response = await app.request(`/api/v1/accounts/${path}`, { headers: auth });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({ db: store.db, log: () => {} });
    headers = (await loginAs(app, store.db, 'viewer')).headers;
  });
  afterAll(() => store.drop());

  it('lists nothing for a workspace without accounts', async () => {
    expect(await get('facets')).toEqual({
      status: 200,
      body: { segments: [], regions: [], owners: [] },
    });
  });

  it('gives each distinct segment, region and owner with its account count, sorted, without blanks', async () => {
    const account = (id: string, segment: string | null, region: string | null, owner: string | null) => ({
      id,
      name: `Kunde ${id}`,
      segment,
      region,
      owner,
    });
    await upsertImportedAccounts(
      store.db,
      [
        account('K1', 'Retail', 'DACH', 'Örjan Berg'),
        account('K2', 'energy', 'Nordics', 'anna Nowak'),
        account('K3', 'Retail', 'DACH', null),
        account('K4', null, 'Poland', 'Zofia Wiśniewska'),
        account('K5', 'Segment 10', null, 'anna Nowak'),
        account('K6', 'Segment 9', 'DACH', 'Örjan Berg'),
      ],
      new Date().toISOString(),
    );
    const { status, body } = await get('facets');
    expect(status).toBe(200);
    // One order on both backends: case-insensitive, numbers by value (9 before 10).
    expect(body).toEqual({
      segments: [
        { value: 'energy', count: 1 },
        { value: 'Retail', count: 2 },
        { value: 'Segment 9', count: 1 },
        { value: 'Segment 10', count: 1 },
      ],
      regions: [
        { value: 'DACH', count: 3 },
        { value: 'Nordics', count: 1 },
        { value: 'Poland', count: 1 },
      ],
      owners: [
        { value: 'anna Nowak', count: 2 },
        { value: 'Örjan Berg', count: 2 },
        { value: 'Zofia Wiśniewska', count: 1 },
      ],
    });
  });

  it('is not taken for an account id, refuses parameters and needs a caller', async () => {
    expect((await get('K1')).body).toMatchObject({ id: 'K1' });
    expect(await get('facets?segment=Retail')).toMatchObject({
      status: 400,
      body: { error: { code: 'validation' } },
    });
    expect((await get('facets', {})).status).toBe(401);
  });
});
