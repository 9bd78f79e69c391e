import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

// One small sales data set and writers that put it into every file shape `kontor import sales` reads:
// text encodings, delimiters, number and date spellings, header languages, XLSX and Parquet. Amounts are
// kept in cents (integers) so the expected totals are exact.

export interface SalesLine {
  customerId: string;
  /** ISO date, always with a day above 12, so no file of the data set is ambiguous. */
  date: string;
  quantity: number;
  /** Unit price in cents; amount = quantity × unit price. */
  unitPriceCents: number;
}

const line = (customerId: string, date: string, quantity: number, unitPriceCents: number): SalesLine => ({
  customerId,
  date,
  quantity,
  unitPriceCents,
});

/** 12 lines, 4 customers, 3 credit notes (negative quantity), amounts from 4.95 to 1,234,567.89. */
export const SALES: readonly SalesLine[] = [
  line('K1001', '2024-01-15', 10, 12_345),
  line('K1002', '2024-01-23', 3, 41_217),
  line('K1003', '2024-02-14', 1, 1_523_490),
  line('K1001', '2024-03-28', -1, 1_250),
  line('K1004', '2024-04-17', 7, 8_999),
  line('K1002', '2024-05-31', 2, 199_995),
  line('K1003', '2024-06-13', -2, 25_025),
  line('K1004', '2024-07-19', 12, 104_567),
  line('K1001', '2024-08-22', 5, 99),
  line('K1002', '2024-09-30', -1, 123_456),
  line('K1003', '2024-10-25', 4, 250_001),
  line('K1004', '2024-12-16', 1, 123_456_789),
];

export const amountCents = (sale: SalesLine): number => sale.quantity * sale.unitPriceCents;

