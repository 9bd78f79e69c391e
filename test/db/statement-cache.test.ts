import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/db/connect.js';

/** A database whose prepare() calls are counted. */
function counted() {
  const database = new SQLite(':memory:');
  database.exec('create table t (a integer); insert into t values (1), (2), (3)');
  let prepares = 0;
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    prepares += 1;
    return prepare(source);
  }) as typeof database.prepare;
  return { database, prepares: () => prepares };
}

describe('SQLite statement cache', () => {
  it('compiles the same SQL once, whatever the parameters', async () => {
    const { database, prepares } = counted();
    const db = new Kysely<{ t: { a: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    for (const a of [1, 2, 3, 2]) {
      const row = await db.selectFrom('t').select('a').where('a', '=', a).executeTakeFirst();
      expect(row).toEqual({ a });
    }
    await db.insertInto('t').values({ a: 4 }).execute();
    await db.insertInto('t').values({ a: 5 }).execute();
    expect(prepares()).toBe(2);
    expect((await db.selectFrom('t').select('a').where('a', '=', 5).executeTakeFirst())?.a).toBe(5);
    await db.destroy();
  });

  it('sees a changed schema through a cached statement', async () => {
    const { database } = counted();
    const cache = withStatementCache(database);
    expect(cache.prepare('select * from t where a = ?').all([1])).toEqual([{ a: 1 }]);
    database.exec('alter table t add column b integer default 7');
    expect(cache.prepare('select * from t where a = ?').all([1])).toEqual([{ a: 1, b: 7 }]);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { database } = counted();
    const cache = withStatementCache(database);
    const seen: number[] = [];
    for (const row of cache.prepare('select a from t order by a').iterate([]) as Iterable<{ a: number }>) {
      // The same SQL again in the middle of the iteration (better-sqlite3 refuses a busy statement).
      expect(cache.prepare('select a from t order by a').all([])).toHaveLength(3);
      seen.push(row.a);
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('keeps at most the given number of statements, dropping the least recently used', () => {
    const { database, prepares } = counted();
    const cache = withStatementCache(database, 2);
    cache.prepare('select 1');
    cache.prepare('select 2');
    cache.prepare('select 1'); // now the most recent
    cache.prepare('select 3'); // drops "select 2"
    expect(prepares()).toBe(3);
    cache.prepare('select 1');
    expect(prepares()).toBe(3);
    cache.prepare('select 2');
    expect(prepares()).toBe(4);
  });
});
