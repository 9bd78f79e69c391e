import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { KontorError } from '../errors.js';
import { discardWrite } from '../files.js';
import type { ServerEnv } from '../server/env.js';

/** Streams the body to `file` and hashes it; over KONTOR_UPLOAD_LIMIT_MB it stops reading and deletes the file. */
export async function receive(c: Context<ServerEnv>, file: string): Promise<string> {
  if (/^multipart\//i.test(c.req.header('content-type') ?? ''))
    throw new KontorError('validation', 'Send the file as the raw request body, not as a form.');
  const megabytes = Number(process.env.KONTOR_UPLOAD_LIMIT_MB ?? 200);
  const limit = (megabytes > 0 ? megabytes : 200) * 1024 * 1024;
  const tooLarge = () =>
    new KontorError('payload_too_large', `The file is over the upload limit of ${limit / 2 ** 20} MB.`);
  if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) throw new KontorError('validation', 'The request has no file in its body.');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(size > limit ? tooLarge() : null, chunk);
    },
  });
  const out = fs.createWriteStream(file, { flags: 'wx' });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream), meter, out);
    if (size === 0) throw new KontorError('validation', 'The uploaded file is empty.');
  } catch (error) {
    await discardWrite(out, file);
    throw error;
  }
  return hash.digest('hex');
}
