// npm run bench:list -- [--accounts 200000] [--seconds 5] [--connections 50]
//   [--sqlite-dir DIR] [--postgres URL | --no-postgres] [--keep]
// The account list and its export under load (autocannon), on SQLite and PostgreSQL, at 200,000 accounts:
// first pages in every sort, deep pages, filters, "my accounts", search. An existing workspace is reused
// with --sqlite-dir / --postgres (seeded by bench/api-seed.ts); otherwise one is seeded and removed.
import { type ChildProcess, spawn } from 'node:child_process';
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
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    'sqlite-dir': { type: 'string' },
    postgres: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const connections = Number(values.connections);

const TARGETS: [string, string][] = [
  ['revenue desc, page 1', 'sort=revenue&order=desc&size=50'],
  ['rank (default), page 1', 'size=50'],
  ['name, page 1', 'sort=name&size=100'],
  ['revenue desc, page 1000', 'sort=revenue&order=desc&size=100&page=1000'],
  ['rank, last page', 'size=100&page=2004'],
  ['segment + region', 'sort=revenue&order=desc&segment=S3&region=R1&size=100'],
  ['class A', 'class=A&sort=margin&order=desc&size=100'],
  ['my accounts', 'member=me&sort=revenue&order=desc&size=100'],
  ['search "kunde 1234"', 'search=kunde%201234&size=100'],
];

async function freshPostgres(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `kontor_list_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function prepare(backend: 'sqlite' | 'postgres') {
  const reuse = backend === 'sqlite' ? values['sqlite-dir'] : values.postgres;
  const dataDir =
    backend === 'sqlite' && reuse ? reuse : fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-list-bench-'));
  const databaseUrl =
    backend === 'postgres'
      ? (reuse ?? (await freshPostgres('postgres://postgres@127.0.0.1:5432/test')))
      : undefined;
  const store = openOperationalStore({ dataDir, databaseUrl });
  await migrateToLatest(store.db);
  const seeded = await store.db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(seeded.n) === 0) {
    let analytic: Promise<AnalyticStore> | undefined;
    const started = performance.now();
    await seedBenchWorkspace(store, () => (analytic ??= openAnalyticStore(dataDir)), dataDir, {
      accounts: Number(values.accounts),
      activities: 0,
    });
    (await analytic)?.close();
    console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const { secret } = await createToken(
    store.db,
    { email: 'account-manager@demo.kontor' },
    { name: 'list-bench', scope: 'read' },
  );
  const total = await store.db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await store.close();
  return { dataDir, databaseUrl, secret, accounts: Number(total.n), temporary: !reuse };
}

/** The server from the sources; its request log is discarded (writing it would be measured too). */
async function serve(dataDir: string, databaseUrl: string | undefined, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'src/cli/run.ts'),
      '--data-dir',
      dataDir,
      'serve',
      '--port',
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return server;
  }
}

for (const backend of ['sqlite', 'postgres'] as const) {
  if (backend === 'postgres' && values['no-postgres']) continue;
  console.log(`\n${backend}: preparing…`);
  const workspace = await prepare(backend);
  const port = 4150 + (backend === 'sqlite' ? 0 : 1);
  const server = await serve(workspace.dataDir, workspace.databaseUrl, port);
  const headers = { authorization: `Bearer ${workspace.secret}` };
  console.log(
    `${backend}: ${workspace.accounts.toLocaleString('en-US')} accounts, ${connections} connections, ${values.seconds} s each (load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log('  target                       req/s   p50 ms   p99 ms   errors');
  for (const [name, query] of TARGETS) {
    const url = `http://127.0.0.1:${port}/api/v1/accounts?${query}`;
    await fetch(url, { headers }); // warm: the count is remembered from here on
    const result = await autocannon({ url, headers, connections, duration: Number(values.seconds) });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `  ${name.padEnd(26)} ${result.requests.average.toFixed(0).padStart(7)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(errors).padStart(8)}`,
    );
  }
  for (const format of ['csv', 'xlsx'] as const) {
    const started = performance.now();
    const response = await fetch(
      `http://127.0.0.1:${port}/api/v1/accounts/export?format=${format}&sort=revenue&order=desc`,
      { headers },
    );
    const bytes = (await response.arrayBuffer()).byteLength;
    console.log(
      `  export ${format}: ${response.status}, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  if (workspace.temporary && !values.keep) {
    fs.rmSync(workspace.dataDir, { recursive: true, force: true });
    if (workspace.databaseUrl) {
      const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
      await admin.connect();
      await admin.query(
        `DROP DATABASE IF EXISTS ${new URL(workspace.databaseUrl).pathname.slice(1)} WITH (FORCE)`,
      );
      await admin.end();
    }
  }
}
console.log('\nTarget: reads p99 ≤ 50 ms at 50 connections on both backends, zero errors.');
