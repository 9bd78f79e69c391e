import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { demoSalesOptions, writeSalesCsv } from '../../src/demo/index.js';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import { describeEachBackend, type TestStore, tempDir } from '../helpers/backends.js';
import { runCli, spawnCli } from '../helpers/cli.js';

const BIG_LINES = 400_000;

/**
 * "An import that dies half-way (kill -9) leaves the previous state intact": a real child process is
 * killed at several moments of a large import; each time the stored lines must be exactly the previous
 * ones or the previous ones plus the whole file, never a part, and a later import must finish normally.
 */
describeEachBackend('an import killed with SIGKILL', (backend) => {
  let store: TestStore;
  let big: string;
  const env = () => ({ dataDir: store.dataDir, databaseUrl: store.databaseUrl });
  const lineCount = async () => {
    const result = await runCli(['analyze', '--all', '--json', '--accounts', '--no-publish'], env());
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as PortfolioReport;
    return report.accounts.reduce((sum, account) => sum + account.lines, 0);
  };

  let files: string;
  let small: string;

  beforeAll(async () => {
    files = tempDir('kontor-crash-');
    small = path.join(files, 'small.csv');
    await writeSalesCsv(small, demoSalesOptions({ lines: 1_000, seed: 7, years: 2 }, new Date('2020-01-15')));
    big = path.join(files, 'big.csv');
    await writeSalesCsv(
      big,
      demoSalesOptions({ lines: BIG_LINES, seed: 8, years: 3 }, new Date('2025-06-15')),
    );
  });
  afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

  // Each kill starts from the same previous state: the small file imported, the big one not.
  beforeEach(async () => {
    store = await backend.create();
    expect((await runCli(['import', 'sales', small], env())).code).toBe(0);
  });
  afterEach(() => store.drop());

  it.each([1_000, 2_000, 3_000, 4_500])('killed after %i ms leaves all or nothing', async (delay) => {
    const before = await lineCount();
    const child = spawnCli(['import', 'sales', big, '--json'], env());
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const signal = await exited;
    clearTimeout(timer);
    const after = await lineCount();
    if (signal === 'SIGKILL') expect([before, before + BIG_LINES]).toContain(after);
    else expect(after).toBe(before + BIG_LINES);
    // Whatever happened, importing the file again completes it without duplicates.
    const again = await runCli(['import', 'sales', big, '--json'], env());
    expect(again.code, again.stderr).toBe(0);
    expect(await lineCount()).toBe(1_000 + BIG_LINES);
  });
});
