// npm run bench:api [-- --accounts 200000 --activities 1000000 --seconds 5 --repeat 1 --backends sqlite,postgres
//                      --port 4100 --workspace DIR --json FILE]
// The built server under load (autocannon) on SQLite and on PostgreSQL: account list, account detail,
// portfolio snapshot, activity creation, each at 50 and 200 connections. --workspace keeps the seeded
// workspaces in DIR and reuses them on the next run with the same sizes (seeding 200k/1M takes minutes).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type AnalyticStore, openAnalyticStore } from '../src/analytics/analytic-store.js';
import { openOperationalStore } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createToken } from '../src/tokens/token.service.js';
import {
  formatOutcome,
  load,
  median,
  OUTCOME_HEADER,
  type Outcome,
  postgresBackends,
  probe,
  processCpuMs,
  type Target,
} from './api-load.js';
import { benchAccountId, seedBenchWorkspace } from './api-seed.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '200000' },
    activities: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '1' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    port: { type: 'string', default: '4100' },
    workspace: { type: 'string' },
    json: { type: 'string' },
    postgres: {
      type: 'string',
      default: process.env.KONTOR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const sizes = { accounts: Number(values.accounts), activities: Number(values.activities) };
const seconds = Number(values.seconds);
const repeat = Number(values.repeat);
const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, '.bench', `api-server-${process.pid}`);

// The server as users run it, compiled (into a private folder, so dist/ of a running checkout is untouched).
const build = spawnSync(
  path.join(root, 'node_modules/.bin/tsc'),
  ['-p', 'tsconfig.build.json', '--outDir', buildDir],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) throw new Error('The server did not compile; see above.');

const all: (Outcome & { backend: string; round: number })[] = [];
try {
  for (const backend of values.backends.split(',') as ('sqlite' | 'postgres')[]) {
    const port = Number(values.port) + (backend === 'sqlite' ? 0 : 1);
    const workspace = await prepareWorkspace(backend);
    let server = await startServer(workspace, port);
    try {
      const base = `http://127.0.0.1:${port}`;
      const headers = { authorization: `Bearer ${workspace.secret}`, 'content-type': 'application/json' };
      const targets = benchTargets(workspace.demoAccount);
      const database = workspace.databaseUrl ? new URL(workspace.databaseUrl).pathname.slice(1) : null;
      const cpu = () => ({
        server: processCpuMs(server.pid!),
        database: database ? postgresBackends(database).reduce((sum, pid) => sum + processCpuMs(pid), 0) : 0,
      });
      for (const target of targets) {
        const answer = await probe(base, target, headers);
        console.log(
          `  ${target.name}: ${answer.status}, ${answer.bytes.toLocaleString('en-US')} bytes, ${answer.ms.toFixed(1)} ms alone`,
        );
        if (answer.status >= 300) throw new Error(`${target.name} answers ${answer.status}: ${answer.text}`);
        // Warm-up (not counted): the JIT and the database's caches, as on a server that has been running.
        await load(base, target, { connections: 10, seconds: 1, headers });
      }
      for (let round = 1; round <= repeat; round++) {
        console.log(`\n${backend}, round ${round}/${repeat} (load average ${os.loadavg()[0]!.toFixed(2)})`);
        console.log(OUTCOME_HEADER);
        for (const target of targets) {
          for (const connections of [50, 200]) {
            const outcome = await load(base, target, { connections, seconds, headers, cpu });
            all.push({ ...outcome, backend, round });
            console.log(formatOutcome(outcome));
            // Still working off the queue after a minute: a fresh server, so the next run is not measuring this one.
            if (outcome.drainMs < 0) {
              server.kill('SIGKILL');
              await new Promise((resolve) => server.once('exit', resolve));
              server = await startServer(workspace, port);
            }
          }
        }
      }
      if (repeat > 1) printMedians(backend, targets);
      printVerdict(backend, targets);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      await workspace.dispose();
    }
  }
} finally {
  fs.rmSync(buildDir, { recursive: true, force: true });
}
if (values.json) fs.writeFileSync(values.json, JSON.stringify({ sizes, seconds, runs: all }, null, 2));
console.log(`\nTarget: reads p99 ≤ 50 ms at 50 connections on both backends, zero errors.`);

function benchTargets(demoAccount: string): Target[] {
  return [
    {
      name: 'account list',
      method: 'GET',
      path: '/api/v1/accounts?size=50&sort=revenue&order=desc',
      read: true,
    },
    {
      name: 'account detail',
      method: 'GET',
      path: `/api/v1/accounts/${benchAccountId(Math.floor(sizes.accounts / 2))}`,
      read: true,
    },
    { name: 'portfolio snapshot', method: 'GET', path: '/api/v1/portfolio/snapshot', read: true },
    // As a browser asks for it (every browser sends Accept-Encoding: gzip); reported, the plain one counts.
    {
      name: 'snapshot, gzip',
      method: 'GET',
      path: '/api/v1/portfolio/snapshot',
      headers: { 'accept-encoding': 'gzip' },
      read: false,
    },
    {
      name: 'create activity',
      method: 'POST',
      path: `/api/v1/accounts/${demoAccount}/activities`,
      body: JSON.stringify({ type: 'call', date: '2026-01-15', durationMinutes: 15 }),
      read: false,
    },
  ];
}

interface Workspace {
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string;
  demoAccount: string;
  dispose(): Promise<void>;
}

