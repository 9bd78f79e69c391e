import { useQuery } from '@tanstack/react-query';
import { type Query, request } from '../api/client';
import type { ImportPreview } from '../api/types';

// As the server has them (src/import/source/text-source.ts TEXT_HEAD_BYTES and
// src/imports/import-preview.routes.ts PREVIEW_WHOLE_FILE_LIMIT): the import sniffs exactly this much
// of a text file, so the preview sees the same rows; workbooks and Parquet need the whole file.
export const TEXT_HEAD_BYTES = 256 * 1024;
export const WHOLE_FILE_LIMIT = 20 * 1024 * 1024;

export type PreviewBody = { kind: 'head' | 'whole'; blob: Blob } | { kind: 'too-large' };

async function firstBytes(file: Blob): Promise<Uint8Array> {
  const head = file.slice(0, 4);
  if (typeof head.arrayBuffer === 'function') return new Uint8Array(await head.arrayBuffer());
  return new Uint8Array(await new Response(head).arrayBuffer());
}

/** What to send for the preview: a text file's head, a workbook or Parquet file whole (if small enough). */
export async function previewBody(file: Blob): Promise<PreviewBody> {
  const [a, b, c, d] = await firstBytes(file);
  const zip = a === 0x50 && b === 0x4b; // "PK": XLSX
  const parquet = a === 0x50 && b === 0x41 && c === 0x52 && d === 0x31; // "PAR1"
  const oldExcel = a === 0xd0 && b === 0xcf; // .xls: the server says plainly it cannot read it
  if (!(zip || parquet || oldExcel)) return { kind: 'head', blob: file.slice(0, TEXT_HEAD_BYTES) };
  return file.size <= WHOLE_FILE_LIMIT ? { kind: 'whole', blob: file } : { kind: 'too-large' };
}

type PreviewKey = readonly ['imports', 'preview', number, PreviewOptions];

export interface PreviewOptions {
  encoding: string | null;
  decimal: string | null;
  dateFormat: string | null;
  sheet: string | null;
  map: string[];
}

export function optionsQuery(fileName: string, options: PreviewOptions): Query {
  return {
    fileName,
    encoding: options.encoding,
    decimal: options.decimal,
    dateFormat: options.dateFormat,
    sheet: options.sheet,
    map: options.map,
  };
}

/**
 * The preview of the chosen file with the chosen options. While a changed option is asked about, the
 * previous answer for the same file stays on screen (no layout jump); another file starts afresh.
 */
export function useImportPreview(file: { id: number; file: File } | null, options: PreviewOptions) {
  return useQuery<ImportPreview | null, Error, ImportPreview | null, PreviewKey>({
    queryKey: ['imports', 'preview', file?.id ?? 0, options],
    enabled: file !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === file?.id ? previous : undefined,
    queryFn: async ({ signal }): Promise<ImportPreview | null> => {
      if (!file) return null;
      const body = await previewBody(file.file);
      if (body.kind === 'too-large') return null;
      const query = optionsQuery(file.file.name, options);
      return request<ImportPreview>('POST', '/imports/preview', { raw: body.blob, query, signal });
    },
  });
}
