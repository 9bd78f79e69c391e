import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { KontorError } from '../../errors.js';
import { discardWrite } from '../../files.js';
import type { PreparedSource, SourceOptions, SourceSample } from './source.js';

const SAMPLE_ROWS = 500;

interface SheetScan {
  headers: string[] | null;
  sample: string[][];
  sampleLines: number[];
  sheets: string[];
  firstDataLine: number;
  found: boolean;
}

/**
 * Reads the chosen sheet (the first by default) row by row: the first non-empty row is the header, each
 * later row is padded to its width and handed to `write` with its sheet row number. Without `write` the
 * scan stops after the sample, but still lists every sheet.
 */
async function scanSheet(
  file: string,
  sheet: string | undefined,
  write: ((rowNumber: number, cells: string[]) => Promise<void>) | null,
): Promise<SheetScan> {
  let written = false;
  const counted =
    write &&
    (async (rowNumber: number, cells: string[]) => {
      written = true;
      await write(rowNumber, cells);
    });
  return readingAgainIfWorkbookLost(
    () => scanSheetOnce(file, sheet, counted),
    () => !written,
  );
}

/**
 * exceljs#3064: its streaming reader now and then loses the archive's last entry, and a workbook
 * written by ExcelJS (among others) stores xl/workbook.xml last; the first sheet then fails on its name
 * ("Cannot read properties of undefined (reading 'sheets')"), seen about once in 200 reads on a busy
 * machine. Nothing has been read at that point, so the workbook is read again, up to `attempts` times,
 * as long as `unread()` says no row was handed on yet.
 */
export async function readingAgainIfWorkbookLost<T>(
  read: () => Promise<T>,
  unread: () => boolean,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const lost = error instanceof TypeError && /reading 'sheets'/.test(error.message);
      if (!lost || attempt >= attempts || !unread()) throw error;
    }
  }
}

async function scanSheetOnce(
  file: string,
  sheet: string | undefined,
  write: ((rowNumber: number, cells: string[]) => Promise<void>) | null,
): Promise<SheetScan> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const scan: SheetScan = {
    headers: null,
    sample: [],
    sampleLines: [],
    sheets: [],
    firstDataLine: 0,
    found: false,
  };
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    scan.sheets.push(name);
    if (scan.found || (sheet !== undefined && sheet !== name)) {
      // A sheet stored before the shared strings comes as a stream on a temporary file that ExcelJS
      // deletes right after handing the sheet over. Left unread, the stream could open the file after
      // the deletion and throw ENOENT with nobody listening, which would end the process.
      const source = (worksheet as unknown as { iterator?: unknown }).iterator;
      if (source instanceof fs.ReadStream) {
        source.on('error', () => {});
        source.destroy();
      }
      continue;
    }
    scan.found = true;
    for await (const row of worksheet) {
      const values = cellsOf(row.values as unknown[]);
      if (values.every((v) => v === '')) continue;
      if (!scan.headers) {
        scan.headers = values.map((v) => v.trim());
        continue;
      }
      if (scan.firstDataLine === 0) scan.firstDataLine = row.number;
      const padded = scan.headers.map((_, i) => values[i] ?? '');
      if (scan.sample.length < SAMPLE_ROWS) {
        scan.sample.push(padded);
        scan.sampleLines.push(row.number);
      } else if (!write) break;
      if (write) await write(row.number, padded);
    }
  }
  return scan;
}

function refuseUnusable(file: string, scan: SheetScan, sheet: string | undefined): string[] {
  if (!scan.found) {
    if (scan.sheets.length === 0) {
      throw new KontorError(
        'unsupported_file',
        `"${path.basename(file)}" is a zip file but not an Excel workbook.`,
      );
    }
    throw new KontorError(
      'usage',
      `The workbook has no sheet "${sheet}". Its sheets: ${scan.sheets.join(', ')}.`,
    );
  }
  if (!scan.headers) throw new KontorError('bad_data', `The sheet of "${path.basename(file)}" is empty.`);
  return scan.headers;
}

/** The sheet's header and first rows, as prepareXlsxSource reads them, without converting the sheet. */
export async function sampleXlsxSource(
  file: string,
  options: { sheet?: string | undefined },
): Promise<SourceSample> {
  const scan = await scanSheet(file, options.sheet, null);
  const headers = refuseUnusable(file, scan, options.sheet);
  const { sample, sampleLines, sheets } = scan;
  return { format: 'xlsx', encoding: null, delimiter: null, headers, sample, sampleLines, sheets };
}

/**
 * Streams the sheet into a temporary UTF-8 CSV (DuckDB has no XLSX reader without an extension
 * download, and nothing may be downloaded at run time). Each row keeps its sheet row number.
 */
export async function prepareXlsxSource(file: string, options: SourceOptions): Promise<PreparedSource> {
  fs.mkdirSync(options.tmpDir, { recursive: true });
  const target = path.join(options.tmpDir, `import-${process.pid}-${Date.now()}.xlsx.csv`);
  const out = fs.createWriteStream(target, { encoding: 'utf8' });
  const cleanup = () => fs.rmSync(target, { force: true });
  let scan: SheetScan;
  try {
    scan = await scanSheet(file, options.sheet, async (rowNumber, cells) => {
      if (!out.write(`${rowNumber},${cells.map(quote).join(',')}\n`)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    });
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  } catch (error) {
    await discardWrite(out, target);
    throw error;
  }
  let headers: string[];
  try {
    headers = refuseUnusable(file, scan, options.sheet);
  } catch (error) {
    cleanup();
    throw error;
  }
  const columnSpec = ["'l': 'BIGINT'", ...headers.map((_, i) => `'c${i}': 'VARCHAR'`)].join(', ');
  const parts = headers.map((_, i) => `c${i}`).join(', ');
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers,
    sample: scan.sample,
    sampleLines: scan.sampleLines,
    sheets: scan.sheets,
    relation: `(SELECT ${parts}, l AS __line FROM read_csv($path, delim = ',', quote = '"', escape = '"',
                header = false, auto_detect = false, columns = {${columnSpec}}))`,
    params: { path: target },
    firstDataLine: scan.firstDataLine || 2,
    hasLineColumn: true,
    structuralRejects: false,
    cleanup,
  };
}

function cellsOf(values: unknown[]): string[] {
  // exceljs rows are 1-based: index 0 is always empty.
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const cell = value as {
      result?: unknown;
      text?: unknown;
      richText?: { text: string }[];
      error?: unknown;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (typeof cell.text === 'string') return cell.text;
  }
  return '';
}

function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}