/** A seeded workspace: reused from --workspace when it was seeded with the same sizes, else seeded now. */
async function prepareWorkspace(backend: 'sqlite' | 'postgres'): Promise<Workspace> {
  const keep = values.workspace ? path.resolve(values.workspace, backend) : undefined;
  const meta = keep ? path.join(keep, 'bench.json') : undefined;
  const reused =
    meta && fs.existsSync(meta)
      ? (JSON.parse(fs.readFileSync(meta, 'utf8')) as { sizes: typeof sizes; databaseUrl?: string })
      : undefined;
  const fresh =
    !reused || reused.sizes.accounts !== sizes.accounts || reused.sizes.activities !== sizes.activities;
  if (keep && fresh) fs.rmSync(keep, { recursive: true, force: true });
  const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), `kontor-api-bench-${backend}-`));
  fs.mkdirSync(dataDir, { recursive: true });
  let databaseUrl = reused && !fresh ? reused.databaseUrl : undefined;
  if (backend === 'postgres' && fresh)
    databaseUrl = await freshPostgres(values.postgres!, keep ? 'kept' : 'tmp');
  const store = openOperationalStore({ dataDir, databaseUrl });
  await migrateToLatest(store.db);
  if (fresh) {
    let analytic: Promise<AnalyticStore> | undefined;
    const started = performance.now();
    await seedBenchWorkspace(store, () => (analytic ??= openAnalyticStore(dataDir)), dataDir, sizes);
    (await analytic)?.close();
    const took = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `\n${backend}: ${sizes.accounts.toLocaleString('en-US')} accounts, ${sizes.activities.toLocaleString('en-US')} activities seeded in ${took} s`,
    );
    if (meta) fs.writeFileSync(meta, JSON.stringify({ sizes, databaseUrl }));
  } else {
    console.log(`\n${backend}: reusing the workspace seeded in ${dataDir}`);
  }
  const { secret } = await createToken(
    store.db,
    { email: 'manager@demo.kontor' },
    { name: 'bench', scope: 'write' },
  );
  const demo = await store.db
    .selectFrom('accounts')
    .select('id')
    .where('id', 'not like', 'B%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await store.close();
  return {
    dataDir,
    databaseUrl,
    secret,
    demoAccount: demo.id,
    dispose: async () => {
      if (keep) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropPostgres(values.postgres!, new URL(databaseUrl).pathname.slice(1));
    },
  };
}

async function startServer(workspace: Workspace, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [path.join(buildDir, 'cli/run.js'), '--data-dir', workspace.dataDir, 'serve', '--port', String(port)],
    {
      env: { ...process.env, ...(workspace.databaseUrl ? { DATABASE_URL: workspace.databaseUrl } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`The server stopped (${code}): ${output}`)));
  });
  return server;
}

function printMedians(backend: string, targets: Target[]): void {
  console.log(`\n${backend}, medians of ${repeat} rounds (errors and non-2xx: totals)`);
  console.log(
    '  target               conns   req/s  p50 ms  p99 ms   failures  cpu ms/req: server   db  client',
  );
  for (const target of targets) {
    for (const connections of [50, 200]) {
      const runs = all.filter(
        (o) => o.backend === backend && o.target === target.name && o.connections === connections,
      );
      const failures = runs.reduce(
        (sum, o) => sum + o.errors + Object.values(o.non2xx).reduce((a, b) => a + b, 0),
        0,
      );
      console.log(
        [
          `  ${target.name.padEnd(20)}`,
          String(connections).padStart(5),
          median(runs.map((o) => o.requestsPerSecond))
            .toFixed(0)
            .padStart(7),
          String(median(runs.map((o) => o.p50))).padStart(7),
          String(median(runs.map((o) => o.p99))).padStart(7),
          String(failures).padStart(10),
          median(runs.map((o) => o.serverCpuMs))
            .toFixed(2)
            .padStart(19),
          median(runs.map((o) => o.databaseCpuMs))
            .toFixed(2)
            .padStart(5),
          median(runs.map((o) => o.clientCpuMs))
            .toFixed(2)
            .padStart(7),
        ].join(' '),
      );
    }
  }
}

/** Reads at 50 connections: the median p99 over the rounds (each round's own when there is one). */
function printVerdict(backend: string, targets: Target[]): void {
  const runs = all.filter((o) => o.backend === backend);
  const slow = targets
    .filter((t) => t.read)
    .map((t) => ({
      name: t.name,
      p99: median(runs.filter((o) => o.target === t.name && o.connections === 50).map((o) => o.p99)),
    }))
    .filter((t) => t.p99 > 50);
  const failed = runs.filter((o) => o.errors > 0 || Object.keys(o.non2xx).length > 0);
  const verdict = slow.length === 0 && failed.length === 0 ? 'met' : 'missed';
  console.log(
    `${backend}: target ${verdict}` +
      (slow.length ? `; p99 over 50 ms: ${slow.map((t) => `${t.name} ${t.p99} ms`).join(', ')}` : '') +
      (failed.length ? `; failures in ${failed.map((o) => `${o.target}@${o.connections}`).join(', ')}` : ''),
  );
}

async function freshPostgres(url: string, kind: 'kept' | 'tmp'): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const kept = path
    .basename(values.workspace ?? '')
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase();
  const name = kind === 'kept' ? `kontor_api_bench_kept_${kept}` : `kontor_api_bench_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function dropPostgres(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
