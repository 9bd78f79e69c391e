import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { errorSchema } from '../auth/auth.schema.js';
import { KontorError } from '../errors.js';
import { previewSales } from '../import/preview.js';
import { importPreviewSchema } from '../import/preview.schema.js';
import { TEXT_HEAD_BYTES } from '../import/source/text-source.js';
import { requireRole, requireWriteAccess } from '../server/authorize.js';
import type { ServerEnv } from '../server/env.js';
import { importOptionsOf, uploadQuery } from './import-options.js';

/**
 * Workbooks and Parquet files keep what a reader needs at the end of the file (the zip directory, the
 * footer), so their head alone cannot be read: the whole file is sent, up to this size. Larger ones show
 * their mapping after the upload. Text files only ever need their head.
 */
export const PREVIEW_WHOLE_FILE_LIMIT = 20 * 1024 * 1024;

const failure = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});
const file = { schema: z.string().openapi({ format: 'binary' }) };

export const previewRoute = createRoute({
  method: 'post',
  path: '/preview',
  tags: ['imports'],
  description:
    `What the import will make of a file, before uploading it: detected encoding, layout, header → field ` +
    `mapping, number and date styles, and the first rows as parsed values with every problem. Send the ` +
    `first ${TEXT_HEAD_BYTES / 1024} KB of a text file (or all of a smaller one); XLSX and Parquet files whole, ` +
    `up to ${PREVIEW_WHOLE_FILE_LIMIT / 2 ** 20} MB. Takes the same options as the upload. Nothing is stored.`,
  request: {
    query: uploadQuery,
    body: { required: true, content: { 'application/octet-stream': file, 'text/csv': file } },
  },
  responses: {
    200: {
      description: 'The preview',
      content: { 'application/json': { schema: importPreviewSchema.openapi('ImportPreview') } },
    },
    400: failure('Invalid options, or no file'),
    401: failure('Not logged in'),
    403: failure('Needs the role admin or manager'),
    413: failure(`An XLSX or Parquet file over ${PREVIEW_WHOLE_FILE_LIMIT / 2 ** 20} MB`),
    422: failure(
      'The file cannot be read (e.g. old .xls, damaged workbook), or a chosen header does not exist',
    ),
  },
});

/** Same policy as the upload it prepares: admins and managers, with write access. */
export function addPreviewRoute(app: OpenAPIHono<ServerEnv>) {
  return app.openapi(previewRoute, async (c) => {
    requireWriteAccess(requireRole(c.get('actor'), 'admin', 'manager'));
    const query = c.req.valid('query');
    const options = importOptionsOf(query);
    const fileName = path.basename(query.fileName ?? 'upload.csv');
    const head = await readHead(c);
    const tmpDir = path.join(c.get('dataDir'), 'tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    // The extension matters: an old .xls is recognised by it.
    const extension = path
      .extname(fileName)
      .replace(/[^\w.]/g, '')
      .slice(0, 10);
    const target = path.join(tmpDir, `preview-${crypto.randomUUID()}${extension}`);
    fs.writeFileSync(target, head, { flag: 'wx' });
    try {
      return c.json(await previewSales(target, fileName, options), 200);
    } finally {
      fs.rmSync(target, { force: true });
    }
  });
}

/** Of a text file only the head the import sniffs is read; a workbook or Parquet file whole, up to the limit. */
async function readHead(c: Context<ServerEnv>): Promise<Buffer> {
  const body = c.req.raw.body;
  if (!body) throw new KontorError('validation', 'The request has no file in its body.');
  const chunks: Buffer[] = [];
  let size = 0;
  let whole: boolean | null = null;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    size += value.length;
    if (whole === null && size >= 4) whole = isBinary(Buffer.concat(chunks));
    const limit = whole === false ? TEXT_HEAD_BYTES : PREVIEW_WHOLE_FILE_LIMIT;
    if (size >= limit && whole !== null) {
      await reader.cancel().catch(() => {});
      if (whole) throw tooLarge();
      break;
    }
  }
  const all = Buffer.concat(chunks);
  if (all.length === 0) throw new KontorError('validation', 'The file is empty.');
  return isBinary(all) ? all : all.subarray(0, TEXT_HEAD_BYTES);
}

function isBinary(head: Buffer): boolean {
  const magic = head.subarray(0, 4).toString('latin1');
  return magic.startsWith('PK') || magic === 'PAR1' || magic.startsWith('\xD0\xCF');
}

function tooLarge(): KontorError {
  return new KontorError(
    'payload_too_large',
    `A workbook or Parquet file is previewed whole, up to ${PREVIEW_WHOLE_FILE_LIMIT / 2 ** 20} MB; a text file needs only its first ${TEXT_HEAD_BYTES / 1024} KB.`,
  );
}
