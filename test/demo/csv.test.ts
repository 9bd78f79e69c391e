import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, SALES_CSV_HEADER, writeSalesCsv } from '../../src/demo/csv.js';
import { generateSalesLines } from '../../src/demo/sales.js';

const directory = mkdtempSync(join(tmpdir(), 'kontor-demo-csv-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const options = { customers: 150, lines: 20_000, years: 3, endDate: '2025-05-31', seed: 5 };

/** Minimal RFC 4180 reader, written independently of the writer so it can check it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('csvField', () => {
  it('quotes only when needed and doubles inner quotes', () => {
    expect(csvField('Müller Maschinenbau GmbH')).toBe('Müller Maschinenbau GmbH');
    expect(csvField('Ashworth, Oakley & Co. Ltd')).toBe('"Ashworth, Oakley & Co. Ltd"');
    expect(csvField('P.H.U. "Sokół" Woźniak Sp.j.')).toBe('"P.H.U. ""Sokół"" Woźniak Sp.j."');
  });
});

describe('writeSalesCsv', () => {
  const path = join(directory, 'sales.csv');
  const progress: [number, number][] = [];
  const written = writeSalesCsv(path, options, (done, total) => progress.push([done, total]));

  it('writes a header and exactly the requested number of lines', async () => {
    const result = await written;
    const text = readFileSync(path, 'utf8');
    expect(result).toEqual({ lines: options.lines, bytes: Buffer.byteLength(text) });
    expect(text.startsWith(`${SALES_CSV_HEADER}\n`)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseCsv(text)).toHaveLength(options.lines + 1);
  });

  it('writes the same lines generateSalesLines yields, field by field', async () => {
    await written;
    const rows = parseCsv(readFileSync(path, 'utf8'));
    expect(rows[0]).toEqual(SALES_CSV_HEADER.split(','));
    let index = 1;
    for (const line of generateSalesLines(options)) {
      expect(rows[index++]).toEqual([
        line.document,
        String(line.line),
        line.date,
        line.customerId,
        line.customerName,
        line.product,
        String(line.quantity),
        line.unitPrice.toFixed(2),
        line.amount.toFixed(2),
        line.cost.toFixed(2),
        'EUR',
        line.segment,
        line.region,
        line.owner,
      ]);
    }
  });

  it('keeps non-ASCII names intact in UTF-8 and quotes commas and quotes', async () => {
    await written;
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('\uFFFD');
    const nonAsciiNames = new Set<string>();
    for (const line of generateSalesLines(options)) {
      if (/[^\x20-\x7e]/.test(line.customerName)) nonAsciiNames.add(line.customerName);
    }
    expect(nonAsciiNames.size).toBeGreaterThan(20);
    for (const name of nonAsciiNames) expect(text).toContain(`,${csvField(name)},`);
    for (const letter of ['ä', 'ö', 'ü', 'ł']) expect(text).toContain(letter);
    expect(text).toMatch(/,"[^",\n]+, [^"\n]*",/); // a product or customer with a comma, quoted
    expect(text).toMatch(/,"[^\n]*""[^\n]*",/); // an inner quote, doubled
    for (const row of parseCsv(text)) expect(row).toHaveLength(14);
  });

  it('reports progress up to the total', async () => {
    await written;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toEqual([options.lines, options.lines]);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
  });

  it('reports progress several times on a large file', async () => {
    const calls: number[] = [];
    await writeSalesCsv(join(directory, 'large.csv'), { ...options, lines: 200_000 }, (done) =>
      calls.push(done),
    );
    expect(calls.length).toBeGreaterThan(2);
  });

  it('rejects invalid options without creating the file', async () => {
    const target = join(directory, 'invalid.csv');
    await expect(writeSalesCsv(target, { ...options, lines: -5 })).rejects.toThrow(/lines/);
    expect(existsSync(target)).toBe(false);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeSalesCsv(join(directory, 'missing', 'sales.csv'), options)).rejects.toThrow(/ENOENT/);
  });
});
