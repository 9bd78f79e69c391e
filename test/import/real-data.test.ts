import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  dateSql,
  decodeHead,
  detectDateFormat,
  detectEncoding,
  detectLayout,
  detectNumberStyle,
  hasHeaderRow,
  headLines,
  numberSql,
  parseNumber,
  recognizeHeaders,
  splitLine,
} from '../../src/import/detect/index.js';

// The public data sets beside the repository (see ../shared/data/README.md).
const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
const SUPERSTORE = path.join(DATA, 'superstore/superstore_sample_us.csv');
const CDNOW_MASTER = path.join(DATA, 'cdnow/CDNOW_master.txt');
const CDNOW_SAMPLE = path.join(DATA, 'cdnow/CDNOW_sample.txt');
const HEAD_BYTES = 64 * 1024;

/** Sniffs a file the way the import does: from its first 64 KiB only. */
function sniff(file: string) {
  const bytes = fs.readFileSync(file);
  const head = new Uint8Array(bytes.subarray(0, HEAD_BYTES));
  const encoding = detectEncoding(head);
  const lines = headLines(decodeHead(head, encoding), bytes.length > HEAD_BYTES);
  const layout = detectLayout(lines.slice(0, 200));
  const rows = lines.map((line) => splitLine(line, layout));
  const column = (index: number | undefined) => rows.slice(1).map((row) => row[index ?? -1] ?? '');
  return { encoding, layout, rows, column, ...recognizeHeaders(rows[0]) };
}

describe.skipIf(!fs.existsSync(SUPERSTORE))('Superstore', () => {
  it('is sniffed from its head', () => {
    const { encoding, layout, rows, mapping, column } = sniff(SUPERSTORE);
    expect(encoding).toBe('utf8');
    expect(layout).toEqual({ kind: 'delimited', delimiter: ',', quote: '"' });
    expect(hasHeaderRow(rows.slice(0, 50))).toBe(true);
    expect(mapping).toMatchObject({ document: 1, date: 2, customer_id: 5, amount: 17, margin: 20 });
    expect(mapping.line).toBeUndefined();
    expect(detectDateFormat(column(mapping.date))).toBe('mdy/');
    expect(detectNumberStyle([...column(mapping.amount), ...column(mapping.margin)])).toEqual({
      decimal: '.',
    });
  });

  it('parses every row of the whole file in DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT count(*) AS lines_read,
              count(${dateSql('"Order Date"', 'mdy/')}) AS dates,
              count(${numberSql('"Sales"', { decimal: '.' })}) AS sales,
              count(${numberSql('"Profit"', { decimal: '.' })}) AS profits,
              CAST(sum(${numberSql('"Sales"', { decimal: '.' })}) AS VARCHAR) AS total
       FROM read_csv($path, all_varchar = true, header = true)`,
      { path: SUPERSTORE },
    );
    const [row] = reader.getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(row).toMatchObject({ lines_read: 9994n, dates: 9994n, sales: 9994n, profits: 9994n });
    expect(Number(row.total)).toBeCloseTo(2_297_200.8603, 4);
  });
});

describe.skipIf(!fs.existsSync(CDNOW_MASTER))('CDNOW', () => {
  it('reads the master file: space-aligned, with header', () => {
    const { layout, rows, mapping, column } = sniff(CDNOW_MASTER);
    expect(layout).toEqual({ kind: 'whitespace' });
    expect(rows[0]).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(rows[1]).toEqual(['00001', '19970101', '1', '11.77']);
    expect(hasHeaderRow(rows.slice(0, 50))).toBe(true);
    expect(mapping).toEqual({ customer_id: 0, date: 1, quantity: 2, amount: 3 });
    expect(detectDateFormat(column(mapping.date))).toBe('yyyymmdd');
    expect(detectNumberStyle(column(mapping.amount))).toEqual({ decimal: '.' });
  });

  it('sums the whole master file to the published total', () => {
    const lines = fs.readFileSync(CDNOW_MASTER, 'utf8').split(/\r?\n/).slice(1);
    let cents = 0;
    for (const line of lines) {
      const cells = splitLine(line, { kind: 'whitespace' });
      if (cells.length > 0) cents += Math.round(Number(parseNumber(cells[3], { decimal: '.' })) * 100);
    }
    expect(cents).toBe(250_031_563);
  });

  it('sees that the sample file has no header', () => {
    const { layout, rows } = sniff(CDNOW_SAMPLE);
    expect(layout).toEqual({ kind: 'whitespace' });
    expect(hasHeaderRow(rows.slice(0, 50))).toBe(false);
  });
});
