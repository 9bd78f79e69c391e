import { z } from '@hono/zod-openapi';
import { parseMapping } from './import-jobs.js';

/** The options of an upload, in the query (the body is the file); the preview takes the same ones. */
export const uploadQuery = z
  .object({
    fileName: z.string().min(1).max(200).optional().openapi({ description: 'The original file name' }),
    onError: z.enum(['abort', 'skip']).optional(),
    dateFormat: z.string().max(20).optional(),
    decimal: z.enum(['.', ',']).optional(),
    encoding: z.string().max(40).optional(),
    sheet: z.string().max(200).optional(),
    map: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .openapi({ description: 'field=Header (repeatable); field= leaves the field unmapped' }),
  })
  .strict();

export type UploadQuery = z.infer<typeof uploadQuery>;

/** The query as import options: `map` pairs become the mapping (header overrides by field). */
export function importOptionsOf(query: UploadQuery) {
  const { fileName: _name, map, ...flags } = query;
  return { ...flags, mapping: parseMapping(typeof map === 'string' ? [map] : (map ?? [])) };
}
