import type { ImportJob, ImportSummary } from '../api/types';

export type JobPhase = ImportJob['progress']['phase'] | 'uploading';

/** One import run as the page shows it: uploading, then the server's job until it ends. */
export interface RunState {
  stage: 'idle' | 'uploading' | 'running' | 'succeeded' | 'rejected' | 'failed';
  jobId: string | null;
  phase: JobPhase | null;
  /** Of the whole run, 0…1; it never goes back (a file re-read the general way keeps its bar). */
  fraction: number;
  summary: ImportSummary | null;
  error: { code: string; message: string } | null;
}

export type RunEvent =
  | { type: 'upload' }
  | { type: 'queued'; jobId: string }
  | { type: 'progress'; data: ImportJob['progress'] }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: { code: string; message: string } }
  | { type: 'reset' };

export const IDLE: RunState = {
  stage: 'idle',
  jobId: null,
  phase: null,
  fraction: 0,
  summary: null,
  error: null,
};

// Reading and parsing the file is most of an import's time; checks, the insert and the analysis follow.
const SPANS: Record<ImportJob['progress']['phase'], [number, number]> = {
  queued: [0, 0],
  reading: [0.02, 0.75],
  checking: [0.75, 0.85],
  saving: [0.85, 0.93],
  analysing: [0.93, 1],
  done: [1, 1],
};

export function overallFraction(phase: ImportJob['progress']['phase'], fraction: number): number {
  const [from, to] = SPANS[phase];
  return from + (to - from) * Math.min(Math.max(fraction, 0), 1);
}

const finished = (state: RunState) => ['succeeded', 'rejected', 'failed'].includes(state.stage);

export function runReducer(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'reset':
      return IDLE;
    case 'upload':
      return { ...IDLE, stage: 'uploading', phase: 'uploading' };
    case 'queued':
      return { ...state, stage: 'running', jobId: event.jobId, phase: 'queued' };
    case 'progress': {
      // Events can still arrive after the end (a reconnect replays the last progress): ignore them.
      if (finished(state)) return state;
      const fraction = Math.max(state.fraction, overallFraction(event.data.phase, event.data.fraction));
      return { ...state, stage: 'running', phase: event.data.phase, fraction };
    }
    case 'done': {
      const stage = event.summary.committed ? 'succeeded' : 'rejected';
      return { ...state, stage, phase: 'done', fraction: 1, summary: event.summary };
    }
    case 'failed':
      return { ...state, stage: 'failed', phase: 'done', error: event.error };
  }
}

/** A job read with GET /imports/{jobId} (after the event stream was lost) as the event it amounts to. */
export function eventOfJob(job: ImportJob): RunEvent {
  if (job.error) return { type: 'failed', error: job.error };
  if (job.summary) return { type: 'done', summary: job.summary };
  return { type: 'progress', data: job.progress };
}
