import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type OperationalStore, openPostgres, openSqlite } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** PostgreSQL tests run when this is set (.ci/run always sets it); otherwise they are reported skipped. */
export const POSTGRES_URL = process.env.KONTOR_TEST_DATABASE_URL;

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A freshly migrated, empty store that the caller closes with `drop()`. */
  create(): Promise<TestStore>;
}

export interface TestStore extends OperationalStore {
  /** The DATABASE_URL a child process would use, or undefined for SQLite (use dataDir). */
  databaseUrl: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

export function tempDir(prefix = 'kontor-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const sqlite: Backend = {
  name: 'sqlite',
  async create() {
    const dataDir = tempDir();
    const store = openSqlite(path.join(dataDir, 'kontor.sqlite'));
    await migrateToLatest(store.db);
    return {
      ...store,
      databaseUrl: undefined,
      dataDir,
      drop: async () => {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async create() {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const name = `kontor_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${name}`;
    const store = openPostgres(url.toString());
    await migrateToLatest(store.db);
    const dataDir = tempDir();
    return {
      ...store,
      databaseUrl: url.toString(),
      dataDir,
      drop: async () => {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  },
};

export const BACKENDS: Backend[] = [sqlite, postgres];

/**
 * Runs the same suite on SQLite and on PostgreSQL. Without KONTOR_TEST_DATABASE_URL the PostgreSQL
 * copy is declared skipped with its reason in the title, so the report says so plainly.
 */
export function describeEachBackend(title: string, suite: (backend: Backend) => void): void {
  for (const backend of BACKENDS) {
    if (backend.name === 'postgres' && !POSTGRES_URL) {
      describe.skip(`${title} [postgres: skipped, KONTOR_TEST_DATABASE_URL is not set]`, () =>
        suite(backend));
    } else {
      describe(`${title} [${backend.name}]`, () => suite(backend));
    }
  }
}
