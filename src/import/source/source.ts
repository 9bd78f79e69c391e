import fs from 'node:fs';
import path from 'node:path';
import { KontorError } from '../../errors.js';
import { prepareParquetSource } from './parquet-source.js';
import { prepareTextSource, sampleTextSource } from './text-source.js';
import { prepareXlsxSource, sampleXlsxSource } from './xlsx-source.js';

/** What the head of a sales file shows: its shape and first rows as text (all a preview needs). */
export interface SourceSample {
  format: 'delimited' | 'whitespace' | 'xlsx' | 'parquet';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** The first rows as text, for sniffing formats and for a preview. */
  sample: string[][];
  /** The line (text), sheet row (XLSX) or row number (Parquet) of each sample row. */
  sampleLines: number[];
  /** The workbook's sheet names (XLSX only). */
  sheets?: string[];
}

/**
 * A sales file made ready for DuckDB: whatever its format, `relation` yields the file's columns as
 * VARCHAR named c0…c{n-1}, so one set of SQL parses, checks and loads every format.
 */
export interface PreparedSource extends SourceSample {
  /** SQL producing c0…c{n-1} (plus `__line` when the format knows its own line numbers). */
  relation: string;
  params: Record<string, string | boolean>;
  /** Line number of the first data row, to turn a row position into a line number. */
  firstDataLine: number;
  hasLineColumn: boolean;
  /** Rows DuckDB's reader refused (wrong number of fields…), reported like any bad row. */
  structuralRejects: boolean;
  /** For delimited text: the same read with typed columns parsed by DuckDB's reader (see native.ts). */
  typedRelation?: (
    types: Map<number, string>,
    formats: NativeFormatOptions,
  ) => { relation: string; params: Record<string, string | boolean> };
  cleanup(): void;
}

export interface NativeFormatOptions {
  dateformat: string;
  decimalSeparator: '.' | ',';
  thousands: string | null;
}

export interface SourceOptions {
  encoding?: string | undefined;
  sheet?: string | undefined;
  tmpDir: string;
}

export function prepareSource(file: string, options: SourceOptions): Promise<PreparedSource> {
  return byKind(file, {
    xlsx: () => prepareXlsxSource(file, options),
    parquet: () => prepareParquetSource(file),
    text: () => prepareTextSource(file, options),
  });
}

/** The shape and first rows of the file, read exactly as prepareSource reads them, without preparing it. */
export function sampleSource(file: string, options: Omit<SourceOptions, 'tmpDir'>): Promise<SourceSample> {
  return byKind<SourceSample>(file, {
    xlsx: () => sampleXlsxSource(file, options),
    parquet: () => prepareParquetSource(file),
    text: async () => sampleTextSource(file, options),
  });
}

async function byKind<T>(
  file: string,
  read: { xlsx: () => Promise<T>; parquet: () => Promise<T>; text: () => Promise<T> },
): Promise<T> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new KontorError('file_not_found', `The file "${file}" does not exist.`);
  }
  const magic = readMagic(file);
  if (magic.startsWith('PK')) {
    if (path.extname(file).toLowerCase() === '.xls') throw unsupported(file, 'old Excel (.xls)');
    return read.xlsx().catch((error) => unreadable(file, 'an Excel workbook', error));
  }
  if (magic === 'PAR1') return read.parquet().catch((error) => unreadable(file, 'Parquet', error));
  if (magic.startsWith('\xD0\xCF')) throw unsupported(file, 'old Excel (.xls)');
  return read.text();
}

function readMagic(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const read = fs.readSync(fd, buffer, 0, 4, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/** A damaged or truncated file: the reader's raw error (exceljs "FILE_ENDED", DuckDB "Footer length error"). */
function unreadable(file: string, what: string, error: unknown): never {
  if (error instanceof KontorError) throw error;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  throw new KontorError(
    'unsupported_file',
    `"${path.basename(file)}" cannot be read as ${what} (${reason}). Is the file complete? Save it again, or as CSV.`,
  );
}

function unsupported(file: string, what: string): KontorError {
  return new KontorError(
    'unsupported_file',
    `"${path.basename(file)}" is an ${what} file. Save it as .xlsx or CSV and import that.`,
  );
}
