import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/import/import.schema.js';
import { ImportJobs, type JobTask } from '../../src/imports/import-jobs.js';

/** A task that finishes when `release` is called, recording what happened in `log`. */
function task(name: string, log: string[]): JobTask & { release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release: () => release(),
    run: async () => {
      log.push(`${name} running`);
      await gate;
      log.push(`${name} done`);
      return { committed: true, rowsImported: 1 } as ImportSummary;
    },
    finished: async () => {
      log.push(`${name} recorded`);
    },
  };
}

describe('the background import queue on shutdown', () => {
  it('waits for the running import and the queued ones, in order, before it is idle', async () => {
    const jobs = new ImportJobs();
    const log: string[] = [];
    const first = task('first', log);
    const second = task('second', log);
    jobs.submit('00000000-0000-4000-8000-000000000001', 'a.csv', first);
    jobs.submit('00000000-0000-4000-8000-000000000002', 'b.csv', second);
    expect(jobs.busy).toBe(true);
    let idle = false;
    const waiting = jobs.idle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    first.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    second.release();
    await waiting;
    expect(log).toEqual([
      'first running',
      'first done',
      'first recorded',
      'second running',
      'second done',
      'second recorded',
    ]);
    expect(jobs.busy).toBe(false);
    expect(jobs.get('00000000-0000-4000-8000-000000000002')?.status).toBe('succeeded');
  });

  it('is idle at once when nothing runs', async () => {
    const jobs = new ImportJobs();
    expect(jobs.busy).toBe(false);
    await expect(jobs.idle()).resolves.toBeUndefined();
  });
});
