import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { type DateFormat, describeDateFormat } from '../../src/import/detect/index.js';
import type { ImportSummary, RejectedRow } from '../../src/import/import.schema.js';
import type { PortfolioReport } from '../../src/portfolio/portfolio.report-model.js';
import { tempDir } from '../helpers/backends.js';
import { runCli } from '../helpers/cli.js';
import {
  type AmountStyle,
  amountCents,
  centsToSummary,
  datasetCells,
  EXPECTED,
  encodeText,
  HEADERS,
  type Language,
  NAMES,
  type NameSet,
  renderAligned,
  renderDelimited,
  SALES,
  type SalesLine,
  storedZip,
  type TableStyle,
  type TextEncoding,
  writeParquet,
  writeXlsx,
} from './format-fixtures.js';

// The proof: the same small data set written in every supported encoding, delimiter, number and
// date style, header language and file format imports to the same totals; bad files of every kind give
// the reported errors and change nothing.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function workDir(): string {
  const dir = tempDir('kontor-formats-');
  dirs.push(dir);
  return dir;
}

async function kontor(dataDir: string, ...args: string[]) {
  return runCli(args, { dataDir });
}

async function importJson(dataDir: string, file: string, ...args: string[]) {
  const result = await kontor(dataDir, 'import', 'sales', file, '--json', ...args);
  const summary = result.stdout.trim() === '' ? null : (JSON.parse(result.stdout) as ImportSummary);
  return { ...result, summary };
}

async function analyzeAll(dataDir: string): Promise<PortfolioReport> {
  const result = await kontor(dataDir, 'analyze', '--all', '--json', '--accounts');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PortfolioReport;
}

const toCents = (amount: string | number) => Math.round(Number(amount) * 100);

/** Net amount in cents per customer, from the lines given. */
function netByCustomer(sales: readonly SalesLine[]): Record<string, number> {
  const nets: Record<string, number> = {};
  for (const sale of sales) nets[sale.customerId] = (nets[sale.customerId] ?? 0) + amountCents(sale);
  return nets;
}

// ---------------------------------------------------------------------------------------------------
// The data set itself, checked by hand once, so a generator bug cannot make every variant agree on a
// wrong figure.

describe('the data set', () => {
  it('has 12 lines, 4 customers, credit notes and no ambiguous dates', () => {
    expect(EXPECTED).toEqual({
      rows: 12,
      customers: 4,
      totalCents: 127_770_910,
      total: '1277709.1000',
      dateRange: { from: '2024-01-15', to: '2024-12-16' },
    });
    expect(netByCustomer(SALES)).toEqual({
      K1001: 122_695,
      K1002: 400_185,
      K1003: 2_473_444,
      K1004: 124_774_586,
    });
    expect(SALES.filter((sale) => sale.quantity < 0)).toHaveLength(3);
    expect(SALES.every((sale) => Number(sale.date.slice(8)) > 12)).toBe(true);
    expect(centsToSummary(-1250)).toBe('-12.5000');
  });
});

// ---------------------------------------------------------------------------------------------------
// Every supported variant imports to the same totals.

interface Variant {
  name: string;
  fileName: string;
  write(file: string): Promise<void> | void;
  args?: string[];
  language: Language;
  names: NameSet | null;
  priced?: boolean;
  dateFormat: DateFormat;
  /** Detection results the summary must report. */
  expected: Partial<Pick<ImportSummary, 'format' | 'encoding' | 'delimiter' | 'decimal'>>;
}

const decimalOf = (style: AmountStyle): '.' | ',' =>
  style === 'point' || style === 'point-grouped' || style === 'apostrophe-grouped' ? '.' : ',';

interface TextOptions {
  table: TableStyle;
  encoding?: TextEncoding;
  /** A delimiter, or 'aligned' for columns padded with runs of spaces. */
  delimiter?: ',' | ';' | '\t' | '|' | 'aligned';
  eol?: string;
  args?: string[];
  /** What the summary reports; defaults to the encoding written. */
  reportedEncoding?: string;
  fileName?: string;
}

function textVariant(name: string, options: TextOptions): Variant {
  const { table, encoding = 'utf8', delimiter = ',' } = options;
  const cells = datasetCells(table);
  const text =
    delimiter === 'aligned' ? renderAligned(cells) : renderDelimited(cells, delimiter, options.eol);
  return {
    name,
    fileName:
      options.fileName ??
      (delimiter === '\t' ? 'sales.tsv' : delimiter === 'aligned' ? 'sales.txt' : 'sales.csv'),
    write: (file) => fs.writeFileSync(file, encodeText(text, encoding)),
    ...(options.args ? { args: options.args } : {}),
    language: table.language,
    names: table.names,
    ...(table.priced ? { priced: true } : {}),
    dateFormat: dateFormatOf(table.date),
    expected: {
      format: delimiter === 'aligned' ? 'whitespace' : 'delimited',
      encoding: options.reportedEncoding ?? encoding,
      delimiter: delimiter === 'aligned' ? null : delimiter,
      decimal: decimalOf(table.amount),
    },
  };
}

