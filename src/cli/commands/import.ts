import fs from 'node:fs';
import type { Command } from 'commander';
import { KontorError } from '../../errors.js';
import { FIELD_NAMES, type ImportSummary } from '../../import/import.schema.js';
import { importSales } from '../../import/import.service.js';
import { getSettings } from '../../settings/setting.service.js';
import { type GlobalOptions, withContext } from '../context.js';
import { formatCount, formatMoney, table } from '../format.js';
import { importProgressBar } from '../progress.js';

interface ImportFlags {
  map: string[];
  mapping?: string;
  onError: string;
  dateFormat?: string;
  decimal?: string;
  encoding?: string;
  sheet?: string;
  replacePeriod?: string;
  rates?: string;
  rejects?: string;
  json?: boolean;
}

const SHOWN = 20;

export function registerImport(program: Command, globals: () => GlobalOptions): void {
  const command = program.command('import').description('import data into Kontor');
  command
    .command('sales')
    .description('import sales lines (CSV/TSV/semicolon/pipe, space-aligned text, XLSX, Parquet)')
    .argument('<file>', 'the sales file exported from your ERP or CRM')
    .option(
      '--map <field=Header>',
      `map a field to a header (repeatable); fields: ${FIELD_NAMES.join(', ')}`,
      collect,
      [],
    )
    .option('--mapping <file.json>', 'a JSON object of field → header')
    .option(
      '--on-error <mode>',
      'abort: import nothing if any row is bad; skip: import the good rows',
      'abort',
    )
    .option('--date-format <format>', 'iso, dmy., dmy/, mdy/, dmy-, yyyymmdd or excel')
    .option('--decimal <separator>', 'decimal separator, "." or ","')
    .option('--encoding <encoding>', 'utf8, utf16le, utf16be, windows1252, latin1, windows1250')
    .option('--sheet <name>', 'the XLSX sheet to read (default: the first)')
    .option('--replace-period <FROM..TO>', 'replace the stored lines of this date range (ERP corrections)')
    .option('--rates <file.csv>', 'exchange rates to the workspace currency (CSV: currency,rate)')
    .option('--rejects <file.csv>', 'where to write the rejected rows (default: in the data directory)')
    .option('--json', 'print a JSON summary')
    .action(async (file: string, flags: ImportFlags) => {
      const options = buildOptions(file, flags);
      const summary = await withContext(globals(), async (context) => {
        const settings = await getSettings(context.store.db);
        const progress = importProgressBar(!flags.json);
        try {
          return await importSales(
            {
              analytic: await context.analytic(),
              db: context.store.db,
              dataDir: context.dataDir,
              currency: settings.currency,
              onProgress: progress.onProgress,
            },
            options,
          );
        } finally {
          progress.stop();
        }
      });
      process.stdout.write(
        flags.json ? `${JSON.stringify(summary, null, 2)}\n` : `${renderSummary(summary)}\n`,
      );
      if (summary.rowsRejected > 0 && !summary.committed) process.exitCode = 2;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildOptions(file: string, flags: ImportFlags) {
  const mapping: Record<string, string> = {};
  if (flags.mapping) Object.assign(mapping, readJson(flags.mapping));
  for (const pair of flags.map) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new KontorError('usage', `--map needs field=Header, got "${pair}".`);
    const field = pair.slice(0, at).trim();
    if (!(FIELD_NAMES as readonly string[]).includes(field)) {
      throw new KontorError(
        'usage',
        `"${field}" is not a field Kontor knows. Fields: ${FIELD_NAMES.join(', ')}.`,
      );
    }
    mapping[field] = pair.slice(at + 1).trim();
  }
  if (flags.onError !== 'abort' && flags.onError !== 'skip') {
    throw new KontorError('usage', `--on-error must be abort or skip, not "${flags.onError}".`);
  }
  let replacePeriod: { from: string; to: string } | undefined;
  if (flags.replacePeriod) {
    const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(flags.replacePeriod);
    if (!match || match[1]! > match[2]!) {
      throw new KontorError(
        'usage',
        '--replace-period needs FROM..TO with ISO dates, e.g. 2024-01-01..2024-03-31.',
      );
    }
    replacePeriod = { from: match[1]!, to: match[2]! };
  }
  if (flags.decimal && flags.decimal !== '.' && flags.decimal !== ',') {
    throw new KontorError('usage', `--decimal must be "." or ",", not "${flags.decimal}".`);
  }
  return {
    file,
    onError: flags.onError as 'abort' | 'skip',
    mapping,
    dateFormat: flags.dateFormat,
    decimal: flags.decimal as '.' | ',' | undefined,
    encoding: flags.encoding,
    sheet: flags.sheet,
    replacePeriod,
    rates: flags.rates ? readRates(flags.rates) : undefined,
    rejectsFile: flags.rejects,
  };
}

function readJson(file: string): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new KontorError('usage', `Cannot read the mapping file "${file}": ${(error as Error).message}`);
  }
}

