import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { isPostgres } from './account-list.filter.js';

/**
 * Counting 200,000 accounts costs milliseconds on SQLite and tens of them on PostgreSQL, on every page
 * of the list, yet the answer only changes when data does. So a count is remembered with a stamp of
 * the database's state and used while the stamp is unchanged:
 * - SQLite: `data_version` (changes when another connection commits) and `total_changes()` (rows this
 *   connection wrote): together they change with every write, whoever makes it.
 * - PostgreSQL: the snapshot (`pg_current_snapshot()`); an equal snapshot sees the same committed rows.
 * The stamp is read before counting, so a write landing in between leaves an older stamp on a newer
 * count: the next request sees a different stamp and counts again. Any write to any table makes the
 * next count a real one: coarse, never wrong.
 */
export async function currentStamp(db: Kysely<Database>): Promise<string> {
  const stamp = isPostgres(db)
    ? sql<string>`pg_current_snapshot()::text`
    : sql<string>`(select data_version from pragma_data_version) || ':' || total_changes()`;
  const { rows } = await sql<{ stamp: string }>`select ${stamp} as stamp`.execute(db);
  return String(rows[0]!.stamp);
}

type Cache = Map<string, { stamp: string; value: Promise<unknown> }>;
/**
 * Entries kept per database: counts are tiny; id lists (at most a few thousand ids) and pages (up to
 * 500 rows, tens of kilobytes) are not.
 */
const LIMITS = { counts: 500, lists: 20, pages: 200 };
const caches = new WeakMap<Kysely<Database>, Record<keyof typeof LIMITS, Cache>>();

/**
 * The value for `key` as of `stamp` (from currentStamp, read before): remembered, or computed now and
 * remembered. What is being computed is remembered too, so requests arriving together compute once.
 */
export async function remembered<T>(
  db: Kysely<Database>,
  kind: keyof typeof LIMITS,
  stamp: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let all = caches.get(db);
  if (!all) {
    all = { counts: new Map(), lists: new Map(), pages: new Map() };
    caches.set(db, all);
  }
  const cache = all[kind];
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return hit.value as Promise<T>;
  const value = compute();
  cache.delete(key);
  if (cache.size >= LIMITS[kind]) cache.delete(cache.keys().next().value!);
  const entry = { stamp, value };
  cache.set(key, entry);
  // A failure is not remembered (unless something newer took the place meanwhile).
  value.catch(() => cache.get(key) === entry && cache.delete(key));
  return value;
}
