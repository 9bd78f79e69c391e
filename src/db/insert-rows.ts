import { CompiledQuery, type Insertable, type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from './schema.js';

/**
 * The rows to insert: an array, or rows made one at a time (`{ length, at }`), so a publish of 100,000
 * accounts does not hold 100,000 row objects at once beside the report they come from.
 */
export interface RowSource<Row> {
  readonly length: number;
  at(index: number): Row | undefined;
}

/** Under SQLite's 32,766 bound parameters per statement (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 32_000;

/**
 * Inserts many rows with multi-row INSERTs whose SQL is written once per batch size. Kysely builds and
 * compiles a query tree of every value on each call: for a publish of 100,000 accounts that cost half
 * as much again as the database's own work. The same SQL text also reuses its prepared statement (see
 * connect.ts). Runs on the connection or transaction it is given; a missing value is NULL. With
 * `skipExisting`, rows whose primary key or unique value is taken are left out instead of failing.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  rows: RowSource<Insertable<Database[T]>>,
  options: { skipExisting?: boolean } = {},
): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const batch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  // SQLite keeps a statement journal for a multi-row INSERT, to undo its own rows should a later one
  // fail: about 15% of the insert time, measured. OR FAIL needs none, and inside a transaction, which
  // the caller rolls back on the error, the outcome is the same. PostgreSQL has no such clause.
  const verb = !postgres && db.isTransaction && !options.skipExisting ? 'insert or fail into' : 'insert into';
  // A row whose key exists already is left out (the same clause on both backends).
  const tail = options.skipExisting ? ' on conflict do nothing' : '';
  const head = `${verb} "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const statements = new Map<number, string>();
  const statement = (count: number) => {
    let text = statements.get(count);
    if (!text) {
      const tuples: string[] = [];
      for (let r = 0; r < count; r++) {
        const first = r * columns.length;
        tuples.push(`(${columns.map((_, c) => (postgres ? `$${first + c + 1}` : '?')).join(', ')})`);
      }
      text = head + tuples.join(', ') + tail;
      statements.set(count, text);
    }
    return text;
  };
  for (let start = 0; start < rows.length; start += batch) {
    const end = Math.min(rows.length, start + batch);
    const parameters: unknown[] = [];
    for (let r = start; r < end; r++) {
      const row = rows.at(r) as Record<string, unknown>;
      for (const column of columns) parameters.push(row[column] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(statement(end - start), parameters));
  }
}
