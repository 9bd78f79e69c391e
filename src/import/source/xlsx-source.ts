import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { KontorError } from '../../errors.js';
import type { PreparedSource, SourceOptions } from './source.js';

const SAMPLE_ROWS = 500;

/**
 * Streams the sheet into a temporary UTF-8 CSV (DuckDB has no XLSX reader without an extension
 * download, and nothing may be downloaded at run time). Each row keeps its sheet row number.
 */
export async function prepareXlsxSource(file: string, options: SourceOptions): Promise<PreparedSource> {
  fs.mkdirSync(options.tmpDir, { recursive: true });
  const target = path.join(options.tmpDir, `import-${process.pid}-${Date.now()}.xlsx.csv`);
  const out = fs.createWriteStream(target, { encoding: 'utf8' });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headers: string[] | null = null;
  const sample: string[][] = [];
  const sheets: string[] = [];
  let firstDataLine = 0;
  let found = false;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    sheets.push(name);
    if (found || (options.sheet !== undefined && options.sheet !== name)) continue;
    found = true;
    for await (const row of worksheet) {
      const values = cellsOf(row.values as unknown[]);
      if (values.every((v) => v === '')) continue;
      if (!headers) {
        headers = values.map((v) => v.trim());
        continue;
      }
      if (firstDataLine === 0) firstDataLine = row.number;
      const padded = headers.map((_, i) => values[i] ?? '');
      if (sample.length < SAMPLE_ROWS) sample.push(padded);
      if (!out.write(`${row.number},${padded.map(quote).join(',')}\n`)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  const cleanup = () => fs.rmSync(target, { force: true });
  if (!found) {
    cleanup();
    if (sheets.length === 0) {
      throw new KontorError(
        'unsupported_file',
        `"${path.basename(file)}" is a zip file but not an Excel workbook.`,
      );
    }
    throw new KontorError(
      'usage',
      `The workbook has no sheet "${options.sheet}". Its sheets: ${sheets.join(', ')}.`,
    );
  }
  if (!headers) {
    cleanup();
    throw new KontorError('bad_data', `The sheet of "${path.basename(file)}" is empty.`);
  }
  const columnSpec = ["'l': 'BIGINT'", ...headers.map((_, i) => `'c${i}': 'VARCHAR'`)].join(', ');
  const parts = headers.map((_, i) => `c${i}`).join(', ');
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers,
    sample,
    relation: `(SELECT ${parts}, l AS __line FROM read_csv($path, delim = ',', quote = '"', escape = '"',
                header = false, auto_detect = false, columns = {${columnSpec}}))`,
    params: { path: target },
    firstDataLine: firstDataLine || 2,
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
