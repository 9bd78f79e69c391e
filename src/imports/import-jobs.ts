import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import type { ImportOptions, ImportSummary } from '../import/import.schema.js';
import { FIELD_NAMES } from '../import/import.schema.js';
import { importSales } from '../import/import.service.js';
import { warmDefaultAnalysis } from '../portfolio/portfolio.memo.js';
import { analyzeSales } from '../portfolio/portfolio.service.js';
import type { Actor } from '../server/env.js';
import { getSettings } from '../settings/setting.service.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'rejected' | 'failed';
export type JobPhase = 'queued' | 'reading' | 'checking' | 'saving' | 'analysing' | 'done';

export interface ImportJob {
  id: string;
  status: JobStatus;
  /** The name the file was uploaded under (never the server's path). */
  fileName: string;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { phase: JobPhase; fraction: number };
  summary: ImportSummary | null;
  error: { code: string; message: string } | null;
}

export type JobEvent =
  | { type: 'progress'; data: ImportJob['progress'] }
  | { type: 'done'; data: ImportSummary }
  | { type: 'failed'; data: { code: string; message: string } };

export interface JobTask {
  /** The import itself; reports progress as the import service does. */
  run(onProgress: (phase: JobPhase, fraction: number) => void): Promise<ImportSummary>;
  /** Called once the job has its final status, before anyone is told (records it, removes the upload). */
  finished(job: ImportJob): Promise<void>;
}

const INTERNAL = { code: 'internal', message: 'The import failed on the server. It has been logged.' };
const QUEUED = { phase: 'queued', fraction: 0 } as const;
const DONE = { phase: 'done', fraction: 1 } as const;
const blank = () => ({ startedAt: null, finishedAt: null, progress: QUEUED, summary: null, error: null });

/**
 * In-process import jobs, run one at a time in the order submitted (DuckDB has one writer, an import is one
 * transaction). The newest finished jobs are kept, so a client can read the outcome after the events ended.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly listeners = new Map<string, Set<(event: JobEvent) => void>>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly log: (error: unknown, job: ImportJob) => void = () => {}) {}

  /** Queues the job and returns at once; the import runs in the background. */
  submit(id: string, fileName: string, task: JobTask): ImportJob {
    const job: ImportJob = { id, fileName, status: 'queued', queuedAt: new Date().toISOString(), ...blank() };
    this.jobs.set(id, job);
    this.forgetOldJobs();
    this.tail = this.tail.then(() => this.execute(job, task));
    return job;
  }

  readonly get = (id: string): ImportJob | undefined => this.jobs.get(id);

  /** Resolves when every queued and running import has finished (committed or rolled back). */
  idle(): Promise<void> {
    const tail = this.tail;
    return tail.then(() => (this.tail === tail ? undefined : this.idle()));
  }

  /** Whether an import is queued or running. */
  get busy(): boolean {
    return [...this.jobs.values()].some((job) => job.status === 'queued' || job.status === 'running');
  }

  /** `listener` gets the current progress (and final event) at once, then every change; returns stop(). */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    const job = this.jobs.get(id);
    if (!job) throw new KontorError('not_found', `There is no import job "${id}".`);
    listener({ type: 'progress', data: { ...job.progress } });
    const final = finalEvent(job);
    if (final) listener(final);
    else this.listeners.set(id, (this.listeners.get(id) ?? new Set()).add(listener));
    return () => void this.listeners.get(id)?.delete(listener);
  }

  private emit(job: ImportJob, event: JobEvent): void {
    for (const listener of this.listeners.get(job.id) ?? []) listener(event);
    if (event.type !== 'progress') this.listeners.delete(job.id);
  }

  private async execute(job: ImportJob, task: JobTask): Promise<void> {
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    let sent = { phase: '', fraction: -1 };
    const report = (phase: JobPhase, fraction: number) => {
      job.progress = { phase, fraction };
      // A phase change, or a step of at least 1%: enough for a progress bar, few events on a big file.
      if (phase === sent.phase && fraction < 1 && fraction - sent.fraction < 0.01) return;
      sent = { phase, fraction };
      this.emit(job, { type: 'progress', data: { phase, fraction } });
    };
    report('reading', 0);
    const outcome: Partial<ImportJob> = { status: 'failed' };
    try {
      const summary = await task.run(report);
      Object.assign(outcome, { status: summary.committed ? 'succeeded' : 'rejected', summary });
    } catch (error) {
      if (!(error instanceof KontorError)) this.log(error, job);
      outcome.error = error instanceof KontorError ? { code: error.code, message: error.message } : INTERNAL;
    }
    const done = { ...job, ...outcome, finishedAt: new Date().toISOString(), progress: DONE };
    await task.finished(done).catch((error: unknown) => this.log(error, done));
    Object.assign(job, done);
    const final = finalEvent(job);
    if (final) this.emit(job, final);
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.finishedAt);
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - 200))) this.jobs.delete(job.id);
  }
}

