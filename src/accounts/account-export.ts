import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AccountListItem } from './account.api-schema.js';

type Language = 'en' | 'de';
type Kind = 'text' | 'money' | 'percent' | 'integer' | 'date';

interface Column {
  key: keyof AccountListItem;
  kind: Kind;
  label: Record<Language, string>;
  width: number;
}

/** Every column of the list, in the order of the page's default view. */
const COLUMNS: Column[] = [
  { key: 'id', kind: 'text', label: { en: 'Account ID', de: 'Kundennummer' }, width: 14 },
  { key: 'name', kind: 'text', label: { en: 'Name', de: 'Name' }, width: 36 },
  { key: 'class', kind: 'text', label: { en: 'ABC class', de: 'ABC-Klasse' }, width: 10 },
  { key: 'tier', kind: 'text', label: { en: 'Tier', de: 'Stufe' }, width: 16 },
  { key: 'segment', kind: 'text', label: { en: 'Segment', de: 'Segment' }, width: 18 },
  { key: 'region', kind: 'text', label: { en: 'Region', de: 'Region' }, width: 16 },
  { key: 'owner', kind: 'text', label: { en: 'Owner', de: 'Verantwortlich' }, width: 18 },
  { key: 'revenue', kind: 'money', label: { en: 'Revenue', de: 'Umsatz' }, width: 16 },
  { key: 'margin', kind: 'money', label: { en: 'Gross margin', de: 'Deckungsbeitrag' }, width: 16 },
  { key: 'marginPct', kind: 'percent', label: { en: 'Margin %', de: 'Marge %' }, width: 10 },
  { key: 'growth', kind: 'percent', label: { en: 'Growth %', de: 'Wachstum %' }, width: 10 },
  { key: 'share', kind: 'percent', label: { en: 'Share of revenue %', de: 'Umsatzanteil %' }, width: 12 },
  { key: 'rank', kind: 'integer', label: { en: 'Rank', de: 'Rang' }, width: 8 },
  { key: 'lastPurchase', kind: 'date', label: { en: 'Last purchase', de: 'Letzter Kauf' }, width: 14 },
];

const TIERS: Record<Language, Record<'green' | 'transactional', string>> = {
  en: { green: 'Green Circle', transactional: 'Transactional' },
  de: { green: 'Green Circle', transactional: 'Transaktional' },
};

export const toLanguage = (value: string | undefined): Language => (value?.startsWith('de') ? 'de' : 'en');

function textOf(row: AccountListItem, column: Column, language: Language): string | null {
  const value = row[column.key];
  if (value === null || value === undefined) return null;
  if (column.key === 'tier') return TIERS[language][value as 'green' | 'transactional'];
  return String(value);
}

/**
 * One CSV field (RFC 4180): quoted when it holds a separator, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe:
 * names come from imported files and must not execute when the export is opened.
 */
export function csvField(value: string | number | null, kind: Kind): string {
  if (value === null) return '';
  let text = String(value);
  if (kind === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvValue(row: AccountListItem, column: Column, language: Language): string | number | null {
  if (column.kind === 'percent') {
    const ratio = row[column.key] as number | null;
    return ratio === null ? null : Number((ratio * 100).toFixed(4));
  }
  return textOf(row, column, language);
}

/** CSV with a byte-order mark (so Excel reads umlauts as UTF-8) and CRLF line ends. */
export function csvStream(batches: AsyncIterable<AccountListItem[]>, language: Language): ReadableStream {
  async function* lines() {
    const header = COLUMNS.map((column) => csvField(column.label[language], 'text')).join(',');
    yield Buffer.from(`\uFEFF${header}\r\n`);
    for await (const batch of batches) {
      const text = batch.map((row) =>
        COLUMNS.map((c) => csvField(csvValue(row, c, language), c.kind)).join(','),
      );
      yield Buffer.from(`${text.join('\r\n')}\r\n`);
    }
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream;
}

const NUMBER_FORMAT: Record<Kind, string | undefined> = {
  text: undefined,
  money: '#,##0.00',
  percent: '0.0%',
  integer: '0',
  date: 'yyyy-mm-dd',
};

function cellValue(row: AccountListItem, column: Column, language: Language): ExcelJS.CellValue {
  const value = row[column.key];
  if (value === null || value === undefined) return null;
  if (column.kind === 'money') return Number(value);
  if (column.kind === 'date') return new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  return column.kind === 'text' ? textOf(row, column, language) : (value as number);
}

/** XLSX written row by row (exceljs' streaming writer): memory stays flat at 200,000 rows. */
export function xlsxStream(
  batches: AsyncIterable<AccountListItem[]>,
  language: Language,
  sheetName: string,
): ReadableStream {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.label[language],
    key: column.key,
    width: column.width,
    style: NUMBER_FORMAT[column.kind] ? { numFmt: NUMBER_FORMAT[column.kind]! } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const closed = new Promise((resolve) => output.once('close', resolve));
  void (async () => {
    try {
      for await (const batch of batches) {
        // A client that went away stops the reading (leaving the loop closes the generator).
        if (output.destroyed) return;
        for (const row of batch) {
          sheet.addRow(COLUMNS.map((column) => cellValue(row, column, language))).commit();
        }
        // Let the response drain before the next batch, so a slow client does not fill memory.
        if (output.writableNeedDrain) await Promise.race([once(output, 'drain'), closed]);
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream;
}
