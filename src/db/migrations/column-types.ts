import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Column types that differ between the two backends. SQLite gets TEXT for money because a NUMERIC
 * column would silently turn '0.10' into a binary float; PostgreSQL gets exact numeric.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations take an untyped Kysely, frozen in time
export function types(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    money: postgres ? sql`numeric(20,4)` : sql`text`,
    double: postgres ? sql`double precision` : sql`real`,
    serial: postgres ? sql`serial` : sql`integer`,
  } as const;
}
