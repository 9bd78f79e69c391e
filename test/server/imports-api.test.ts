import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AnalyticStore, openAnalyticStore } from '../../src/analytics/analytic-store.js';
import type { ImportSummary } from '../../src/import/import.schema.js';
import { createApp } from '../../src/server/app.js';
import { addUser } from '../../src/users/user.service.js';
import { describeEachBackend, type TestStore } from '../helpers/backends.js';

const HEADER = 'Invoice No,Line,Invoice Date,Customer No,Customer Name,Amount,Segment';
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const GOOD = csv([
  'R1,1,2024-01-10,K1,Alpha GmbH,100.00,Retail',
  'R1,2,2024-01-10,K1,Alpha GmbH,50.00,Retail',
  'R2,1,2024-01-20,K2,Beta AB,200.00,Energy',
]);

interface Job {
  status: string;
  progress: { phase: string; fraction: number };
  summary: ImportSummary | null;
  error: { code: string; message: string } | null;
}

describeEachBackend('imports API: upload, background job, events, rejects', (backend) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let analytic: Promise<AnalyticStore> | undefined;
  const people: Record<string, Record<string, string>> = {};

  const upload = (who: string | null, name: string, text: string, query = '') =>
    app.request(`/api/v1/imports?fileName=${encodeURIComponent(name)}${query}`, {
      method: 'POST',
      headers: { ...(who ? people[who] : {}), 'content-type': 'text/csv' },
      body: text,
    });
  const get = (url: string, who = 'manager') =>
    app.request(`/api/v1/imports${url}`, { headers: people[who] });
  const submit = async (name: string, text: string, query = '') => {
    const response = await upload('manager', name, text, query);
    expect(response.status).toBe(202);
    return ((await response.json()) as { jobId: string }).jobId;
  };
  const finished = async (jobId: string): Promise<Job> => {
    for (let i = 0; i < 600; i++) {
      const job = (await (await get(`/${jobId}`)).json()) as Job;
      if (!['queued', 'running'].includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${jobId} did not finish`);
  };

  beforeAll(async () => {
    store = await backend.create();
    app = createApp({
      db: store.db,
      analytic: () => {
        analytic ??= openAnalyticStore(store.dataDir);
        return analytic;
      },
      dataDir: store.dataDir,
      log: () => {},
    });
    for (const role of ['manager', 'viewer'] as const) {
      const { user, password } = await addUser(store.db, { email: `${role}@example.com`, role });
      const response = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password }),
      });
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      people[role] = {
        cookie: response.headers.get('set-cookie')!.split(';')[0]!,
        'x-csrf-token': csrfToken,
      };
    }
  });
  afterAll(async () => {
    if (analytic) (await analytic).close();
    await store.drop();
  });

  it('imports an uploaded CSV in the background and records it', async () => {
    const jobId = await submit('jan.csv', GOOD);
    const job = await finished(jobId);
    expect(job).toMatchObject({ status: 'succeeded', progress: { phase: 'done', fraction: 1 }, error: null });
    expect(job.summary).toMatchObject({
      file: 'jan.csv',
      rowsRead: 3,
      rowsImported: 3,
      rowsRejected: 0,
      customers: 2,
      accountsCreated: 2,
      committed: true,
      rejectsFile: null,
    });
    expect(Number(job.summary!.totalAmount)).toBe(350);
    const account = await app.request('/api/v1/accounts/K2', { headers: people.manager });
    expect(await account.json()).toMatchObject({ id: 'K2', name: 'Beta AB' });
    // The analysis is published again after the import, so the web app needs no `kontor analyze`.
    expect(job.summary).toMatchObject({ analysis: { published: true } });
    const snapshot = (await (
      await app.request('/api/v1/portfolio/snapshot', { headers: people.manager })
    ).json()) as { concentration: { customers: number; total: number } };
    expect(snapshot.concentration).toMatchObject({ customers: 2, total: 350 });
    const listed = (await (
      await app.request('/api/v1/accounts?sort=rank', { headers: people.manager })
    ).json()) as { items: { id: string; rank: number; revenue: string }[] };
    expect(listed.items.map((item) => [item.id, item.rank, Number(item.revenue)])).toEqual([
      ['K2', 1, 200],
      ['K1', 2, 150],
    ]);
    const list = (await (await get('')).json()) as { items: Record<string, unknown>[] };
    expect(list.items[0]).toMatchObject({ kind: 'sales', fileName: 'jan.csv', status: 'succeeded' });
    expect(list.items[0]!.summary).toMatchObject({ jobId, rowsImported: 3 });
    // The aborted write stream closes asynchronously; give its clean-up a moment.
    const uploads = path.join(store.dataDir, 'uploads');
    for (let i = 0; i < 40 && fs.existsSync(uploads) && fs.readdirSync(uploads).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  });

  it('adds nothing when the same file is uploaded again', async () => {
    const job = await finished(await submit('jan.csv', GOOD));
    expect(job.summary).toMatchObject({
      rowsImported: 0,
      duplicatesSkipped: 3,
      analysis: { published: false },
    });
    expect(job.status).toBe('succeeded');
  });

  it('streams progress events and a final done event', async () => {
    const jobId = await submit('feb.csv', csv(['R3,1,2024-02-05,K3,Gamma Sp. z o.o.,300.00,Retail']));
    const response = await get(`/${jobId}/events`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text())
      .split('\n\n')
      .filter((block) => block.trim())
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as Record<string, unknown>,
      }));
    expect(events.length).toBeGreaterThan(1);
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
    expect(events[0]!.data).toEqual({ phase: expect.any(String), fraction: expect.any(Number) });
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { rowsImported: 1, committed: true } });
  });

  it('rejects a file with a bad row (abort) and offers the rejects CSV', async () => {
    const bad = csv(['R5,1,2024-02-10,K5,Epsilon,12x,Retail', 'R5,2,2024-02-10,K5,Epsilon,7.00,Retail']);
    const jobId = await submit('bad.csv', bad, '&onError=abort');
    const job = await finished(jobId);
    expect(job.status).toBe('rejected');
    expect(job.summary).toMatchObject({
      committed: false,
      rowsImported: 0,
      rejects: [{ line: 2, column: 'Amount', value: '12x', reason: 'not a number' }],
      rejectsFile: `/api/v1/imports/${jobId}/rejects`,
    });
    const download = await get(`/${jobId}/rejects`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const lines = (await download.text()).trim().split('\n');
    expect(lines[0]).toBe('line,column,value,reason');
    expect(lines[1]).toMatch(/^2,Amount,12x,/);
    expect((await app.request('/api/v1/accounts/K5', { headers: people.manager })).status).toBe(404);
    const list = (await (await get('')).json()) as { items: { status: string }[] };
    expect(list.items[0]).toMatchObject({ status: 'rejected' });
    const clean = await finished(
      await submit('clean.csv', csv(['R9,1,2024-03-01,K1,Alpha GmbH,1.00,Retail'])),
    );
    expect(clean.summary?.rejectsFile).toBeNull();
  });

  it('refuses a file over KONTOR_UPLOAD_LIMIT_MB with 413 and keeps no partial file', async () => {
    process.env.KONTOR_UPLOAD_LIMIT_MB = '0.0001'; // about 105 bytes
    try {
      const response = await upload('manager', 'big.csv', GOOD.repeat(3));
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    } finally {
      delete process.env.KONTOR_UPLOAD_LIMIT_MB;
    }
    // The aborted write stream closes asynchronously; give its clean-up a moment.
    const uploads = path.join(store.dataDir, 'uploads');
    for (let i = 0; i < 40 && fs.existsSync(uploads) && fs.readdirSync(uploads).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  });

  it('needs a manager or admin, and a login', async () => {
    expect((await upload('viewer', 'x.csv', GOOD)).status).toBe(403);
    expect((await get('', 'viewer')).status).toBe(403);
    expect((await upload(null, 'x.csv', GOOD)).status).toBe(401);
    expect((await app.request('/api/v1/imports')).status).toBe(401);
    expect((await get('/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('documents the import routes in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    expect(Object.keys(doc.paths['/api/v1/imports/{jobId}/events']!.get!.responses['200']!.content!)).toEqual(
      ['text/event-stream'],
    );
    expect(doc.paths['/api/v1/imports']!.post).toBeDefined();
    expect(doc.paths['/api/v1/imports/{jobId}/rejects']!.get).toBeDefined();
  });
});
