import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backends.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/net.js';

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not become ready');
}

// The embedded default: a server (another process) holds the DuckDB file, the SQLite file is shared.
describe('the CLI beside a running server on the same data directory', () => {
  let dataDir: string;
  let server: ChildProcess;
  let url: string;
  const cli = (...args: string[]) => runCli(args, { dataDir });

  beforeAll(async () => {
    dataDir = tempDir();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, KONTOR_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    server = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/run.ts'), 'serve', '--port', String(port)],
      { env, stdio: 'ignore' },
    );
    await waitUntilReady(url, server);
  }, 90_000);
  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds and lists users, creates a token and changes a setting at once', async () => {
    const added = await cli('user', 'add', 'ann@example.com', '--role', 'viewer');
    expect(added.code, added.stderr).toBe(0);
    const listed = await cli('user', 'list');
    expect(listed.stdout).toContain('ann@example.com');
    const token = await cli('token', 'create', 'ann@example.com', '--scope', 'read');
    expect(token.code, token.stderr).toBe(0);
    const secret = token.stdout.match(/\S{30,}/)?.[0];
    expect(secret).toBeDefined();
    // The running server accepts the token the CLI just made.
    const me = await fetch(`${url}/api/v1/accounts`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    const set = await cli('settings', 'set', 'abc.aThreshold', '0.75');
    expect(set.code, set.stderr).toBe(0);
    expect((await cli('settings', 'get', 'abc.aThreshold')).stdout).toContain('0.75');
  });

  it('says plainly that the sales data is in use, instead of a raw lock error', async () => {
    for (const args of [['analyze'], ['import', 'sales', path.join(dataDir, 'missing.csv')]]) {
      const result = await cli(...args);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/in use by another Kontor process \(PID \d+\)/);
      expect(result.stderr).toMatch(/running server/);
      expect(result.stderr).not.toMatch(/Could not set lock|IO Error/);
    }
  });
});
