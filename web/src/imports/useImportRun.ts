import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer } from 'react';
import { ApiError, api, type Query, request } from '../api/client';
import type { ImportJob } from '../api/types';
import { eventOfJob, IDLE, type RunEvent, runReducer } from './job';

export const RECENT_IMPORTS_KEY = ['imports', 'recent'] as const;

const asError = (error: unknown) =>
  error instanceof ApiError
    ? { code: error.code, message: error.message }
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

/**
 * Uploads the file as the raw request body, then follows the background job over SSE
 * (`/imports/{jobId}/events`, same origin, so the session cookie goes along).
 */
export function useImportRun() {
  const [state, dispatch] = useReducer(runReducer, IDLE);
  const client = useQueryClient();

  const start = useCallback(async (file: File, query: Query) => {
    dispatch({ type: 'upload' });
    try {
      const { jobId } = await request<{ jobId: string }>('POST', '/imports', { raw: file, query });
      dispatch({ type: 'queued', jobId });
    } catch (error) {
      dispatch({ type: 'failed', error: asError(error) });
    }
  }, []);
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);

  useJobEvents(state.jobId, dispatch);

  const ended = state.stage === 'succeeded' || state.stage === 'rejected' || state.stage === 'failed';
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: RECENT_IMPORTS_KEY });
  }, [ended, client]);

  return { state, start, reset };
}

/**
 * Progress, then `done` or `failed`. EventSource reconnects by itself after a dropped connection (the
 * server replays the current progress); when it gives up (the job is gone, the session ended), the job
 * is read once instead.
 */
export function useJobEvents(jobId: string | null, dispatch: (event: RunEvent) => void): void {
  useEffect(() => {
    if (!jobId) return;
    const source = new EventSource(`/api/v1/imports/${jobId}/events`);
    let over = false;
    const end = (event: RunEvent) => {
      over = true;
      source.close();
      dispatch(event);
    };
    const data = (event: Event) => JSON.parse((event as MessageEvent<string>).data);
    source.addEventListener('progress', (event) => dispatch({ type: 'progress', data: data(event) }));
    source.addEventListener('done', (event) => end({ type: 'done', summary: data(event) }));
    source.addEventListener('failed', (event) => end({ type: 'failed', error: data(event) }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unmounted = false;
    const poll = () =>
      api
        .get<ImportJob>(`/imports/${jobId}`)
        .then((job) => {
          const event = eventOfJob(job);
          dispatch(event);
          if (event.type === 'progress' && !unmounted) timer = setTimeout(poll, 1000);
        })
        .catch((error: unknown) => dispatch({ type: 'failed', error: asError(error) }));
    source.onerror = () => {
      if (over || source.readyState !== EventSource.CLOSED) return;
      over = true;
      void poll();
    };
    return () => {
      over = true;
      unmounted = true;
      clearTimeout(timer);
      source.close();
    };
  }, [jobId, dispatch]);
}
