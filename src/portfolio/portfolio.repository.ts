import type { Insertable, Kysely } from 'kysely';
import type { AccountMetricsTable, Database } from '../db/schema.js';

export interface SnapshotRow {
  accountId: string;
  class: 'A' | 'B' | 'C';
  tier: 'green' | 'transactional';
  value: string;
}

/** Rows per INSERT: as many as stay under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const rowsPerInsert = (columns: number) => Math.floor(30_000 / columns);

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
  rows: SnapshotRow[],
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
  const batch = rowsPerInsert(5);
  for (let start = 0; start < rows.length; start += batch) {
    await db
      .insertInto('snapshot_accounts')
      .values(
        rows.slice(start, start + batch).map((row) => ({
          snapshot_id: id,
          account_id: row.accountId,
          class: row.class,
          tier: row.tier,
          value: row.value,
        })),
      )
      .execute();
  }
  return id;
}

/** The newest published snapshot on the same value basis, to show what changed since. */
export async function previousSnapshotRows(
  db: Kysely<Database>,
  by: 'revenue' | 'margin',
): Promise<{ id: number; createdAt: string; rows: Map<string, SnapshotRow> } | null> {
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
    .select(['account_id', 'class', 'tier', 'value'])
    .where('snapshot_id', '=', snapshot.id)
    .execute();
  return {
    id: snapshot.id,
    createdAt: snapshot.created_at,
    rows: new Map(
      rows.map((r) => [
        r.account_id,
        { accountId: r.account_id, class: r.class, tier: r.tier, value: String(r.value) },
      ]),
    ),
  };
}

export async function replaceAccountMetrics(
  db: Kysely<Database>,
  rows: Insertable<AccountMetricsTable>[],
): Promise<void> {
  await db.deleteFrom('account_metrics').execute();
  const batch = rowsPerInsert(22);
  for (let start = 0; start < rows.length; start += batch) {
    await db
      .insertInto('account_metrics')
      .values(rows.slice(start, start + batch))
      .execute();
  }
}

/** Accounts in the sales data that the operational store does not know yet (an import cut short). */
export async function createMissingAccounts(
  db: Kysely<Database>,
  ids: string[],
  now: string,
): Promise<number> {
  const known = new Set((await db.selectFrom('accounts').select('id').execute()).map((row) => row.id));
  const missing = ids.filter((id) => !known.has(id));
  const batch = rowsPerInsert(11);
  for (let start = 0; start < missing.length; start += batch) {
    await db
      .insertInto('accounts')
      .values(
        missing.slice(start, start + batch).map((id) => ({
          id,
          name: id,
          segment: null,
          region: null,
          owner: null,
          attributes: '{}',
          edited_fields: '[]',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  return missing.length;
}
