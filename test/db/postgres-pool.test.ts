import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres, poolSettings } from '../../src/db/connect.js';
import { BACKENDS, POSTGRES_URL } from '../helpers/backends.js';

describe('PostgreSQL pool settings', () => {
  it('holds 10 connections unless KONTOR_DB_POOL says otherwise, and keeps two open when idle', () => {
    expect(poolSettings({})).toEqual({ max: 10, min: 2, idleTimeoutMillis: 60_000 });
    expect(poolSettings({ KONTOR_DB_POOL: '25' })).toMatchObject({ max: 25, min: 2 });
    expect(poolSettings({ KONTOR_DB_POOL: '1' })).toMatchObject({ max: 1, min: 1 });
  });

  it('refuses a pool size that is not a number of connections', () => {
    for (const value of ['0', 'ten', '2.5', '-3'])
      expect(() => poolSettings({ KONTOR_DB_POOL: value })).toThrow(/KONTOR_DB_POOL/);
  });
});

const live = POSTGRES_URL ? describe : describe.skip;
live(`PostgreSQL pool${POSTGRES_URL ? '' : ' [skipped, KONTOR_TEST_DATABASE_URL is not set]'}`, () => {
  it('survives the server ending its idle connections, and opens new ones', async () => {
    const test = await BACKENDS.find((b) => b.name === 'postgres')!.create();
    const store = openPostgres(test.databaseUrl!);
    const ask = async () => (await store.db.selectFrom('settings').select('key').execute()).length;
    try {
      expect(await ask()).toBe(0);
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      const name = new URL(test.databaseUrl!).pathname.slice(1);
      const { rowCount } = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = $2',
        [name, ''],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the idle connections hear of it
      expect(await ask()).toBe(0);
    } finally {
      await store.close();
      await test.drop();
    }
  });
});