function readRates(file: string): Record<string, number> {
  if (!fs.existsSync(file))
    throw new KontorError('file_not_found', `The rates file "${file}" does not exist.`);
  const rates: Record<string, number> = {};
  for (const [index, line] of fs.readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
    const [currency, rate] = line.split(/[,;\t]/).map((part) => part.trim());
    if (!currency || /^currency$/i.test(currency)) continue;
    const value = Number(rate);
    if (!/^[A-Z]{3}$/.test(currency) || !(value > 0)) {
      throw new KontorError('bad_data', `Line ${index + 1} of the rates file is not "CUR,rate": "${line}".`);
    }
    rates[currency] = value;
  }
  return rates;
}

export function renderSummary(s: ImportSummary): string {
  const out: string[] = [];
  const how = [
    s.format,
    s.encoding,
    s.delimiter ? `delimiter "${s.delimiter === '\t' ? '\\t' : s.delimiter}"` : null,
    s.dateFormat ? `dates ${s.dateFormat}` : null,
    s.decimal ? `decimal "${s.decimal}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  out.push(`Read ${s.file} (${how})`);
  out.push(`Columns: ${s.mapping.map((m) => `${m.field} ← "${m.header}"`).join(', ')}`);
  if (s.rejects.length > 0) {
    out.push(
      '',
      `${formatCount(s.rowsRejected)} rows have problems${s.rejects.length > SHOWN ? ` (first ${SHOWN} shown)` : ''}:`,
    );
    out.push(
      table(
        ['Line', 'Column', 'Value', 'Problem'],
        s.rejects.slice(0, SHOWN).map((r) => [String(r.line), r.column, clip(r.value ?? ''), r.reason]),
        [true, false, false, false],
      ),
    );
    if (s.rejectsFile) out.push(`All problems: ${s.rejectsFile}`);
  }
  out.push('');
  if (!s.committed) {
    out.push(
      'Nothing was imported because some rows are bad. Fix them, or import the good rows with --on-error skip.',
    );
    return out.join('\n');
  }
  out.push(
    table(
      ['Import', ''],
      [
        ['Rows read', formatCount(s.rowsRead)],
        ['Imported', formatCount(s.rowsImported)],
        ['Rejected', formatCount(s.rowsRejected)],
        ['Duplicates skipped', formatCount(s.duplicatesSkipped)],
        ...(s.linesReplaced > 0 ? [['Lines replaced', formatCount(s.linesReplaced)]] : []),
        ['Customers', formatCount(s.customers)],
        ['New accounts', formatCount(s.accountsCreated)],
        ['Date range', s.dateRange ? `${s.dateRange.from} – ${s.dateRange.to}` : '–'],
        [`Total amount (${s.currency})`, formatMoney(s.totalAmount)],
      ],
      [false, true],
    ),
  );
  return out.join('\n');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