function dateFormatOf(style: TableStyle['date']): DateFormat {
  switch (style) {
    case 'iso':
    case 'iso-T-time':
    case 'iso-space-time':
      return 'iso';
    case 'd.m.y':
      return 'dmy.';
    default:
      return style;
  }
}

const de = (amount: AmountStyle, date: TableStyle['date'] = 'dmy.'): TableStyle => ({
  language: 'de',
  names: 'unicode',
  amount,
  date,
});
const en = (amount: AmountStyle, date: TableStyle['date'] = 'iso'): TableStyle => ({
  language: 'en',
  names: 'unicode',
  amount,
  date,
});

const VARIANTS: Variant[] = [
  // Encodings
  textVariant('encoding: UTF-8', { table: en('point') }),
  textVariant('encoding: UTF-8 with BOM', {
    table: de('comma-grouped'),
    encoding: 'utf8bom',
    delimiter: ';',
  }),
  textVariant('encoding: UTF-16 LE with BOM (Excel "Unicode text": tabs, CRLF)', {
    table: en('point'),
    encoding: 'utf16le',
    delimiter: '\t',
    eol: '\r\n',
    fileName: 'sales.txt',
  }),
  textVariant('encoding: UTF-16 BE with BOM', {
    table: { language: 'pl', names: 'unicode', amount: 'space-grouped', date: 'dmy.' },
    encoding: 'utf16be',
    delimiter: ';',
  }),
  textVariant('encoding: Windows-1252, detected', {
    table: { ...de('comma-grouped'), names: 'cp1252' },
    encoding: 'windows1252',
    delimiter: ';',
    eol: '\r\n',
  }),
  textVariant('encoding: Windows-1252, --encoding cp1252', {
    table: { ...en('point'), names: 'cp1252' },
    encoding: 'windows1252',
    args: ['--encoding', 'cp1252'],
  }),
  textVariant('encoding: Windows-1250, --encoding windows1250', {
    table: { language: 'pl', names: 'cp1250', amount: 'space-grouped', date: 'dmy.' },
    encoding: 'windows1250',
    delimiter: ';',
    args: ['--encoding', 'windows1250'],
  }),
  textVariant('encoding: Windows-1250, detected from the Polish letters', {
    table: { language: 'pl', names: 'cp1250', amount: 'comma', date: 'dmy.' },
    encoding: 'windows1250',
    delimiter: ';',
  }),
  textVariant('encoding: ISO-8859-1, --encoding latin1', {
    table: { language: 'sv', names: 'latin1', amount: 'comma', date: 'iso' },
    encoding: 'latin1',
    delimiter: ';',
    args: ['--encoding', 'latin1'],
  }),
  textVariant('encoding: ISO-8859-2, --encoding iso-8859-2', {
    table: { language: 'pl', names: 'cp1250', amount: 'comma', date: 'dmy.' },
    encoding: 'latin2',
    delimiter: ';',
    args: ['--encoding', 'iso-8859-2'],
  }),
  // Delimiters
  textVariant('delimiter: comma, quoted "1,234.56" amounts', { table: en('point-grouped', 'mdy/') }),
  textVariant('delimiter: semicolon', { table: de('comma-grouped'), delimiter: ';' }),
  textVariant('delimiter: tab', {
    table: { language: 'sv', names: 'unicode', amount: 'comma', date: 'iso' },
    delimiter: '\t',
  }),
  textVariant('delimiter: pipe', { table: en('point', 'yyyymmdd'), delimiter: '|' }),
  textVariant('delimiter: columns aligned with runs of spaces', {
    table: { ...de('comma-grouped'), names: 'nospace' },
    delimiter: 'aligned',
  }),
  textVariant('delimiter: space-aligned, no name column, yyyymmdd dates', {
    table: { language: 'de', names: null, amount: 'point', date: 'yyyymmdd' },
    delimiter: 'aligned',
  }),
  // Decimals
  textVariant('decimal: 1234.56', { table: de('point', 'iso') }),
  textVariant('decimal: 1.234,56', { table: de('comma-grouped', 'iso'), delimiter: ';' }),
  textVariant('decimal: 1,234.56', { table: de('point-grouped', 'iso') }),
  textVariant('decimal: 1 234,56', { table: de('space-grouped', 'iso'), delimiter: ';' }),
  textVariant('decimal: 1\u00A0234,56 (no-break space)', {
    table: de('nbsp-grouped', 'iso'),
    delimiter: ';',
  }),
  textVariant('decimal: 1\u202F234,56 (narrow no-break space)', {
    table: de('narrow-nbsp-grouped', 'iso'),
    delimiter: ';',
  }),
  textVariant("decimal: 1'234.56 (Swiss)", { table: de('apostrophe-grouped', 'iso'), delimiter: ';' }),
  textVariant('decimal: -12,50 (comma, no grouping)', { table: de('comma', 'iso'), delimiter: ';' }),
  textVariant('decimal: 12,50- (trailing minus)', { table: de('trailing-minus', 'iso'), delimiter: ';' }),
  // Dates
  textVariant('date: ISO', { table: en('point', 'iso') }),
  textVariant('date: ISO with a T time', { table: en('point', 'iso-T-time') }),
  textVariant('date: ISO with a time after a space', { table: en('point', 'iso-space-time') }),
  textVariant('date: dd.mm.yyyy', { table: en('point', 'dmy.') }),
  textVariant('date: d.m.yyyy without leading zeros', { table: en('point', 'd.m.y') }),
  textVariant('date: dd/mm/yyyy', { table: en('point', 'dmy/') }),
  textVariant('date: m/d/yyyy', { table: en('point', 'mdy/') }),
  textVariant('date: yyyymmdd', { table: en('point', 'yyyymmdd') }),
  textVariant('date: dd-mm-yyyy', { table: en('point', 'dmy-') }),
  textVariant('date: Excel serial numbers', { table: en('point', 'excel') }),
  // Header languages
  textVariant('headers: English', { table: en('point', 'iso') }),
  textVariant('headers: German', { table: de('comma-grouped'), delimiter: ';' }),
  textVariant('headers: Swedish (kundnummer, kund, fakturadatum, belopp)', {
    table: { language: 'sv', names: 'unicode', amount: 'space-grouped', date: 'iso' },
    delimiter: ';',
  }),
  textVariant('headers: Polish (nr klienta, nazwa klienta, data faktury, kwota)', {
    table: { language: 'pl', names: 'unicode', amount: 'space-grouped', date: 'dmy.' },
    delimiter: ';',
  }),
  // Quantity × unit price instead of an amount
  textVariant('quantity × unit price (Menge, Einzelpreis)', {
    table: { ...de('comma-grouped'), priced: true },
    delimiter: ';',
  }),
  textVariant('quantity × unit price (ilość, cena jednostkowa)', {
    table: { language: 'pl', names: 'unicode', amount: 'point', date: 'iso', priced: true },
  }),
  // XLSX
  {
    name: 'xlsx: real date cells, numeric amounts',
    fileName: 'sales.xlsx',
    write: (file) => writeXlsx(file, { language: 'en', dates: 'cells', amounts: 'numbers' }),
    language: 'en',
    names: 'unicode',
    dateFormat: 'iso',
    expected: { format: 'xlsx', encoding: null, delimiter: null, decimal: '.' },
  },
  {
    name: 'xlsx: dates and amounts as text (dd.mm.yyyy, 1.234,56)',
    fileName: 'Umsatz.xlsx',
    write: (file) => writeXlsx(file, { language: 'de', dates: 'text', amounts: 'text' }),
    language: 'de',
    names: 'unicode',
    dateFormat: 'dmy.',
    expected: { format: 'xlsx', decimal: ',' },
  },
  {
    name: 'xlsx: second sheet chosen with --sheet',
    fileName: 'Umsatz_2024.xlsx',
    write: (file) =>
      writeXlsx(file, { language: 'de', dates: 'cells', amounts: 'numbers', sheet: 'Umsätze' }),
    args: ['--sheet', 'Umsätze'],
    language: 'de',
    names: 'unicode',
    dateFormat: 'iso',
    expected: { format: 'xlsx', decimal: '.' },
  },
  {
    name: 'xlsx: amounts as formulas (=quantity*price) with cached results',
    fileName: 'formulas.xlsx',
    write: (file) => writeXlsx(file, { language: 'pl', dates: 'cells', amounts: 'formula' }),
    language: 'pl',
    names: 'unicode',
    dateFormat: 'iso',
    expected: { format: 'xlsx', decimal: '.' },
  },
  // Parquet
  {
    name: 'parquet: DATE and DECIMAL(12,2) columns',
    fileName: 'sales.parquet',
    write: (file) => writeParquet(file, { types: 'date-decimal' }),
    language: 'en',
    names: 'unicode',
    dateFormat: 'iso',
    expected: { format: 'parquet', encoding: null, delimiter: null },
  },
  {
    name: 'parquet: TIMESTAMP, INTEGER quantity × DOUBLE price',
    fileName: 'sales.parquet',
    write: (file) => writeParquet(file, { types: 'timestamp-double' }),
    language: 'en',
    names: 'unicode',
    priced: true,
    dateFormat: 'iso',
    expected: { format: 'parquet' },
  },
];

