import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { tracer } from '../trace.js';
import { collectDuplicateKeys, collectProblems, rowChecks } from './checks.js';
import { chooseDateFormat } from './date-choice.js';
import type { DateFormat } from './detect/index.js';
import { importDirectly } from './direct.js';
import {
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  importOptionsSchema,
} from './import.schema.js';
import { emptySummary, recordAccounts } from './import-summary.js';
import { deletePeriod, insertNewLines } from './load.js';
import { nativeFormats } from './native.js';
import { type ImportPlan, planImport } from './plan.js';
import { writeRejectsFile } from './rejects-file.js';
import { readRejects, recordBatch, summarizeGoodRows } from './results.js';
import { type PreparedSource, prepareSource } from './source/source.js';
import { dropStaging, scalar, stageSource } from './staging.js';

export interface ImportContext {
  analytic: AnalyticStore;
  db: Kysely<Database>;
  dataDir: string;
  currency: string;
  onProgress?: ImportProgress | undefined;
}

type ResolvedOptions = ReturnType<typeof importOptionsSchema.parse>;

const SHOWN_REJECTS = 1000;

/**
 * The whole import. A clean file DuckDB can parse itself is written in one pass and verified before
 * COMMIT; anything else is read into a typed staging table, every row checked, and then either nothing
 * (abort) or the good rows (skip) loaded in one transaction. A crash at any point leaves the previous
 * data exactly as it was.
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
    const plan = planImport(source, options);
    await dropStaging(connection);
    const dateFormat = await chooseDateFormat(connection, plan, source);
    await dropStaging(connection);
    const withRates = options.rates !== undefined;
    if (withRates) await createRates(context, options.rates!);
    const summary = emptySummary(options.file, source, plan, dateFormat, context.currency);
    trace('source and plan');
    const native = nativeFormats(source, plan, dateFormat);
    if (native) {
      const importId = await nextImportId(context);
      const direct = await importDirectly(connection, source, plan, native, {
        importId,
        file: options.file,
        fingerprint: fingerprint(options.file),
        withRates,
        replacePeriod: options.replacePeriod,
        onProgress: context.onProgress,
      });
      trace('direct import');
      if (direct) {
        const { accounts, ...counts } = direct;
        const done = {
          ...summary,
          ...counts,
          rowsRead: counts.rowsImported + counts.duplicatesSkipped,
          importId,
          committed: true,
        };
        const recorded = await recordAccounts(context.db, done, accounts);
        trace('accounts');
        return recorded;
      }
      // Something in the file needs a closer look: read it again the general way, which reports it.
      await dropStaging(connection);
      if (withRates) await createRates(context, options.rates!);
    }
    return await importCarefully(context, options, { source, plan, dateFormat, withRates, summary, trace });
  } finally {
    await dropStaging(connection).catch(() => {});
    source.cleanup();
  }
}

async function importCarefully(
  context: ImportContext,
  options: ResolvedOptions,
  run: {
    source: PreparedSource;
    plan: ImportPlan;
    dateFormat: DateFormat;
    withRates: boolean;
    summary: ImportSummary;
    trace: (phase: string) => void;
  },
): Promise<ImportSummary> {
  const { connection } = context.analytic;
  const { source, plan, dateFormat, withRates, trace } = run;
  const staged = await stageSource(connection, source, plan, dateFormat, context.onProgress);
  trace('read and parse');
  context.onProgress?.('checking', 0);
  if (!withRates && plan.columns.currency !== undefined) await refuseMixedCurrencies(context);
  await collectProblems(connection, rowChecks(plan, source, dateFormat, withRates));
  if (plan.columns.document !== undefined && plan.columns.line !== undefined)
    await collectDuplicateKeys(connection);
  const badRows = await scalar(connection, 'SELECT count(DISTINCT r) FROM import_problems');
  const rejects = await readRejects(connection, source, plan, badRows, SHOWN_REJECTS);
  const goodRows = badRows > 0 ? 'rowid NOT IN (SELECT r FROM import_problems)' : 'true';
  const found = await summarizeGoodRows(connection, goodRows, withRates);
  trace('checks and summary');
  const summary: ImportSummary = {
    ...run.summary,
    rowsRead: staged.rows + staged.structuralRejects,
    rowsRejected: badRows + staged.structuralRejects,
    customers: found.customers,
    dateRange: found.dateRange,
    totalAmount: found.totalAmount,
    rejects,
  };
  if (summary.rowsRejected > 0) {
    summary.rejectsFile = await writeRejectsFile(connection, source, plan, rejectsPath(context, options));
    if (options.onError === 'abort') return summary;
  }
  if (staged.rows - badRows === 0) {
    throw new KontorError('bad_data', `"${path.basename(options.file)}" has no usable sales lines.`);
  }
  context.onProgress?.('saving', 0);
  const importId = await nextImportId(context);
  await connection.run('BEGIN TRANSACTION');
  try {
    summary.linesReplaced = options.replacePeriod
      ? await deletePeriod(connection, options.replacePeriod.from, options.replacePeriod.to)
      : 0;
    summary.rowsImported = await insertNewLines(connection, plan, { importId, goodRows, withRates });
    summary.duplicatesSkipped = staged.rows - badRows - summary.rowsImported;
    await recordBatch(connection, importId, options.file, fingerprint(options.file), summary);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
  trace('insert and commit');
  context.onProgress?.('saving', 1);
  return recordAccounts(context.db, { ...summary, importId, committed: true }, found.accounts);
}

function nextImportId(context: ImportContext): Promise<number> {
  return scalar(context.analytic.connection, 'SELECT coalesce(max(id), 0) + 1 FROM import_batches');
}

async function createRates(context: ImportContext, rates: Record<string, number>): Promise<void> {
  const { connection } = context.analytic;
  await connection.run('CREATE OR REPLACE TEMP TABLE import_rates (currency VARCHAR, rate DECIMAL(18,8))');
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