function finalEvent(job: ImportJob): JobEvent | null {
  if (job.error) return { type: 'failed', data: job.error };
  return job.summary ? { type: 'done', data: job.summary } : null;
}

export interface SalesUpload {
  jobId: string;
  /** The uploaded file on the server, the name it was uploaded under, its SHA-256. */
  file: string;
  fileName: string;
  sha256: string;
  /** The rejects CSV always goes to rejectsPath(dataDir, jobId). */
  options: Omit<ImportOptions, 'file' | 'rejectsFile'>;
  actor: Actor;
  db: Kysely<Database>;
  analytic: () => Promise<AnalyticStore>;
  dataDir: string;
}

export const rejectsPath = (dataDir: string, jobId: string) =>
  path.join(dataDir, 'rejects', `${jobId}.rejects.csv`);

/**
 * The sales import of one upload, on a DuckDB connection of its own (its temp tables and transaction
 * stay apart from requests that read). When it is over, the upload is deleted and the outcome recorded
 * in `imports` (and the audit log: who imported) in one transaction.
 */
export function salesImportTask(upload: SalesUpload): JobTask {
  const { jobId, file, fileName, db, dataDir } = upload;
  return {
    run: async (onProgress) => {
      const store = await upload.analytic();
      const connection = await store.connect();
      try {
        const { currency } = await getSettings(db);
        const context = { analytic: { ...store, connection }, db, dataDir, currency, onProgress };
        const rejectsFile = rejectsPath(dataDir, jobId);
        const found = await importSales(context, { ...upload.options, file, rejectsFile });
        const download = found.rejectsFile ? `/api/v1/imports/${jobId}/rejects` : null;
        // New sales change every figure: publish the analysis again, as `kontor analyze` would, so the
        // dashboard's changes, the account list and the account pages are current without the CLI.
        // The lines are committed by then: a failed analysis is reported beside a successful import.
        let analysis: { published: boolean; error?: string } = { published: false };
        if (found.committed && found.rowsImported + found.linesReplaced > 0) {
          onProgress('analysing', 0);
          try {
            const settings = await getSettings(db);
            await analyzeSales({ analytic: { ...store, connection }, db, settings }, {});
            analysis = { published: true };
            // The dashboard's first view after an import is then ready when someone opens it.
            await warmDefaultAnalysis(db, store);
          } catch (error) {
            analysis = { published: false, error: (error as Error).message };
          }
          onProgress('analysing', 1);
        }
        const rejects = found.rejects.slice(0, 1000);
        return { ...found, file: fileName, rejectsFile: download, rejects, analysis };
      } finally {
        connection.closeSync();
      }
    },
    finished: async (job) => {
      fs.rmSync(file, { force: true });
      await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('imports')
          .values({
            kind: 'sales',
            file_name: fileName,
            file_sha256: upload.sha256,
            status: job.status as 'succeeded' | 'rejected' | 'failed',
            started_at: job.startedAt ?? job.queuedAt,
            finished_at: job.finishedAt ?? new Date().toISOString(),
            summary: JSON.stringify({ jobId, ...(job.summary ?? { error: job.error }) }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const after = { fileName, status: job.status, rowsImported: job.summary?.rowsImported ?? 0 };
        const change = { entity: 'import', entityId: String(id), action: 'create' as const, before: null };
        await recordAudit(trx, upload.actor, { ...change, after });
      });
    },
  };
}

/** `map` as field=Header pairs (repeatable), like the CLI's --map. */
export function parseMapping(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !(FIELD_NAMES as readonly string[]).includes(field)) {
      const message = `map needs field=Header with a field of ${FIELD_NAMES.join(', ')}; got "${pair}".`;
      throw new KontorError('validation', message, [{ field: 'map', message }]);
    }
    mapping[field] = pair.slice(at + 1).trim();
  }
  return mapping;
}
