import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnalyticStore } from '../../src/analytics/analytic-store.js';
import { demoSalesOptions, writeSalesCsv } from '../../src/demo/index.js';
import { tempDir } from '../helpers/backends.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/net.js';

const LINES = 300_000;

describe('kontor serve on SIGTERM', () => {
  const dataDir = tempDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the import that is running, then stops with exit code 0', async () => {
    const cli = (...args: string[]) => runCli(args, { dataDir });
    expect((await cli('user', 'add', 'boss@example.com', '--role', 'admin')).code).toBe(0);
    const created = await cli('token', 'create', 'boss@example.com', '--scope', 'write');
    const token = created.stdout.match(/\S{30,}/)?.[0];
    expect(token, created.stderr).toBeDefined();
    const file = path.join(dataDir, 'sales.csv');
    await writeSalesCsv(
      file,
      demoSalesOptions({ lines: LINES, customers: 2_000, seed: 7 }, new Date('2026-01-15')),
    );

    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, KONTOR_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const server: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/run.ts'), 'serve', '--port', String(port)],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    while (!/listening/.test(log)) {
      if (server.exitCode !== null) throw new Error(log);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const upload = await fetch(`${url}/api/v1/imports?fileName=sales.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: fs.readFileSync(file),
    });
    expect(upload.status).toBe(202);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toMatch(/SIGTERM: finishing running requests/);
    // The signal came milliseconds after the upload was accepted, while its import was still going.
    expect(log).toMatch(/Waiting for the running import to finish/);
    expect(log).toMatch(/Stopped\./);

    // Every line of the file is in, none twice: the import ran to its COMMIT before the process ended.
    const store = await openAnalyticStore(dataDir);
    try {
      const reader = await store.connection.runAndReadAll('SELECT count(*)::INTEGER FROM sales_lines');
      expect(reader.getRowsJS()[0]?.[0]).toBe(LINES);
    } finally {
      store.close();
    }
  }, 120_000);
});
