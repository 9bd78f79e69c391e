import type { Kysely } from 'kysely';
import { upsertImportedAccounts } from '../accounts/account.repository.js';
import type { ImportedAccount } from '../accounts/account.schema.js';
import type { Database } from '../db/schema.js';
import { type DateFormat, describeDateFormat } from './detect/index.js';
import type { ImportSummary } from './import.schema.js';
import type { ImportPlan } from './plan.js';
import type { PreparedSource } from './source/source.js';

/** What the import found out about the file, with every count still zero. */
export function emptySummary(
  file: string,
  source: PreparedSource,
  plan: ImportPlan,
  dateFormat: DateFormat,
  currency: string,
): ImportSummary {
  return {
    importId: null,
    file,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    dateFormat: `${dateFormat}: ${describeDateFormat(dateFormat)}`,
    decimal: plan.numberStyle.decimal,
    mapping: Object.entries(plan.columns)
      .sort(([, a], [, b]) => (a as number) - (b as number))
      .map(([field, index]) => ({ field, header: plan.headers[index as number] ?? '' })),
    rowsRead: 0,
    rowsImported: 0,
    rowsRejected: 0,
    duplicatesSkipped: 0,
    linesReplaced: 0,
    customers: 0,
    accountsCreated: 0,
    accountsUpdated: 0,
    dateRange: null,
    totalAmount: '0',
    currency,
    committed: false,
    rejects: [],
    rejectsFile: null,
    warnings: [],
  };
}

/**
 * After the sales lines are committed: customers found in them become accounts, or refresh the imported
 * attributes of known accounts, never overwriting what people edited.
 */
export async function recordAccounts(
  db: Kysely<Database>,
  summary: ImportSummary,
  accounts: ImportedAccount[],
): Promise<ImportSummary> {
  const now = new Date().toISOString();
  const counts = await db.transaction().execute((trx) => upsertImportedAccounts(trx, accounts, now));
  return { ...summary, accountsCreated: counts.created, accountsUpdated: counts.updated };
}
