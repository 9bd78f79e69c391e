import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import { errorSchema } from '../auth/auth.schema.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { requireRole, requireWriteAccess } from '../server/authorize.js';
import type { ServerEnv } from '../server/env.js';
import { ImportJobs, type JobEvent, rejectsPath, salesImportTask } from './import-jobs.js';
import { importOptionsOf, uploadQuery } from './import-options.js';
import { addPreviewRoute } from './import-preview.routes.js';
import { receive } from './receive-upload.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const text = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
});
const failure = (description: string) => json(errorSchema, description);
const denied = { 401: failure('Not logged in'), 403: failure('Needs the role admin or manager') };
const missing = { 404: failure('No such job (jobs are held in memory until the server restarts)') };
const tags = ['imports'];
const object = z.object({}).catchall(z.unknown());
const summary = object.openapi('ImportSummary', { description: 'As `kontor import sales --json` prints it' });
const status = z.enum(['queued', 'running', 'succeeded', 'rejected', 'failed']);
const jobSchema = z
  .object({
    id: z.string(),
    status,
    fileName: z.string(),
    queuedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    progress: z.object({ phase: z.string(), fraction: z.number() }),
    summary: summary.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi('ImportJob');
const file = { schema: z.string().openapi({ format: 'binary' }) };
const upload = createRoute({
  method: 'post',
  path: '/',
  tags,
  description: 'The file is the raw request body (no multipart parser is installed); options in the query.',
  request: {
    query: uploadQuery,
    body: { required: true, content: { 'application/octet-stream': file, 'text/csv': file } },
  },
  responses: {
    202: json(z.object({ jobId: z.string() }), 'Queued; follow it at /{jobId} or /{jobId}/events'),
    400: failure('Invalid options or no file'),
    ...denied,
    413: failure('The file is larger than KONTOR_UPLOAD_LIMIT_MB'),
  },
});
const listed = z
  .object({
    id: z.number(),
    kind: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    status: z.enum(['succeeded', 'rejected', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string(),
    summary: object.openapi({ description: 'The summary without the rejected rows, and the jobId' }),
  })
  .strict()
  .openapi('RecentImport');
export type RecentImport = z.infer<typeof listed>;
const latest = json(z.object({ items: z.array(listed) }), 'The latest 50 imports');
const list = createRoute({ method: 'get', path: '/', tags, responses: { 200: latest, ...denied } });
const request = { params: z.object({ jobId: z.string().uuid() }) };
const ofJob = <P extends string, R extends RouteConfig['responses']>(path: P, responses: R) =>
  createRoute({ method: 'get', path, tags, request, responses: { ...responses, ...denied, ...missing } });
const detail = ofJob('/{jobId}', { 200: json(jobSchema, 'Status, progress and, when done, the summary') });
const sse = 'SSE: `progress` {phase, fraction}, then `done` (summary) or `failed` {code, message}';
const events = ofJob('/{jobId}/events', { 200: text('text/event-stream', sse) });
const rejects = ofJob('/{jobId}/rejects', { 200: text('text/csv', 'Rows: line, column, value, reason') });

/** The queue of background imports; `kontor serve` holds it to let running imports finish on shutdown. */
export function importJobs(log: (line: string) => void = () => {}): ImportJobs {
  return new ImportJobs((error, job) =>
    log(
      JSON.stringify({ time: new Date().toISOString(), level: 'error', job: job.id, error: String(error) }),
    ),
  );
}

/** Sales imports over HTTP (admins and managers): upload, then follow the background job. */
export function importRoutes(log: (line: string) => void = () => {}, jobs = importJobs(log)) {
  const mustFind = (c: Context<ServerEnv>, id: string) => {
    requireRole(c.get('actor'), 'admin', 'manager');
    const job = jobs.get(id);
    if (!job) throw new KontorError('not_found', `There is no import job "${id}".`);
    return job;
  };
  const app = new OpenAPIHono<ServerEnv>()
    .openapi(upload, async (c) => {
      const actor = requireWriteAccess(requireRole(c.get('actor'), 'admin', 'manager'));
      const query = c.req.valid('query');
      const options = importOptionsOf(query);
      const fileName = path.basename(query.fileName ?? 'upload.csv').replace(/[^\w.\- ]/g, '_');
      const jobId = crypto.randomUUID();
      const dataDir = c.get('dataDir');
      const file = path.join(dataDir, 'uploads', `${jobId}-${fileName}`);
      const sha256 = await receive(c, file);
      const stores = { db: c.get('db'), analytic: c.get('analytic'), dataDir };
      const task = salesImportTask({ jobId, file, fileName, sha256, options, actor, ...stores });
      jobs.submit(jobId, fileName, task);
      return c.json({ jobId }, 202);
    })
    .openapi(list, async (c) => {
      requireRole(c.get('actor'), 'admin', 'manager');
      const db = c.get('db');
      const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(50).execute();
      const items = rows.map(({ file_name, started_at, finished_at, file_sha256, summary, ...row }) => {
        const { rejects: _shown, ...counts } = JSON.parse(summary) as Record<string, unknown>;
        const times = { startedAt: started_at, finishedAt: finished_at };
        return { ...row, fileName: file_name, sha256: file_sha256, ...times, summary: counts };
      });
      return c.json({ items }, 200);
    })
    .openapi(detail, async (c) => c.json(mustFind(c, c.req.valid('param').jobId), 200));
  addPreviewRoute(app);
  app.openAPIRegistry.registerPath(events);
  app.openAPIRegistry.registerPath(rejects);
  app.get('/:jobId/events', (c) => {
    const job = mustFind(c, c.req.param('jobId'));
    return streamSSE(c, async (stream) => {
      let written = Promise.resolve();
      await new Promise<void>((resolve) => {
        const send = (event: JobEvent) => {
          const frame = { event: event.type, data: JSON.stringify(event.data) };
          written = written.then(() => stream.writeSSE(frame));
          if (event.type !== 'progress') void written.then(resolve, resolve);
        };
        const stop = jobs.subscribe(job.id, send);
        stream.onAbort(() => resolve(stop()));
      });
      await written.catch(() => {});
    });
  });
  app.get('/:jobId/rejects', async (c) => {
    requireRole(c.get('actor'), 'admin', 'manager');
    const id = c.req.param('jobId');
    // The rejects file outlives the in-memory job: after a restart the recorded import still names it.
    const fileName = jobs.get(id)?.fileName ?? (await recordedFileName(c.get('db'), id));
    if (!fileName) throw new KontorError('not_found', `There is no import job "${id}".`);
    const file = rejectsPath(c.get('dataDir'), id);
    if (!fs.existsSync(file))
      throw new KontorError('not_found', `The import of "${fileName}" has no rejected rows.`);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${fileName}.rejects.csv"`);
    return c.body(Readable.toWeb(fs.createReadStream(file)) as ReadableStream);
  });
  return app;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file name of a finished import, found by the job id its recorded summary starts with. */
async function recordedFileName(db: Kysely<Database>, jobId: string): Promise<string | null> {
  if (!UUID.test(jobId)) return null;
  const row = await db
    .selectFrom('imports')
    .select('file_name')
    .where('summary', 'like', `{"jobId":"${jobId}"%`)
    .executeTakeFirst();
  return row?.file_name ?? null;
}
