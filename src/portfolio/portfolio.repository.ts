import { type Insertable, type Kysely, sql } from 'kysely';
import { NEW_ACCOUNT_COLUMNS, newAccountRows } from '../accounts/account.repository.js';
import { writeInBulk } from '../db/bulk-indexes.js';
import { insertRows, type RowSource } from '../db/insert-rows.js';
import type { AccountMetricsTable, Database } from '../db/schema.js';

export interface SnapshotRow {
  accountId: string;
  class: 'A' | 'B' | 'C';
  tier: 'green' | 'transactional';
  value: string;
}

/** The snapshot itself; its account rows come from the metrics published with it (snapshotAccountsFromMetrics). */
export async function insertSnapshot(
  db: Kysely<Database>,
  snapshot: {
    createdAt: string;
    from: string;
    to: string;
    by: 'revenue' | 'margin';
    filters: object;
    summary: object;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('portfolio_snapshots')
    .values({
      created_at: snapshot.createdAt,
      window_from: snapshot.from,
      window_to: snapshot.to,
      value_basis: snapshot.by,
      filters: JSON.stringify(snapshot.filters),
      summary: JSON.stringify(snapshot.summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Each account's class, tier and ranked value in the snapshot, copied inside the database from the
 * account metrics just published with it: no second 100,000 rows of parameters (a third of a second).
 * The value is exact, as the metrics hold it; an unknown margin counts as 0, as in the ranking.
 */
export async function snapshotAccountsFromMetrics(
  db: Kysely<Database>,
  snapshotId: number,
  by: 'revenue' | 'margin',
): Promise<void> {
  await db
    .insertInto('snapshot_accounts')
    .columns(['snapshot_id', 'account_id', 'class', 'tier', 'value'])
    .expression(
      db
        .selectFrom('account_metrics')
        .select([
          'snapshot_id',
          'account_id',
          'class',
          'tier',
          by === 'revenue' ? sql<string>`revenue`.as('value') : sql<string>`coalesce(margin, 0)`.as('value'),
        ])
        .where('snapshot_id', '=', snapshotId),
    )
    .execute();
}

/** The newest published snapshot on the same value basis, to show what changed since. */
export async function previousSnapshotRows(
  db: Kysely<Database>,
  by: 'revenue' | 'margin',
): Promise<{
  id: number;
  createdAt: string;
  rows: Map<string, Pick<SnapshotRow, 'class' | 'tier'>>;
} | null> {
  const snapshot = await db
    .selectFrom('portfolio_snapshots')
    .select(['id', 'created_at'])
    .where('value_basis', '=', by)
    .where('filters', '=', '{}')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!snapshot) return null;
  const rows = await db
    .selectFrom('snapshot_accounts')
    .select(['account_id', 'class', 'tier'])
    .where('snapshot_id', '=', snapshot.id)
    .execute();
  const byAccount = new Map<string, Pick<SnapshotRow, 'class' | 'tier'>>();
  for (const row of rows) byAccount.set(row.account_id, row);
  return { id: snapshot.id, createdAt: snapshot.created_at, rows: byAccount };
}

export async function replaceAccountMetrics(
  db: Kysely<Database>,
  rows: RowSource<Insertable<AccountMetricsTable>>,
): Promise<void> {
  await db.deleteFrom('account_metrics').execute();
  await writeInBulk(db, 'account_metrics', { added: rows.length, stored: 0 }, () =>
    insertRows(db, 'account_metrics', METRIC_COLUMNS, rows),
  );
}

const METRIC_COLUMNS = [
  'account_id',
  'snapshot_id',
  'revenue',
  'cost',
  'margin',
  'margin_pct',
  'orders',
  'lines',
  'first_purchase',
  'last_purchase',
  'active_months',
  'previous_revenue',
  'growth',
  'quarter_growth',
  'class',
  'computed_class',
  'tier',
  'tier_reasons',
  'rank',
  'share',
  'cumulative_share',
  'computed_at',
] as const satisfies readonly (keyof Insertable<AccountMetricsTable>)[];

/**
 * Accounts in the sales data that the operational store does not know yet (an import cut short).
 * `known` is the caller's recent read of the account ids, when it has one: an account created since
 * then is skipped by the insert rather than read again with the other 100,000.
 */
export async function createMissingAccounts(
  db: Kysely<Database>,
  ids: string[],
  now: string,
  known?: { has(id: string): boolean },
): Promise<number> {
  const present =
    known ?? new Set((await db.selectFrom('accounts').select('id').execute()).map((row) => row.id));
  const missing = ids.filter((id) => !present.has(id));
  await insertRows(
    db,
    'accounts',
    NEW_ACCOUNT_COLUMNS,
    newAccountRows(
      missing.map((id) => ({ id, name: null, segment: null, region: null, owner: null })),
      now,
    ),
    { skipExisting: known !== undefined },
  );
  return missing.length;
}
