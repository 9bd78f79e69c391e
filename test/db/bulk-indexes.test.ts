import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { upsertImportedAccounts } from '../../src/accounts/account.repository.js';
import { BULK_ROWS, withIndexesRebuilt } from '../../src/db/bulk-indexes.js';
import type { Database } from '../../src/db/schema.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

/** Every index of a table with its definition, as the catalog tells it. */
async function indexesOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const result = postgres
    ? await sql<{ d: string }>`select indexdef as d from pg_indexes where tablename = ${table}`.execute(db)
    : await sql<{ d: string }>`select name || ': ' || coalesce(sql, '(key)') as d from sqlite_master
        where type = 'index' and tbl_name = ${table}`.execute(db);
  return result.rows.map((row) => row.d).sort();
}

/** Whether the planner uses an index to find accounts by segment (it would scan without one). */
async function segmentLookupUsesIndex(db: Kysely<Database>): Promise<boolean> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`analyze accounts`.execute(db);
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select id from accounts where segment = 'Segment 3'`.execute(db);
    return plan.rows.some((row) => /accounts_segment/.test(row['QUERY PLAN']));
  }
  const plan = await sql<{ detail: string }>`
    explain query plan select id from accounts where segment = 'Segment 3'`.execute(db);
  return plan.rows.some((row) => /accounts_segment/.test(row.detail));
}

const imported = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, i) => ({
    id: `K${String(i + offset).padStart(6, '0')}`,
    name: `Customer ${i + offset}`,
    segment: `Segment ${(i + offset) % 40}`,
    region: 'DACH',
    owner: null,
  }));

describeEachBackend('bulk writes with indexes rebuilt', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await backend.create();
  });
  afterEach(async () => {
    await store.drop();
  });

  it('a first import of many accounts leaves every index as the migrations made it, and in use', async () => {
    const before = await indexesOf(store.db, 'accounts');
    const now = '2026-01-01T00:00:00.000Z';
    const counts = await store.db
      .transaction()
      .execute((trx) => upsertImportedAccounts(trx, imported(BULK_ROWS + 1), now));
    expect(counts).toEqual({ created: BULK_ROWS + 1, updated: 0 });
    expect(await indexesOf(store.db, 'accounts')).toEqual(before);
    expect(await segmentLookupUsesIndex(store.db)).toBe(true);
    const found = await store.db
      .selectFrom('accounts')
      .select(({ fn }) => fn.countAll().as('n'))
      .where('segment', '=', 'Segment 3')
      .executeTakeFirstOrThrow();
    expect(Number(found.n)).toBe(Math.ceil((BULK_ROWS + 1 - 3) / 40));
    // A later import with some new accounts among the known ones: both kinds are counted.
    const later = await store.db
      .transaction()
      .execute((trx) => upsertImportedAccounts(trx, imported(BULK_ROWS + 500, 100), now));
    expect(later.created).toBe(599);
    expect(await indexesOf(store.db, 'accounts')).toEqual(before);
  });

  it('a write that fails leaves the indexes and the rows as they were', async () => {
    const before = await indexesOf(store.db, 'accounts');
    await expect(
      store.db.transaction().execute(async (trx) => {
        await withIndexesRebuilt(trx, 'accounts', async () => {
          await upsertImportedAccounts(trx, imported(10), '2026-01-01T00:00:00.000Z');
          throw new Error('disk full');
        });
      }),
    ).rejects.toThrow('disk full');
    expect(await indexesOf(store.db, 'accounts')).toEqual(before);
    const rows = await store.db.selectFrom('accounts').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('refuses to run outside a transaction, where readers would see the table without its indexes', async () => {
    await expect(withIndexesRebuilt(store.db, 'accounts', async () => 0)).rejects.toThrow(/transaction/);
  });
});
