import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertRows } from '../../src/db/insert-rows.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

describeEachBackend('insertRows', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await backend.create();
  });
  afterEach(async () => {
    await store.drop();
  });

  const account = (i: number) => ({
    id: `K${String(i).padStart(5, '0')}`,
    name: i % 7 === 0 ? '' : `Customer ${i}`,
    segment: i % 3 === 0 ? null : 'Retail',
    attributes: '{}',
    edited_fields: '[]',
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
  });

  it('writes every row, over several statements, with empty strings kept and missing values NULL', async () => {
    // 8 columns: 4,000 rows per statement, so 9,001 rows take three statements, the last of one row.
    const rows = Array.from({ length: 9_001 }, (_, i) => account(i));
    const columns = [
      'id',
      'name',
      'segment',
      'region',
      'attributes',
      'edited_fields',
      'created_at',
      'updated_at',
    ] as const;
    await store.db.transaction().execute((trx) => insertRows(trx, 'accounts', columns, rows));
    const stored = await store.db
      .selectFrom('accounts')
      .select(['id', 'name', 'segment', 'region', 'version'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual(
      rows.map((r) => ({ id: r.id, name: r.name, segment: r.segment, region: null, version: 1 })),
    );
  });

  it('writes nothing for no rows', async () => {
    await insertRows(store.db, 'accounts', ['id'], []);
    expect(await store.db.selectFrom('accounts').select('id').execute()).toEqual([]);
  });

  it('with skipExisting leaves rows whose key is taken as they are and adds the others', async () => {
    const columns = ['id', 'name', 'attributes', 'edited_fields', 'created_at', 'updated_at'] as const;
    await insertRows(store.db, 'accounts', columns, [account(1), account(2)]);
    const renamed = (i: number) => ({ ...account(i), name: `Renamed ${i}` });
    // Also inside a transaction, where SQLite's inserts otherwise use OR FAIL.
    await store.db
      .transaction()
      .execute((trx) =>
        insertRows(trx, 'accounts', columns, [renamed(2), renamed(3)], { skipExisting: true }),
      );
    const stored = await store.db.selectFrom('accounts').select(['id', 'name']).orderBy('id').execute();
    expect(stored).toEqual([
      { id: 'K00001', name: 'Customer 1' },
      { id: 'K00002', name: 'Customer 2' },
      { id: 'K00003', name: 'Renamed 3' },
    ]);
    await expect(insertRows(store.db, 'accounts', columns, [renamed(3)])).rejects.toThrow();
  });

  it('takes rows made one at a time', async () => {
    await insertRows(
      store.db,
      'accounts',
      ['id', 'name', 'attributes', 'edited_fields', 'created_at', 'updated_at'],
      {
        length: 3,
        at: (i) => account(i + 10),
      },
    );
    const stored = await store.db.selectFrom('accounts').select('id').orderBy('id').execute();
    expect(stored.map((row) => row.id)).toEqual(['K00010', 'K00011', 'K00012']);
  });
});