function expectedMapping(variant: Variant): { field: string; header: string }[] {
  const h = HEADERS[variant.language];
  const mapping = [
    { field: 'customer_id', header: h.id },
    { field: 'date', header: h.date },
  ];
  if (variant.names) mapping.push({ field: 'customer_name', header: h.name });
  if (variant.priced) {
    mapping.push({ field: 'quantity', header: h.quantity }, { field: 'unit_price', header: h.unitPrice });
  } else mapping.push({ field: 'amount', header: h.amount });
  return mapping;
}

describe('the same data in every supported shape imports to the same totals', () => {
  it.each(VARIANTS)('$name', async (variant) => {
    const dir = workDir();
    const file = path.join(dir, variant.fileName);
    await variant.write(file);
    const dataDir = path.join(dir, 'data');

    const { code, stderr, summary } = await importJson(dataDir, file, ...(variant.args ?? []));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(summary).toMatchObject({
      rowsRead: EXPECTED.rows,
      rowsImported: EXPECTED.rows,
      rowsRejected: 0,
      duplicatesSkipped: 0,
      customers: EXPECTED.customers,
      accountsCreated: EXPECTED.customers,
      dateRange: EXPECTED.dateRange,
      totalAmount: EXPECTED.total,
      committed: true,
      rejects: [],
      rejectsFile: null,
      ...variant.expected,
    });
    expect(toCents(summary!.totalAmount)).toBe(EXPECTED.totalCents);
    // The detected format, by its description (the summary may put the --date-format name in front).
    expect(summary!.dateFormat).toContain(describeDateFormat(variant.dateFormat));
    expect(summary!.mapping).toEqual(expect.arrayContaining(expectedMapping(variant)));

    // What was stored, not just what the summary says: per customer to the cent.
    const report = await analyzeAll(dataDir);
    expect(report.concentration.customers).toBe(EXPECTED.customers);
    expect(toCents(report.concentration.total)).toBe(EXPECTED.totalCents);
    const stored = Object.fromEntries(report.accounts.map((a) => [a.id, toCents(a.revenue)]));
    expect(stored).toEqual(netByCustomer(SALES));

    // The names kept their special letters (without a name column the account is named by its id).
    for (const [id, name] of Object.entries(NAMES[variant.names ?? 'unicode'])) {
      const shown = await kontor(dataDir, 'account', 'show', id, '--json');
      expect(shown.code, shown.stderr).toBe(0);
      expect(JSON.parse(shown.stdout).name).toBe(variant.names ? name : id);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Bad files: the reported errors, and nothing changes.

interface StoreState {
  analysisTotal: number;
  analysisCustomers: number;
  lines: number;
  linesTotal: string;
  batches: number;
}

async function storeState(dataDir: string): Promise<StoreState> {
  const report = await analyzeAll(dataDir);
  const instance = await DuckDBInstance.create(path.join(dataDir, 'kontor.duckdb'), {
    access_mode: 'READ_ONLY',
  });
  const connection = await instance.connect();
  try {
    const lines = await connection.runAndReadAll(
      'SELECT count(*)::INTEGER, coalesce(sum(amount), 0)::VARCHAR FROM sales_lines',
    );
    const batches = await connection.runAndReadAll('SELECT count(*)::INTEGER FROM import_batches');
    const [count, total] = lines.getRowsJS()[0]!;
    return {
      analysisTotal: report.concentration.total,
      analysisCustomers: report.concentration.customers,
      lines: Number(count),
      linesTotal: String(total),
      batches: Number(batches.getRowsJS()[0]![0]),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const GOOD_STATE: StoreState = {
  analysisTotal: EXPECTED.totalCents / 100,
  analysisCustomers: EXPECTED.customers,
  lines: EXPECTED.rows,
  linesTotal: EXPECTED.total,
  batches: 1,
};

/** A work directory and a data directory that already holds a good import of the data set. */
async function seeded(): Promise<{ dir: string; dataDir: string }> {
  const dir = workDir();
  const dataDir = path.join(dir, 'data');
  const good = path.join(dir, 'good.csv');
  fs.writeFileSync(good, renderDelimited(datasetCells(en('point')), ','));
  const result = await importJson(dataDir, good);
  expect(result.code, result.stderr).toBe(0);
  expect(await storeState(dataDir)).toEqual(GOOD_STATE);
  return { dir, dataDir };
}

async function expectUnchanged(dataDir: string): Promise<void> {
  expect(await storeState(dataDir)).toEqual(GOOD_STATE);
}

/** Writes German semicolon CSV lines (header first) to `dir/name`, encoded as UTF-8. */
function writeLines(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const GERMAN = de('comma-grouped');
const germanLines = () => renderDelimited(datasetCells(GERMAN), ';').trimEnd().split('\n');

function readRejectsCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').trimEnd();
  return text.split('\n').map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (quoted && char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    return cells;
  });
}

const noStackTrace = (stderr: string) => {
  expect(stderr).not.toContain('    at ');
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('bad files give the reported errors and change nothing', () => {
  it('bad amount, impossible date and empty customer id: exit 2, every problem with line, column, reason', async () => {
    const { dir, dataDir } = await seeded();
    const lines = germanLines();
    // Line numbers are 1-based with the header on line 1, so data row i is on line i + 2.
    const cells = lines.map((line) => line.split(';'));
    cells[3]![3] = '12,3x4'; // line 4: amount
    cells[6]![2] = '31.02.2024'; // line 7: date that does not exist
    cells[9]![0] = ''; // line 10: customer id
    cells.push(['K9999', 'Neukunde Äpfel GmbH', '20.12.2024', '100,00']); // a new customer on line 14
    const file = writeLines(
      dir,
      'bad-rows.csv',
      cells.map((row) => row.join(';')),
    );

    const { code, stderr, summary } = await importJson(dataDir, file);
    expect(code).toBe(2);
    noStackTrace(stderr);
    expect(summary).toMatchObject({ committed: false, importId: null, rowsImported: 0, rowsRejected: 3 });
    expect(summary!.rejects).toEqual<RejectedRow[]>([
      { line: 4, column: 'Umsatz', value: '12,3x4', reason: 'not a number' },
      {
        line: 7,
        column: 'Rechnungsdatum',
        value: '31.02.2024',
        reason: `not a valid date in the format ${describeDateFormat('dmy.')}`,
      },
      // An empty field reaches the check as NULL; the rejects CSV writes it as an empty cell.
      { line: 10, column: 'Kundennummer', value: null, reason: 'the customer id is empty' },
    ]);
    expect(summary!.rejectsFile).toBeTruthy();
    expect(readRejectsCsv(summary!.rejectsFile!)).toEqual([
      ['line', 'column', 'value', 'reason'],
      ['4', 'Umsatz', '12,3x4', 'not a number'],
      ['7', 'Rechnungsdatum', '31.02.2024', `not a valid date in the format ${describeDateFormat('dmy.')}`],
      ['10', 'Kundennummer', '', 'the customer id is empty'],
    ]);
    await expectUnchanged(dataDir);
    expect((await kontor(dataDir, 'account', 'show', 'K9999', '--json')).code).toBe(1);

    // On the terminal: the same problems in a table, and a plain statement that nothing was imported.
    const terminal = await kontor(dataDir, 'import', 'sales', file);
    expect(terminal.code).toBe(2);
    expect(terminal.stdout).toMatch(/3 rows have problems/);
    expect(terminal.stdout).toMatch(/\b4\s+│?\s*Umsatz\s+│?\s*12,3x4\s+│?\s*not a number/);
    expect(terminal.stdout).toMatch(/\b7\s+│?\s*Rechnungsdatum\s+│?\s*31\.02\.2024/);
    expect(terminal.stdout).toMatch(/\b10\s+│?\s*Kundennummer\s+│?\s*│?\s*the customer id is empty/);
    expect(terminal.stdout).toContain('Nothing was imported');
    await expectUnchanged(dataDir);
  });

  it('too many and too few fields before a bad amount: all three on their own line numbers', async () => {
    const { dir, dataDir } = await seeded();
    const lines = germanLines();
    lines[2] = `${lines[2]};Zusatz`; // line 3: 5 fields
    lines[4] = lines[4]!.split(';').slice(0, 3).join(';'); // line 5: 3 fields
    const row = lines[7]!.split(';');
    row[3] = 'zwölf'; // line 8: bad amount
    lines[7] = row.join(';');
    const file = writeLines(dir, 'ragged.csv', lines);

    const { code, stderr, summary } = await importJson(dataDir, file);
    expect(code).toBe(2);
    noStackTrace(stderr);
    expect(summary).toMatchObject({ committed: false, rowsImported: 0, rowsRejected: 3, rowsRead: 12 });
    expect(summary!.rejects.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, '(whole line)', 'the line has 5 fields where the header has 4'],
      [5, '(whole line)', 'the line has 3 fields where the header has 4'],
      [8, 'Umsatz', 'not a number'],
    ]);
    expect(summary!.rejects[2]!.value).toBe('zwölf');
    const csv = readRejectsCsv(summary!.rejectsFile!);
    expect(csv.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['3', '(whole line)'],
      ['5', '(whole line)'],
      ['8', 'Umsatz'],
    ]);
    expect(csv[1]![2]).toBe(lines[2]);
    expect(csv[3]![3]).toBe('not a number');
    await expectUnchanged(dataDir);
  });

  it('ambiguous dates (every day ≤ 12): exit 2 asking for --date-format; with --date-format dmy/ it imports', async () => {
    const { dir, dataDir } = await seeded();
    // Same lines, but on the 1st to 12th of each month: 05/03/2024 is 5 March or 3 May.
    const early = SALES.map((sale, i) => ({
      ...sale,
      date: `${sale.date.slice(0, 8)}${String(i + 1).padStart(2, '0')}`,
    }));
    const file = path.join(dir, 'ambiguous.csv');
    fs.writeFileSync(file, renderDelimited(datasetCells(en('point', 'dmy/'), early), ','));

    const refused = await importJson(dataDir, file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--date-format');
    expect(refused.stderr).toMatch(/dmy\/.*mdy\/|mdy\/.*dmy\//);
    noStackTrace(refused.stderr);
    await expectUnchanged(dataDir);

    const chosen = await importJson(dataDir, file, '--date-format', 'dmy/');
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.summary).toMatchObject({
      committed: true,
      rowsImported: 12,
      totalAmount: EXPECTED.total,
      dateRange: { from: '2024-01-01', to: '2024-12-12' },
    });
    // Other dates, so new lines: the store now holds the data set twice.
    const after = await storeState(dataDir);
    expect(after.lines).toBe(24);
    expect(toCents(after.analysisTotal)).toBe(2 * EXPECTED.totalCents);
  });

  it('no amount column: exit 2 naming the headers of the file', async () => {
    const { dir, dataDir } = await seeded();
    const file = writeLines(
      dir,
      'no-amount.csv',
      germanLines().map((line) => line.split(';').slice(0, 3).join(';')),
    );
    const { code, stderr, stdout } = await importJson(dataDir, file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('amount');
    expect(stderr).toContain('Kundennummer, Kundenname, Rechnungsdatum');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  it('--map amount=NoSuchHeader: exit 1', async () => {
    const { dir, dataDir } = await seeded();
    const file = writeLines(dir, 'sales.csv', germanLines());
    const { code, stderr } = await importJson(dataDir, file, '--map', 'amount=NoSuchHeader');
    expect(code).toBe(1);
    expect(stderr).toContain('NoSuchHeader');
    expect(stderr).toContain('Kundennummer, Kundenname, Rechnungsdatum, Umsatz');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  describe('mixed currencies', () => {
    const currencyOf = (i: number) => ['EUR', 'SEK', 'PLN'][i % 3]!;
    // Rates with 2 decimals keep every converted amount exact at 4 decimals.
    const RATES: Record<string, number> = { EUR: 1, SEK: 0.09, PLN: 0.23 };
    const write = (dir: string) => {
      const cells = datasetCells(de('comma-grouped'));
      cells[0]!.push('Währung');
      for (const [i, row] of cells.slice(1).entries()) row.push(currencyOf(i));
      return writeLines(dir, 'currencies.csv', renderDelimited(cells, ';').trimEnd().split('\n'));
    };

    it('without --rates: exit 2 mentioning --rates', async () => {
      const { dir, dataDir } = await seeded();
      const { code, stderr } = await importJson(dataDir, write(dir));
      expect(code).toBe(2);
      expect(stderr).toContain('--rates');
      expect(stderr).toMatch(/EUR/);
      noStackTrace(stderr);
      await expectUnchanged(dataDir);
    });

    it('with a rates CSV: imports and converts to the workspace currency', async () => {
      const dir = workDir();
      const dataDir = path.join(dir, 'data');
      const rates = path.join(dir, 'rates.csv');
      fs.writeFileSync(rates, 'currency,rate\nSEK,0.09\nPLN,0.23\n');
      // Converted per line, in 1/10000 units (rate × 100 × cents).
      const converted = SALES.map((sale, i) => ({
        ...sale,
        units: Math.round(RATES[currencyOf(i)]! * 100) * amountCents(sale),
      }));
      const totalUnits = converted.reduce((sum, line) => sum + line.units, 0);
      const expectedTotal = `${Math.trunc(totalUnits / 10_000)}.${String(totalUnits % 10_000).padStart(4, '0')}`;

      const { code, stderr, summary } = await importJson(dataDir, write(dir), '--rates', rates);
      expect(code, stderr).toBe(0);
      expect(summary).toMatchObject({ committed: true, rowsImported: 12, currency: 'EUR' });
      // Stored exactly (DECIMAL), per line converted; the analysis agrees per account. (Its concentration
      // total would not do: K1002 nets negative after conversion and only positive accounts count there.)
      expect((await storeState(dataDir)).linesTotal).toBe(expectedTotal);
      const perAccount: Record<string, number> = {};
      for (const line of converted)
        perAccount[line.customerId] = (perAccount[line.customerId] ?? 0) + line.units;
      const report = await analyzeAll(dataDir);
      expect(Object.fromEntries(report.accounts.map((a) => [a.id, Math.round(a.revenue * 10_000)]))).toEqual(
        perAccount,
      );
      // The summary's total is in the workspace currency too.
      expect(summary!.totalAmount).toBe(expectedTotal);
    });
  });

  it('an empty file: exit 2, "is empty"', async () => {
    const { dir, dataDir } = await seeded();
    const file = path.join(dir, 'empty.csv');
    fs.writeFileSync(file, '');
    const { code, stderr } = await importJson(dataDir, file);
    expect(code).toBe(2);
    expect(stderr).toContain('"empty.csv" is empty');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  it('a file with only blank lines: exit 2, "has no data"', async () => {
    const { dir, dataDir } = await seeded();
    const file = path.join(dir, 'blank.csv');
    fs.writeFileSync(file, '\r\n  \n\n');
    const { code, stderr } = await importJson(dataDir, file);
    expect(code).toBe(2);
    expect(stderr).toContain('has no data');
    await expectUnchanged(dataDir);
  });

  it('a header without rows: exit 2, no usable sales lines', async () => {
    const { dir, dataDir } = await seeded();
    const file = writeLines(dir, 'header-only.csv', germanLines().slice(0, 1));
    const { code, stderr } = await importJson(dataDir, file);
    expect(code).toBe(2);
    expect(stderr).toContain('"header-only.csv" has no usable sales lines');
    expect(stderr).not.toContain('--date-format');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  it('a file that does not exist: exit 1', async () => {
    const { dir, dataDir } = await seeded();
    const { code, stderr } = await importJson(dataDir, path.join(dir, 'missing.csv'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing\.csv" does not exist/);
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  it('an old Excel .xls (D0 CF 11 E0): exit 2, asks for .xlsx or CSV', async () => {
    const { dir, dataDir } = await seeded();
    const file = path.join(dir, 'Umsatz.xls');
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    fs.writeFileSync(file, Buffer.concat([header, Buffer.alloc(504, 0), Buffer.from('Workbook')]));
    const { code, stderr } = await importJson(dataDir, file);
    expect(code).toBe(2);
    expect(stderr).toContain('old Excel (.xls)');
    expect(stderr).toContain('.xlsx or CSV');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  it('garbage binary bytes: a clear error, not a crash', async () => {
    const { dir, dataDir } = await seeded();
    const file = path.join(dir, 'garbage.csv');
    let state = 12345;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    fs.writeFileSync(file, bytes);
    const { code, stderr, stdout } = await importJson(dataDir, file);
    expect([1, 2]).toContain(code);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Error: /);
    expect(stderr).not.toContain('This is unexpected');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  // Beyond the list: damaged files must not end in "This is unexpected … report it".
  const damaged: {
    name: string;
    fileName: string;
    write(file: string): Promise<void> | void;
    message: RegExp;
  }[] = [
    {
      name: 'a truncated .xlsx',
      fileName: 'Umsatz.xlsx',
      write: async (file) => {
        await writeXlsx(file, { language: 'de', dates: 'cells', amounts: 'numbers' });
        const bytes = fs.readFileSync(file);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
      message: /"Umsatz\.xlsx" cannot be read as an Excel workbook/,
    },
    {
      name: 'a zip that is not a workbook, named .xlsx',
      fileName: 'export.xlsx',
      write: (file) =>
        fs.writeFileSync(file, storedZip({ 'sales.csv': renderDelimited(datasetCells(en('point')), ',') })),
      message: /"export\.xlsx" is a zip file but not an Excel workbook/,
    },
    {
      name: 'a .parquet with a damaged footer',
      fileName: 'sales.parquet',
      write: async (file) => {
        await writeParquet(file, { types: 'date-decimal' });
        const bytes = fs.readFileSync(file);
        bytes.writeUInt32LE(0x7fffffff, bytes.length - 8); // footer length
        fs.writeFileSync(file, bytes);
      },
      message: /"sales\.parquet" cannot be read as Parquet/,
    },
    {
      name: 'a gzip-compressed CSV',
      fileName: 'sales.csv.gz',
      write: (file) => fs.writeFileSync(file, zlib.gzipSync(renderDelimited(datasetCells(en('point')), ','))),
      message: /No column was recognised/,
    },
  ];

  it.each(damaged)('$name: exit 2 with a clear message', async ({ fileName, write, message }) => {
    const { dir, dataDir } = await seeded();
    const file = path.join(dir, fileName);
    await write(file);
    const { code, stderr, stdout } = await importJson(dataDir, file);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).not.toContain('This is unexpected');
    noStackTrace(stderr);
    await expectUnchanged(dataDir);
  });

  it('--sheet naming a sheet the workbook does not have: exit 1, lists its sheets', async () => {
    const { dir, dataDir } = await seeded();
    const file = path.join(dir, 'Umsatz.xlsx');
    await writeXlsx(file, { language: 'de', dates: 'cells', amounts: 'numbers', sheet: 'Umsätze' });
    const { code, stderr } = await importJson(dataDir, file, '--sheet', 'Daten');
    expect(code).toBe(1);
    expect(stderr).toContain('no sheet "Daten"');
    expect(stderr).toContain('Hinweise, Umsätze');
    await expectUnchanged(dataDir);
  });

  it('a Windows-1252 byte after the sniffed head of a UTF-8 file: reported on its line; --encoding reads it', async () => {
    const { dir, dataDir } = await seeded();
    // Enough ASCII lines to push the one "ü" past the 256 KiB head that decides the encoding.
    const filler = Array.from(
      { length: 9000 },
      (_, i) => `K2${String(i % 40).padStart(3, '0')},Kunde ${i % 40},2024-11-15,${i}.25`,
    );
    const head = Buffer.from(
      `${['Customer No,Customer Name,Invoice Date,Net Amount', ...filler].join('\n')}\n`,
    );
    expect(head.length).toBeGreaterThan(256 * 1024);
    const file = path.join(dir, 'late.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([head, encodeText('K1001,Müller Maschinenbau GmbH,2024-11-20,10.00\n', 'windows1252')]),
    );

    const refused = await importJson(dataDir, file);
    expect(refused.code).toBe(2);
    expect(refused.summary).toMatchObject({ committed: false, encoding: 'utf8', rowsRejected: 1 });
    expect(refused.summary!.rejects).toHaveLength(1);
    expect(refused.summary!.rejects[0]).toMatchObject({ line: 9002, column: '(whole line)' });
    expect(refused.summary!.rejects[0]!.reason).toMatch(/not utf-8/i);
    await expectUnchanged(dataDir);

    const chosen = await importJson(dataDir, file, '--encoding', 'windows1252');
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.summary).toMatchObject({ committed: true, rowsImported: 9001, rowsRejected: 0 });
    expect(JSON.parse((await kontor(dataDir, 'account', 'show', 'K1001', '--json')).stdout).name).toBe(
      'Müller Maschinenbau GmbH',
    );
  });

  it('--on-error skip: the good rows are imported, the bad rows counted as rejected', async () => {
    const dir = workDir();
    const dataDir = path.join(dir, 'data');
    const cells = germanLines().map((line) => line.split(';'));
    cells[3]![3] = '12,3x4'; // data row 2
    cells[6]![2] = '31.02.2024'; // data row 5
    cells[9]![0] = ''; // data row 8
    const file = writeLines(
      dir,
      'bad-rows.csv',
      cells.map((row) => row.join(';')),
    );
    const good = SALES.filter((_, i) => ![2, 5, 8].includes(i));
    const goodCents = good.reduce((sum, sale) => sum + amountCents(sale), 0);

    const { code, stderr, summary } = await importJson(dataDir, file, '--on-error', 'skip');
    expect(code, stderr).toBe(0);
    expect(summary).toMatchObject({
      committed: true,
      rowsRead: 12,
      rowsImported: 9,
      rowsRejected: 3,
      totalAmount: centsToSummary(goodCents),
    });
    expect(summary!.rejects.map((r) => r.line)).toEqual([4, 7, 10]);
    expect(fs.existsSync(summary!.rejectsFile!)).toBe(true);
    const state = await storeState(dataDir);
    expect(state).toMatchObject({ lines: 9, linesTotal: centsToSummary(goodCents), batches: 1 });
    const report = await analyzeAll(dataDir);
    expect(Object.fromEntries(report.accounts.map((a) => [a.id, toCents(a.revenue)]))).toEqual(
      netByCustomer(good),
    );
  });
});
