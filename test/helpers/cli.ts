import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliEnvironment {
  dataDir: string;
  /** PostgreSQL URL of the operational store; undefined means the embedded SQLite default. */
  databaseUrl?: string | undefined;
}

/** Runs `kontor …` in this process, the same code path as the binary, capturing its output. */
export async function runCli(args: string[], env: CliEnvironment): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  const savedUrl = process.env.DATABASE_URL;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  if (env.databaseUrl) process.env.DATABASE_URL = env.databaseUrl;
  else delete process.env.DATABASE_URL;
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'kontor', '--data-dir', env.dataDir, ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    process.exitCode = undefined;
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  }
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');

/** Starts the real CLI as a child process (for crash tests), through tsx so no build is needed. */
export function spawnCli(args: string[], env: CliEnvironment) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, KONTOR_DATA_DIR: env.dataDir };
  if (env.databaseUrl) childEnv.DATABASE_URL = env.databaseUrl;
  else delete childEnv.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/run.ts'), ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
