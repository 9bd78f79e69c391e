import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportSummary } from '../api/types';
import { eventOfJob, IDLE, overallFraction, type RunEvent, runReducer } from './job';

const summary = (committed: boolean) => ({ committed, rowsImported: committed ? 3 : 0 }) as ImportSummary;
const play = (events: RunEvent[]) => events.reduce(runReducer, IDLE);

describe('the progress of an import run', () => {
  it('goes from upload through the server phases to done, with one bar over all phases', () => {
    const states = [
      { type: 'upload' },
      { type: 'queued', jobId: 'j1' },
      { type: 'progress', data: { phase: 'reading', fraction: 0.5 } },
      { type: 'progress', data: { phase: 'checking', fraction: 0 } },
      { type: 'progress', data: { phase: 'saving', fraction: 1 } },
      { type: 'progress', data: { phase: 'analysing', fraction: 0.5 } },
      { type: 'done', summary: summary(true) },
    ].map((_, i, all) => play(all.slice(0, i + 1) as RunEvent[]));
    expect(states.map((state) => state.stage)).toEqual([
      'uploading',
      'running',
      'running',
      'running',
      'running',
      'running',
      'succeeded',
    ]);
    expect(states.map((state) => state.phase)).toEqual([
      'uploading',
      'queued',
      'reading',
      'checking',
      'saving',
      'analysing',
      'done',
    ]);
    expect(states.map((state) => Number(state.fraction.toFixed(2)))).toEqual([
      0, 0, 0.39, 0.75, 0.93, 0.97, 1,
    ]);
    expect(states.at(-1)).toMatchObject({ jobId: 'j1', summary: { rowsImported: 3 } });
  });

  it('never moves the bar back (a file re-read the careful way starts reading again)', () => {
    const state = play([
      { type: 'queued', jobId: 'j' },
      { type: 'progress', data: { phase: 'reading', fraction: 1 } },
      { type: 'progress', data: { phase: 'checking', fraction: 0 } },
      { type: 'progress', data: { phase: 'reading', fraction: 0.1 } },
    ]);
    expect(state.phase).toBe('reading');
    expect(state.fraction).toBeCloseTo(0.75);
  });

  it('tells a rejected file (nothing committed) from a failed import, and ignores late progress', () => {
    const rejected = play([
      { type: 'queued', jobId: 'j' },
      { type: 'done', summary: summary(false) },
    ]);
    expect(rejected.stage).toBe('rejected');
    expect(runReducer(rejected, { type: 'progress', data: { phase: 'reading', fraction: 1 } })).toBe(
      rejected,
    );
    const failed = play([
      { type: 'upload' },
      { type: 'failed', error: { code: 'payload_too_large', message: 'big' } },
    ]);
    expect(failed).toMatchObject({ stage: 'failed', error: { code: 'payload_too_large' } });
    expect(runReducer(failed, { type: 'reset' })).toBe(IDLE);
  });

  it('reads a job fetched after the event stream was lost as the event it amounts to', () => {
    const job = { progress: { phase: 'checking', fraction: 0.5 }, summary: null, error: null } as ImportJob;
    expect(eventOfJob(job)).toEqual({ type: 'progress', data: { phase: 'checking', fraction: 0.5 } });
    expect(eventOfJob({ ...job, summary: summary(true) })).toMatchObject({ type: 'done' });
    expect(eventOfJob({ ...job, error: { code: 'internal', message: 'x' } })).toMatchObject({
      type: 'failed',
    });
    expect(overallFraction('queued', 1)).toBe(0);
  });
});
