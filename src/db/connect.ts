import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import { prepareStatements } from './pg-prepared.js';
import type { Database } from './schema.js';

export type Backend = 'sqlite' | 'postgres';

export interface OperationalStore {
  db: Kysely<Database>;
  backend: Backend;
  /** Where it lives, for messages (a file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export function openOperationalStore(options: StoreOptions): OperationalStore {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${redact(url)}")`);
  return openSqlite(path.join(options.dataDir, 'kontor.sqlite'));
}

export function openSqlite(file: string): OperationalStore {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets the CLI read while the server writes; NORMAL is durable across process crashes in WAL mode.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, backend: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles the SQL on each prepare: for a lookup
 * by key that costs as much as running it (30–40 µs each, measured). The same SQL text (parameters are
 * bound apart) reuses its compiled statement; the least recently used of more than 500 are dropped.
 * SQLite re-compiles a cached statement itself when the schema changed. A statement still being
 * iterated (a streamed query) is busy, so the query that wants the same SQL meanwhile gets a fresh one.
 */
export function withStatementCache(database: SQLite.Database, size = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached?.busy) return database.prepare(sql);
      const statement = cached ?? database.prepare(sql);
      statements.delete(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

export function openPostgres(url: string): OperationalStore {
  const pool = new pg.Pool({ connectionString: url, ...poolSettings() });
  prepareStatements(pool);
  // An idle connection the server ends (a restart, pg_terminate_backend) is already dropped from the
  // pool when this fires, and the next query opens a new one; unheard, the event would end the process.
  pool.on('error', () => {});
  // pool.end() resolves before the connections have closed; closing waits for them, so that whoever
  // drops or restarts the database next does not cut connections still saying goodbye.
  let open = 0;
  let allClosed = () => {};
  pool.on('connect', () => open++);
  pool.on('remove', () => {
    open = Math.max(0, open - 1);
    if (open === 0) allClosed();
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const close = async () => {
    const closed = new Promise<void>((resolve) => {
      allClosed = resolve;
    });
    await db.destroy();
    if (open > 0) await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  };
  return { db, backend: 'postgres', location: redact(url), close };
}

/**
 * PostgreSQL connections for the server (KONTOR_DB_POOL, default 10). Requests beyond the pool wait in
 * its queue, in order; more connections than the database has cores only move the queue into the
 * database (measured with 50 and 200 HTTP connections on 2 cores: 5, 10 and 20 gave the same throughput
 * and latency within the noise). The connections stay open between bursts (a new one costs a
 * PostgreSQL process start and authentication); only those beyond two close after 60 s unused.
 */
export function poolSettings(env = process.env): pg.PoolConfig {
  const size = Number(env.KONTOR_DB_POOL ?? 10);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new Error(`KONTOR_DB_POOL must be a number of connections (1–1000), not "${env.KONTOR_DB_POOL}"`);
  return { max: size, min: Math.min(2, size), idleTimeoutMillis: 60_000 };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
