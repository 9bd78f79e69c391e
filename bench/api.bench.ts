// npm run bench:api [-- --accounts 200000 --activities 1000000 --seconds 5]: the real server under load
// (autocannon) on SQLite and on PostgreSQL: account list, account detail, portfolio snapshot, activity creation.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { type AnalyticStore, openAnalyticStore } from '../src/analytics/analytic-store.js';
import { openOperationalStore } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createToken } from '../src/tokens/token.service.js';
import { seedBenchWorkspace } from './api-seed.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '200000' },
    activities: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    postgres: {
      type: 'string',
      default: process.env.KONTOR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const sizes = { accounts: Number(values.accounts), activities: Number(values.activities) };
const root = path.resolve(import.meta.dirname, '..');

for (const backend of ['sqlite', 'postgres'] as const) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kontor-api-bench-${backend}-`));
  let databaseUrl: string | undefined;
  if (backend === 'postgres') databaseUrl = await freshPostgres(values.postgres!);
  const store = openOperationalStore({ dataDir, databaseUrl });
  await migrateToLatest(store.db);
  let analytic: Promise<AnalyticStore> | undefined;
  const started = performance.now();
  await seedBenchWorkspace(store, () => (analytic ??= openAnalyticStore(dataDir)), dataDir, sizes);
  (await analytic)?.close();
  const { secret } = await createToken(
    store.db,
    { email: 'manager@demo.kontor' },
    { name: 'bench', scope: 'write' },
  );
  await store.close();
  console.log(
    `\n${backend}: ${sizes.accounts.toLocaleString('en-US')} accounts, ${sizes.activities.toLocaleString('en-US')} activities seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const port = 4100 + (backend === 'sqlite' ? 0 : 1);
  // The built server, as users run it (npm run build first; bench:api does).
  const server = spawn(
    process.execPath,
    [path.join(root, 'dist/cli/run.js'), '--data-dir', dataDir, 'serve', '--port', String(port)],
    {
      env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await new Promise<void>((resolve) =>
    server.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve()),
  );
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const targets = [
    {
      name: 'account list',
      method: 'GET' as const,
      path: '/api/v1/accounts?size=50&sort=revenue&order=desc',
    },
    { name: 'account detail', method: 'GET' as const, path: '/api/v1/accounts/B0123456' },
    { name: 'portfolio snapshot', method: 'GET' as const, path: '/api/v1/portfolio/snapshot' },
    {
      name: 'create activity',
      method: 'POST' as const,
      path: '/api/v1/accounts/K10166/activities',
      body: JSON.stringify({ type: 'call', date: '2026-01-15', durationMinutes: 15 }),
    },
  ];
  console.log('  target               conns   req/s    p50 ms   p99 ms   errors');
  for (const target of targets) {
    for (const connections of [50, 200]) {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}${target.path}`,
        method: target.method,
        headers,
        ...(target.body ? { body: target.body } : {}),
        connections,
        duration: Number(values.seconds),
      });
      const errors = result.errors + result.timeouts + result.non2xx;
      console.log(
        `  ${target.name.padEnd(20)} ${String(connections).padStart(5)} ${result.requests.average.toFixed(0).padStart(7)} ${String(result.latency.p50).padStart(9)} ${String(result.latency.p99).padStart(8)} ${String(errors).padStart(8)}`,
      );
    }
  }
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log('\nTarget: reads p99 ≤ 50 ms at 50 connections on both backends, zero errors.');

async function freshPostgres(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `kontor_api_bench_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
