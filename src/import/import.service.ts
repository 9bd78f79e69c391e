import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { upsertImportedAccounts } from '../accounts/account.repository.js';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { collectDuplicateKeys, collectProblems, rowChecks } from './checks.js';
import { chooseDateFormat } from './date-choice.js';
import { describeDateFormat } from './detect/index.js';
import { lineExpressions } from './expressions.js';
import {
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  importOptionsSchema,
} from './import.schema.js';
import { deletePeriod, insertNewLines, inWorkspaceCurrency } from './load.js';
import { planImport } from './plan.js';
import { writeRejectsFile } from './rejects-file.js';
import { collectAccounts, readRejects, recordBatch, summarizeGoodRows } from './results.js';
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
  const { connection } = context.analytic;
  const source = await prepareSource(options.file, {
    encoding: options.encoding,
    sheet: options.sheet,
    tmpDir: path.join(context.dataDir, 'tmp'),
  });
  try {
    const plan = planImport(source, options);
    await dropStaging(connection);
    const used = [...new Set(Object.values(plan.columns))] as number[];
    const staged = await stageSource(connection, source, used, context.onProgress);
    context.onProgress?.('checking', 0);
    const dateFormat = await chooseDateFormat(connection, plan);
    const e = lineExpressions(plan, dateFormat);
    const withRates = options.rates !== undefined;
    if (withRates) await createRates(context, options.rates!);
    else await refuseMixedCurrencies(context, e.text('currency'), plan.columns.currency !== undefined);
    const checks = rowChecks(plan, source, e, dateFormat, withRates);
    await collectProblems(connection, checks, e);
    if (plan.columns.document !== undefined && plan.columns.line !== undefined)
      await collectDuplicateKeys(connection, e);
    const rejects = await readRejects(connection, source, plan, SHOWN_REJECTS);
    const good = `rowid NOT IN (SELECT r FROM import_problems)`;
    const goodRows = rejects.rows > 0 ? good : 'true';
    const summary = await summarizeGoodRows(
      connection,
      e,
      goodRows,
      inWorkspaceCurrency(e.amount, e, withRates),
    );
    const base: ImportSummary = {
      importId: null,
      file: options.file,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      dateFormat: describeDateFormat(dateFormat),
      decimal: plan.numberStyle.decimal,
      mapping: Object.entries(plan.columns).map(([field, index]) => ({
        field,
        header: plan.headers[index as number] ?? '',
      })),
      rowsRead: staged.rows + staged.structuralRejects,
      rowsImported: 0,
      rowsRejected: rejects.rows + staged.structuralRejects,
      duplicatesSkipped: 0,
      linesReplaced: 0,
      customers: summary.customers,
      accountsCreated: 0,
      accountsUpdated: 0,
      dateRange: summary.dateRange,
      totalAmount: summary.totalAmount,
      currency: context.currency,
      committed: false,
      rejects: rejects.shown,
      rejectsFile: null,
      warnings: [],
    };
    if (base.rowsRejected > 0)
      base.rejectsFile = await writeRejectsFile(connection, source, plan, rejectsPath(context, options));
    if (base.rowsRejected > 0 && options.onError === 'abort') return base;
    if (staged.rows - rejects.rows === 0) {
      throw new KontorError('bad_data', `"${path.basename(options.file)}" has no usable sales lines.`);
    }
    context.onProgress?.('saving', 0);
    const accounts = await collectAccounts(connection, e, goodRows);
    await connection.run('BEGIN TRANSACTION');
    try {
      const importId = await scalar(connection, 'SELECT coalesce(max(id), 0) + 1 FROM import_batches');
      base.linesReplaced = options.replacePeriod
        ? await deletePeriod(connection, options.replacePeriod.from, options.replacePeriod.to)
        : 0;
      base.rowsImported = await insertNewLines(connection, plan, e, { importId, goodRows, withRates });
      base.duplicatesSkipped = staged.rows - rejects.rows - base.rowsImported;
      await recordBatch(connection, importId, options.file, fingerprint(options.file), base);
      await connection.run('COMMIT');
      base.importId = importId;
      base.committed = true;
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
    context.onProgress?.('saving', 1);
    const now = new Date().toISOString();
    const counts = await context.db
      .transaction()
      .execute((trx) => upsertImportedAccounts(trx, accounts, now));
    base.accountsCreated = counts.created;
    base.accountsUpdated = counts.updated;
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

async function refuseMixedCurrencies(
  context: ImportContext,
  currency: string,
  mapped: boolean,
): Promise<void> {
  if (!mapped) return;
  const reader = await context.analytic.connection.runAndReadAll(
    `SELECT DISTINCT ${currency} AS c FROM staging WHERE ${currency} IS NOT NULL ORDER BY 1 LIMIT 20`,
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