/** Cents as the import summary prints a DECIMAL(18,4) sum: "1277709.1000". */
export function centsToSummary(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}00`;
}

const totalCents = SALES.reduce((sum, sale) => sum + amountCents(sale), 0);
const dates = SALES.map((sale) => sale.date).sort();

export const EXPECTED = {
  rows: SALES.length,
  customers: new Set(SALES.map((sale) => sale.customerId)).size,
  totalCents,
  total: centsToSummary(totalCents),
  dateRange: { from: dates[0]!, to: dates[dates.length - 1]! },
} as const;

// ---------------------------------------------------------------------------------------------------
// Customer names: each set only uses letters its code page can hold.

export type NameSet = 'unicode' | 'cp1252' | 'latin1' | 'cp1250' | 'nospace';

export const NAMES: Record<NameSet, Record<string, string>> = {
  unicode: {
    K1001: 'Müller Maschinenbau GmbH',
    K1002: 'Nordström Verktyg AB',
    K1003: 'Björk & Ørsted A/S',
    K1004: 'Łódzkie Zakłady Sp. z o.o.',
  },
  // ’ (0x92) exists in Windows-1252 but not in ISO-8859-1, so this set tells the two apart.
  cp1252: {
    K1001: 'Müller Maschinenbau GmbH',
    K1002: 'Nordström Verktyg AB',
    K1003: 'Björk & Ørsted A/S',
    K1004: 'Société d’Usinage Lyonnaise',
  },
  latin1: {
    K1001: 'Müller Maschinenbau GmbH',
    K1002: 'Nordström Verktyg AB',
    K1003: 'Björk & Ørsted A/S',
    K1004: "Société d'Usinage Lyonnaise",
  },
  // Windows-1250 / ISO-8859-2 have no Ø.
  cp1250: {
    K1001: 'Müller Maschinenbau GmbH',
    K1002: 'Nordström Verktyg AB',
    K1003: 'Szczęsny & Wójcik Sp.j.',
    K1004: 'Łódzkie Zakłady Sp. z o.o.',
  },
  // For columns aligned with runs of spaces, where a name cannot contain one.
  nospace: {
    K1001: 'Müller-Maschinenbau',
    K1002: 'Nordström-Verktyg',
    K1003: 'Björk&Ørsted',
    K1004: 'Łódzkie-Zakłady',
  },
};

// ---------------------------------------------------------------------------------------------------
// Headers in the four languages Kontor recognises.

export type Language = 'en' | 'de' | 'sv' | 'pl';

export interface HeaderSet {
  id: string;
  name: string;
  date: string;
  amount: string;
  quantity: string;
  unitPrice: string;
}

export const HEADERS: Record<Language, HeaderSet> = {
  en: {
    id: 'Customer No',
    name: 'Customer Name',
    date: 'Invoice Date',
    amount: 'Net Amount',
    quantity: 'Quantity',
    unitPrice: 'Unit Price',
  },
  de: {
    id: 'Kundennummer',
    name: 'Kundenname',
    date: 'Rechnungsdatum',
    amount: 'Umsatz',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
  },
  // "kund" alone: next to "kundnummer" it is the name (a fallback synonym).
  sv: {
    id: 'kundnummer',
    name: 'kund',
    date: 'fakturadatum',
    amount: 'belopp',
    quantity: 'antal',
    unitPrice: 'styckpris',
  },
  pl: {
    id: 'nr klienta',
    name: 'nazwa klienta',
    date: 'data faktury',
    amount: 'kwota',
    quantity: 'ilość',
    unitPrice: 'cena jednostkowa',
  },
};

// ---------------------------------------------------------------------------------------------------
// Number spellings.

export type AmountStyle =
  | 'point' // 1234.56   -12.50
  | 'comma' // 1234,56   -12,50
  | 'point-grouped' // 1,234.56
  | 'comma-grouped' // 1.234,56
  | 'space-grouped' // 1 234,56
  | 'nbsp-grouped' // 1\u00A0234,56
  | 'narrow-nbsp-grouped' // 1\u202F234,56
  | 'apostrophe-grouped' // 1'234.56 (Swiss)
  | 'trailing-minus'; // 1.234,56  12,50- (SAP)

export function formatAmount(cents: number, style: AmountStyle): string {
  const abs = Math.abs(cents);
  const integer = String(Math.trunc(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  const grouped = (separator: string) => integer.replace(/\B(?=(\d{3})+$)/g, separator);
  const body: Record<AmountStyle, string> = {
    point: `${integer}.${fraction}`,
    comma: `${integer},${fraction}`,
    'point-grouped': `${grouped(',')}.${fraction}`,
    'comma-grouped': `${grouped('.')},${fraction}`,
    'space-grouped': `${grouped(' ')},${fraction}`,
    'nbsp-grouped': `${grouped('\u00A0')},${fraction}`,
    'narrow-nbsp-grouped': `${grouped('\u202F')},${fraction}`,
    'apostrophe-grouped': `${grouped("'")}.${fraction}`,
    'trailing-minus': `${grouped('.')},${fraction}`,
  };
  if (cents >= 0) return body[style];
  return style === 'trailing-minus' ? `${body[style]}-` : `-${body[style]}`;
}

// ---------------------------------------------------------------------------------------------------
// Date spellings.

export type DateStyle =
  | 'iso' // 2024-01-15
  | 'iso-T-time' // 2024-01-15T10:15:00
  | 'iso-space-time' // 2024-01-15 10:15:00
  | 'dmy.' // 15.01.2024
  | 'd.m.y' // 5.1.2024 (no leading zeros)
  | 'dmy/' // 15/01/2024
  | 'mdy/' // 1/15/2024 (m/d/yyyy)
  | 'dmy-' // 15-01-2024
  | 'yyyymmdd' // 20240115
  | 'excel'; // 45306

const DAY_MS = 86_400_000;

export function excelSerial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / DAY_MS;
}

export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'iso':
      return iso;
    case 'iso-T-time':
      return `${iso}T10:15:00`;
    case 'iso-space-time':
      return `${iso} 10:15:00`;
    case 'dmy.':
      return `${d}.${m}.${y}`;
    case 'd.m.y':
      return `${Number(d)}.${Number(m)}.${y}`;
    case 'dmy/':
      return `${d}/${m}/${y}`;
    case 'mdy/':
      return `${Number(m)}/${Number(d)}/${y}`;
    case 'dmy-':
      return `${d}-${m}-${y}`;
    case 'yyyymmdd':
      return `${y}${m}${d}`;
    case 'excel':
      return String(excelSerial(iso));
  }
}

// ---------------------------------------------------------------------------------------------------
// Text files.

export interface TableStyle {
  language: Language;
  names: NameSet | null;
  amount: AmountStyle;
  date: DateStyle;
  /** Quantity and unit price columns instead of an amount column. */
  priced?: boolean;
}

/** The data set as header + rows of cells. */
export function datasetCells(style: TableStyle, sales: readonly SalesLine[] = SALES): string[][] {
  const h = HEADERS[style.language];
  const names = style.names ? NAMES[style.names] : null;
  const header = [h.id, ...(names ? [h.name] : []), h.date];
  header.push(...(style.priced ? [h.quantity, h.unitPrice] : [h.amount]));
  const rows = sales.map((sale) => {
    const row = [
      sale.customerId,
      ...(names ? [names[sale.customerId]!] : []),
      formatDate(sale.date, style.date),
    ];
    if (style.priced) row.push(String(sale.quantity), formatAmount(sale.unitPriceCents, style.amount));
    else row.push(formatAmount(amountCents(sale), style.amount));
    return row;
  });
  return [header, ...rows];
}

/** RFC 4180: a field is quoted when it holds the delimiter, a quote or a line break. */
export function renderDelimited(rows: string[][], delimiter: string, eol = '\n'): string {
  const field = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return rows.map((row) => row.map(field).join(delimiter)).join(eol) + eol;
}

/** Columns padded with spaces to a common width, as fixed-column ERP reports print them. */
export function renderAligned(rows: string[][]): string {
  for (const cell of rows.flat()) {
    if (/\s/.test(cell)) throw new Error(`"${cell}" cannot be written space-aligned`);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  // Numbers right-aligned, text left-aligned, with a leading indent like many ERP print-outs.
  return rows
    .map((row) =>
      `  ${row.map((cell, i) => (/^[-0-9.,]+-?$/.test(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('   ')}`.trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

export type TextEncoding =
  | 'utf8'
  | 'utf8bom'
  | 'utf16le'
  | 'utf16be'
  | 'windows1252'
  | 'windows1250'
  | 'latin1'
  | 'latin2';

/** Encodes text; UTF-16 gets its byte order mark. Refuses characters the code page cannot hold. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    default: {
      const bytes = iconv.encode(text, encoding);
      if (iconv.decode(bytes, encoding) !== text) {
        throw new Error(`The fixture text cannot be written in ${encoding} without loss`);
      }
      return bytes;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// XLSX (exceljs) and Parquet (DuckDB).

export interface XlsxStyle {
  language: Language;
  /** 'cells': real date cells (Excel serials with a date format); 'text': date strings in dd.mm.yyyy. */
  dates: 'cells' | 'text';
  /** 'numbers': numeric cells; 'text': "1.234,56" strings; 'formula': =quantity*price with cached result. */
  amounts: 'numbers' | 'text' | 'formula';
  /** Put the data on a second sheet with this name, after a sheet of notes. */
  sheet?: string;
}

export async function writeXlsx(file: string, style: XlsxStyle): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (style.sheet) {
    const notes = workbook.addWorksheet('Hinweise');
    notes.addRow(['Export aus dem ERP', 'nicht importieren']);
    notes.addRow(['Zeilen', 99]);
  }
  const sheet = workbook.addWorksheet(style.sheet ?? 'Sales');
  const h = HEADERS[style.language];
  const names = NAMES.unicode;
  const formula = style.amounts === 'formula';
  sheet.addRow([h.id, h.name, h.date, ...(formula ? [h.quantity, h.unitPrice] : []), h.amount]);
  for (const sale of SALES) {
    const date = style.dates === 'cells' ? new Date(`${sale.date}T00:00:00Z`) : formatDate(sale.date, 'dmy.');
    const cents = amountCents(sale);
    const values: unknown[] = [sale.customerId, names[sale.customerId], date];
    if (formula) {
      const r = sheet.rowCount + 1;
      values.push(sale.quantity, sale.unitPriceCents / 100, {
        formula: `D${r}*E${r}`,
        result: cents / 100,
      });
    } else values.push(style.amounts === 'numbers' ? cents / 100 : formatAmount(cents, 'comma-grouped'));
    const row = sheet.addRow(values);
    if (style.dates === 'cells') row.getCell(3).numFmt = 'dd.mm.yyyy';
    if (style.amounts !== 'text') row.getCell(values.length).numFmt = '#,##0.00';
  }
  await workbook.xlsx.writeFile(file);
}

export interface ParquetStyle {
  /** 'date-decimal': DATE and DECIMAL(12,2) columns; 'timestamp-double': TIMESTAMP, quantity × DOUBLE price. */
  types: 'date-decimal' | 'timestamp-double';
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function writeParquet(file: string, style: ParquetStyle): Promise<void> {
  const names = NAMES.unicode;
  const h = HEADERS.en;
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const values = SALES.map((sale) => {
    const common = `${sqlText(sale.customerId)}, ${sqlText(names[sale.customerId]!)}`;
    if (style.types === 'date-decimal') {
      const amount = (amountCents(sale) / 100).toFixed(2);
      return `(${common}, DATE ${sqlText(sale.date)}, CAST(${sqlText(amount)} AS DECIMAL(12,2)))`;
    }
    const price = (sale.unitPriceCents / 100).toFixed(2);
    return `(${common}, TIMESTAMP ${sqlText(`${sale.date} 09:30:00`)}, ${sale.quantity}::INTEGER, ${price}::DOUBLE)`;
  }).join(',\n');
  const columns =
    style.types === 'date-decimal'
      ? [h.id, h.name, h.date, h.amount]
      : [h.id, h.name, h.date, h.quantity, h.unitPrice];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT * FROM (VALUES ${values}) t(${columns.map(quoted).join(', ')}))
       TO ${sqlText(file)} (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  if (!fs.existsSync(file)) throw new Error(`DuckDB did not write ${file}`);
}

// ---------------------------------------------------------------------------------------------------
// A minimal zip (stored, no compression), for a zip that is not a workbook.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
