import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStatements } from '../../src/db/pg-prepared.js';
import { POSTGRES_URL } from '../helpers/backends.js';

const suite = POSTGRES_URL ? describe : describe.skip;

suite(`PostgreSQL named statements${POSTGRES_URL ? '' : ' [skipped, KONTOR_TEST_DATABASE_URL is not set]'}`, () => {
  let db: Kysely<{ t: { a: number; b?: number } }>;
  const table = `prepared_${process.pid}`;
  const prepared = async () =>
    (
      await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements order by prepare_time`.execute(db)
    ).rows.map((row) => row.statement);

  beforeAll(async () => {
    // One connection, so pg_prepared_statements (per session) shows what this pool prepared.
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    prepareStatements(pool);
    db = new Kysely({ dialect: new PostgresDialect({ pool }) }).withTables<{
      [table]: { a: number };
    }>() as never;
    await sql`create table ${sql.table(table)} (a integer)`.execute(db);
    await sql`insert into ${sql.table(table)} values (1), (2), (3)`.execute(db);
  });
  afterAll(async () => {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
    await db.destroy();
  });

  it('prepares a query once per connection and then only executes it', async () => {
    for (const a of [1, 2, 3, 2]) {
      const { rows } = await sql<{ a: number }>`select a from ${sql.table(table)} where a = ${a}`.execute(db);
      expect(rows).toEqual([{ a }]);
    }
    const statements = (await prepared()).filter((s) => s.startsWith(`select a from "${table}"`));
    expect(statements).toEqual([`select a from "${table}" where a = $1`]);
  });

  it('leaves DDL and bulk statements unnamed', async () => {
    const values = Array.from({ length: 300 }, (_, i) => sql`(${i + 10})`);
    await sql`insert into ${sql.table(table)} values ${sql.join(values)}`.execute(db);
    await sql`delete from ${sql.table(table)} where a >= 10`.execute(db);
    const statements = (await prepared()).filter((s) => s.includes(table));
    expect(statements.some((s) => s.includes('$300'))).toBe(false);
    expect(statements).toContain(`delete from "${table}" where a >= 10`);
    expect(statements.some((s) => s.startsWith('create'))).toBe(false);
  });

  it('answers with the new columns after the table changed, outside a transaction at once', async () => {
    const all = () =>
      sql<Record<string, number>>`select * from ${sql.table(table)} where a = ${1}`.execute(db);
    expect((await all()).rows).toEqual([{ a: 1 }]);
    await sql`alter table ${sql.table(table)} add column b integer default 7`.execute(db);
    expect((await all()).rows).toEqual([{ a: 1, b: 7 }]);
  });

  it('inside a transaction lets the error stand once, then prepares anew', async () => {
    const all = () => sql<Record<string, number>>`select * from ${sql.table(table)} where a = ${2}`;
    expect((await all().execute(db)).rows).toEqual([{ a: 2, b: 7 }]);
    await sql`alter table ${sql.table(table)} add column c integer default 8`.execute(db);
    await expect(db.transaction().execute((trx) => all().execute(trx))).rejects.toMatchObject({
      code: '0A000',
    });
    const again = await db.transaction().execute((trx) => all().execute(trx));
    expect(again.rows).toEqual([{ a: 2, b: 7, c: 8 }]);
  });
});
