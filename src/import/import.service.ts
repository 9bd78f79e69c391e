import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { upsertImportedAccounts } from '../accounts/account.repository.js';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { tracer } from '../trace.js';
import { collectDuplicateKeys, collectProblems, rowChecks } from './checks.js';
import { chooseDateFormat } from './date-choice.js';
import { describeDateFormat } from './detect/index.js';
import {
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  importOptionsSchema,
} from './import.schema.js';
import { deletePeriod, insertNewLines } from './load.js';
import { nativeFormats } from './native.js';
import { planImport } from './plan.js';
import { writeRejectsFile } from './rejects-file.js';
import { readRejects, recordBatch, summarizeGoodRows } from './results.js';
import { prepareSource } from './source/source.js';
import { dropStaging, scalar, stageSource } from './staging.js';

export interface ImportContext {
  analytic: AnalyticStore;
  db: Kysely<Database>;
  dataDir: string;
  currency: string;
  onProgress?: ImportProgress | undefined;
}

const SHOWN_REJECTS = 1000;

/**
 * The whole import: read, check every row, then either load nothing (abort) or load the good rows in one
 * DuckDB transaction, so a crash at any point leaves the previous data exactly as it was.
 */
export async function importSales(context: ImportContext, input: ImportOptions): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(input);
  const trace = tracer('import');
  const { connection } = context.analytic;
  const source = await prepareSource(options.file, {
    encoding: options.encoding,
    sheet: options.sheet,
    tmpDir: path.join(context.dataDir, 'tmp'),
  });
  try {
    trace('source');
    const plan = planImport(source, options);
    await dropStaging(connection);
    const dateFormat = await chooseDateFormat(connection, plan, source);
    await dropStaging(connection);
    const withRates = options.rates !== undefined;
    if (withRates) await createRates(context, options.rates!);
    const native = nativeFormats(source, plan, dateFormat);
    let staged = await stageSource(connection, source, plan, dateFormat, native, context.onProgress);
    if (staged.castRejects > 0) {
      // A value DuckDB's reader refused may still be valid for our parser (e.g. "12,50-"): read again the general way.
      await dropStaging(connection);
      if (withRates) await createRates(context, options.rates!);
      staged = await stageSource(connection, source, plan, dateFormat, null, context.onProgress);
    }
    trace('read and parse');
    context.onProgress?.('checking', 0);
    if (!withRates && plan.columns.currency !== undefined) await refuseMixedCurrencies(context);
    await collectProblems(connection, rowChecks(plan, source, dateFormat, withRates));
    if (plan.columns.document !== undefined && plan.columns.line !== undefined) {
      await collectDuplicateKeys(connection);
    }
    const rowsWithProblems = await scalar(connection, 'SELECT count(DISTINCT r) FROM import_problems');
    const rejects = await readRejects(connection, source, plan, rowsWithProblems, SHOWN_REJECTS);
    trace('checks');
    const goodRows = rowsWithProblems > 0 ? 'rowid NOT IN (SELECT r FROM import_problems)' : 'true';
    const summary = await summarizeGoodRows(connection, goodRows, withRates);
    trace('summary');
    const base: ImportSummary = {
      importId: null,
      file: options.file,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      dateFormat: `${dateFormat}: ${describeDateFormat(dateFormat)}`,
      decimal: plan.numberStyle.decimal,
      mapping: Object.entries(plan.columns)
        .sort(([, a], [, b]) => (a as number) - (b as number))
        .map(([field, index]) => ({ field, header: plan.headers[index as number] ?? '' })),
      rowsRead: staged.rows + staged.structuralRejects,
      rowsImported: 0,
      rowsRejected: rowsWithProblems + staged.structuralRejects,
      duplicatesSkipped: 0,
      linesReplaced: 0,
      customers: summary.customers,
      accountsCreated: 0,
      accountsUpdated: 0,
      dateRange: summary.dateRange,
      totalAmount: summary.totalAmount,
      currency: context.currency,
      committed: false,
      rejects,
      rejectsFile: null,
      warnings: [],
    };
    if (base.rowsRejected > 0)
      base.rejectsFile = await writeRejectsFile(connection, source, plan, rejectsPath(context, options));
    if (base.rowsRejected > 0 && options.onError === 'abort') return base;
    if (staged.rows - rowsWithProblems === 0) {
      throw new KontorError('bad_data', `"${path.basename(options.file)}" has no usable sales lines.`);
    }
    context.onProgress?.('saving', 0);
    await connection.run('BEGIN TRANSACTION');
    try {
      const importId = await scalar(connection, 'SELECT coalesce(max(id), 0) + 1 FROM import_batches');
      base.linesReplaced = options.replacePeriod
        ? await deletePeriod(connection, options.replacePeriod.from, options.replacePeriod.to)
        : 0;
      base.rowsImported = await insertNewLines(connection, plan, { importId, goodRows, withRates });
      base.duplicatesSkipped = staged.rows - rowsWithProblems - base.rowsImported;
      await recordBatch(connection, importId, options.file, fingerprint(options.file), base);
      await connection.run('COMMIT');
      base.importId = importId;
      base.committed = true;
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
    trace('insert + commit');
    context.onProgress?.('saving', 1);
    const now = new Date().toISOString();
    const counts = await context.db
      .transaction()
      .execute((trx) => upsertImportedAccounts(trx, summary.accounts, now));
    base.accountsCreated = counts.created;
    base.accountsUpdated = counts.updated;
    trace('accounts upserted');
    return base;
  } finally {
    await dropStaging(connection).catch(() => {});
    source.cleanup();
  }
}

async function createRates(context: ImportContext, rates: Record<string, number>): Promise<void> {
  const { connection } = context.analytic;
  await connection.run('CREATE OR REPLACE TEMP TABLE import_rates (currency VARCHAR, rate DECIMAL(18,8))');
  // Temporary tables live in the catalog "temp", schema "main" (the second argument is the schema).
  const appender = await connection.createAppender('import_rates', 'main', 'temp');
  for (const [currency, rate] of Object.entries({ ...rates, [context.currency]: 1 })) {
    appender.appendVarchar(currency);
    appender.appendVarchar(String(rate));
    appender.endRow();
  }
  appender.closeSync();
}

async function refuseMixedCurrencies(context: ImportContext): Promise<void> {
  const reader = await context.analytic.connection.runAndReadAll(
    'SELECT DISTINCT currency FROM parsed WHERE currency IS NOT NULL ORDER BY 1 LIMIT 20',
  );
  const currencies = reader.getRowsJS().map((row) => String(row[0]));
  if (currencies.length > 1) {
    throw new KontorError(
      'mixed_currencies',
      `The file mixes currencies (${currencies.join(', ')}). Give exchange rates to ${context.currency} with --rates FILE ` +
        '(a CSV of currency,rate), or import one currency at a time.',
    );
  }
}

function rejectsPath(
  context: ImportContext,
  options: { file: string; rejectsFile?: string | undefined },
): string {
  if (options.rejectsFile) return options.rejectsFile;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(context.dataDir, 'rejects', `${path.basename(options.file)}.${stamp}.rejects.csv`);
}

/** Size plus a hash of the first MiB: enough to recognise a file again without reading a gigabyte twice. */
function fingerprint(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    hash.update(buffer.subarray(0, read));
    hash.update(String(fs.fstatSync(fd).size));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
