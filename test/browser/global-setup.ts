import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { freePort } from '../helpers/net.js';
import { hasChromium } from './chromium.js';

export interface BrowserServer {
  url: string;
  dataDir: string;
  logins: Record<'admin' | 'manager' | 'account_manager' | 'viewer', { email: string; password: string }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kontor: BrowserServer | null;
  }
}

/**
 * One real server for all browser tests: `kontor serve --demo` on a temporary data directory, as the
 * README's main command starts it — run from the sources with a fresh production build of the web app,
 * so the tests never look at a stale dist/.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium) {
    project.provide('kontor', null);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-browser-'));
  const webRoot = path.join(dataDir, 'web');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot } });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', '--data-dir', dataDir, 'serve', '--demo', '--port', String(port)],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DATABASE_URL: '', KONTOR_WEB_ROOT: webRoot },
    },
  );
  const logins = await readLogins(child);
  project.provide('kontor', { url: `http://127.0.0.1:${port}`, dataDir, logins });
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

function readLogins(child: ChildProcess): Promise<BrowserServer['logins']> {
  return new Promise((resolve, reject) => {
    let text = '';
    const logins: Partial<BrowserServer['logins']> = {};
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${text}`)), 180_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${text}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      for (const match of text.matchAll(/^\s+(admin|manager|account_manager|viewer)\s+(\S+)\s+(\S+)$/gm))
        logins[match[1] as keyof BrowserServer['logins']] = { email: match[2]!, password: match[3]! };
      if (Object.keys(logins).length === 4) {
        clearTimeout(timer);
        resolve(logins as BrowserServer['logins']);
      }
    });
  });
}
