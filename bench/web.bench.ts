// npm run bench:web — the web app as a user meets it: time to interactive of the portfolio dashboard and
// of the account list on the embedded default with 200,000 accounts (issue "The web app"), in Debian's
// chromium, plus the production bundle per route (gzip). Options: --accounts N, --runs N, --keep DIR.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build, type Manifest } from 'vite';
import { type AnalyticStore, openAnalyticStore } from '../src/analytics/analytic-store.js';
import { openOperationalStore } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { addUser } from '../src/users/user.service.js';
import { launchChromium } from '../test/browser/chromium.js';
import { seedBenchWorkspace } from './api-seed.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'string' },
  },
});
const accounts = Number(values.accounts);
const runs = Number(values.runs);
const LOGIN = { email: 'bench-web@kontor.test', password: 'bench-web-password-1' };

const dataDir = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-web-bench-'));
const webRoot = path.join(os.tmpdir(), `kontor-web-bench-build-${process.pid}`);

console.log(`Building the web app into ${webRoot}…`);
await build({
  configFile: path.resolve('vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: webRoot, emptyOutDir: true, manifest: true },
});
printBundleSizes(webRoot);

if (!fs.existsSync(path.join(dataDir, 'web-bench.json'))) {
  console.log(`Seeding ${accounts.toLocaleString('en-US')} accounts into ${dataDir}…`);
  const started = performance.now();
  const store = openOperationalStore({ dataDir, databaseUrl: undefined });
  await migrateToLatest(store.db);
  let analytic: Promise<AnalyticStore> | undefined;
  await seedBenchWorkspace(store, () => (analytic ??= openAnalyticStore(dataDir)), dataDir, {
    accounts,
    activities: 0,
  });
  (await analytic)?.close();
  await addUser(store.db, { email: LOGIN.email, role: 'manager', name: 'Bench', password: LOGIN.password });
  await store.close();
  fs.writeFileSync(path.join(dataDir, 'web-bench.json'), JSON.stringify({ accounts }));
  console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const port = await freePort();
const server = await startServer(port);
const browser = await launchChromium();
try {
  const figures = {
    dashboard: await measure(browser, `/`, '[data-testid="portfolio-headline"]'),
    accounts: await measure(browser, `/accounts`, '[data-testid="account-row"]'),
  };
  console.log(
    `\nTime to interactive, ${accounts.toLocaleString('en-US')} accounts, median of ${runs} (min–max):`,
  );
  for (const [page, times] of Object.entries(figures)) {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `  ${page.padEnd(10)} ${median.toFixed(0).padStart(5)} ms  (${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)} ms)   target < 1500 ms`,
    );
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(webRoot, { recursive: true, force: true });
  if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * A logged-in user opens the page in a fresh tab with a warm HTTP cache (as on a second visit); the
 * figure is navigation start → the element that makes the page usable is visible.
 */
async function measure(browser: Browser, route: string, ready: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const login = await context.newPage();
  const response = await login.request.post(`http://127.0.0.1:${port}/api/v1/auth/login`, { data: LOGIN });
  if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
  await login.goto(`http://127.0.0.1:${port}${route}`);
  await login.waitForSelector(ready, { timeout: 60_000 });
  await login.close();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}${route}`);
    await page.waitForSelector(ready, { state: 'visible', timeout: 60_000 });
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  await context.close();
  return times;
}

function printBundleSizes(root: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(root, file))).length;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) closure(child, seen);
    return seen;
  };
  const size = (keys: Set<string>) =>
    [...keys].reduce((sum, key) => {
      const chunk = manifest[key]!;
      return sum + gzip(chunk.file) + (chunk.css ?? []).reduce((css, file) => css + gzip(file), 0);
    }, 0);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const initial = closure(entry);
  console.log('\nProduction bundle (gzip):');
  console.log(`  app shell (every route)       ${(size(initial) / 1024).toFixed(1).padStart(7)} KiB`);
  for (const key of manifest[entry]!.dynamicImports ?? []) {
    const own = new Set([...closure(key)].filter((k) => !initial.has(k)));
    const name = path.basename(key).replace(/\.tsx?$/, '');
    console.log(
      `  + ${name.padEnd(27)} ${(size(own) / 1024).toFixed(1).padStart(7)} KiB  (total ${((size(initial) + size(own)) / 1024).toFixed(1)} KiB)`,
    );
  }
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', '--data-dir', dataDir, 'serve', '--port', String(port)],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DATABASE_URL: '', KONTOR_WEB_ROOT: webRoot },
    },
  );
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${text}`)));
  });
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}
