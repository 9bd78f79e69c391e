// Fills a workspace for the API benchmark: the demo company's real analysis (so the portfolio snapshot is
// genuine), then 200,000 accounts with published metrics and 1,000,000 activities in bulk, and a second
// snapshot over every account, as after a workspace of that size was analysed twice.
import { type Kysely, sql } from 'kysely';
import type { AnalyticStore } from '../src/analytics/analytic-store.js';
import type { OperationalStore } from '../src/db/connect.js';
import type { Database } from '../src/db/schema.js';
import { seedDemoWorkspace } from '../src/demo/workspace.js';

/** The id of the n-th benchmark account (B0000000, B0000001, …). */
export const benchAccountId = (n: number) => `B${String(n).padStart(7, '0')}`;

export async function seedBenchWorkspace(
  store: OperationalStore,
  analytic: () => Promise<AnalyticStore>,
  dataDir: string,
  sizes: { accounts: number; activities: number },
): Promise<void> {
  await seedDemoWorkspace({ db: store.db, analytic, dataDir });
  const db = store.db;
  const now = new Date().toISOString();
  const manager = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'manager')
    .executeTakeFirstOrThrow();
  const [previous, latest] = await secondSnapshot(db, now);
  const batch = 1_000; // 22 columns × 1,000 rows stays under SQLite's 32,766 parameters
  for (let start = 0; start < sizes.accounts; start += batch) {
    const numbers = Array.from({ length: Math.min(batch, sizes.accounts - start) }, (_, i) => start + i);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('accounts')
        .values(
          numbers.map((n) => ({
            id: benchAccountId(n),
            name: `Benchmark Kunde ${n}`,
            segment: `S${n % 7}`,
            region: `R${n % 5}`,
            owner: `O${n % 30}`,
            attributes: '{}',
            edited_fields: '[]',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('account_metrics')
        .values(numbers.map((n) => metricsRow(n, latest, now)))
        .execute();
      // 1 account in 100 changed class and 1 in 250 changed tier since the previous analysis.
      for (const [snapshot, changed] of [
        [previous, false],
        [latest, true],
      ] as const) {
        await trx
          .insertInto('snapshot_accounts')
          .values(
            numbers.map((n) => ({
              snapshot_id: snapshot,
              account_id: benchAccountId(n),
              class: changed && n % 100 === 0 ? ('B' as const) : ('C' as const),
              tier: changed && n % 250 === 0 ? ('green' as const) : ('transactional' as const),
              value: String((n * 7919) % 1_000_000),
            })),
          )
          .execute();
      }
    });
  }
  const rows = 1_000;
  for (let start = 0; start < sizes.activities; start += rows) {
    await db
      .insertInto('activities')
      .values(
        Array.from({ length: Math.min(rows, sizes.activities - start) }, (_, i) => ({
          account_id: benchAccountId((start + i) % sizes.accounts),
          type: 'call' as const,
          date: `2025-${String(((start + i) % 12) + 1).padStart(2, '0')}-15`,
          duration_minutes: 15,
          user_id: manager.id,
          notes: '',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  if (store.backend === 'postgres') await sql`analyze`.execute(db);
}

/** The demo analysis published again (same summary and account rows): returns [previous id, latest id]. */
async function secondSnapshot(db: Kysely<Database>, now: string): Promise<[number, number]> {
  const first = await db
    .selectFrom('portfolio_snapshots')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const { id: _id, ...copy } = first;
  const { id } = await db
    .insertInto('portfolio_snapshots')
    .values({ ...copy, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('snapshot_accounts')
    .columns(['snapshot_id', 'account_id', 'class', 'tier', 'value'])
    .expression((eb) =>
      eb
        .selectFrom('snapshot_accounts')
        .select([sql.lit(id).as('snapshot_id'), 'account_id', 'class', 'tier', 'value'])
        .where('snapshot_id', '=', first.id),
    )
    .execute();
  await db.updateTable('account_metrics').set({ snapshot_id: id }).execute();
  return [first.id, id];
}

function metricsRow(n: number, snapshotId: number, now: string) {
  return {
    account_id: benchAccountId(n),
    snapshot_id: snapshotId,
    revenue: String((n * 7919) % 1_000_000),
    cost: null,
    margin: null,
    margin_pct: null,
    orders: 3,
    lines: 9,
    first_purchase: '2024-01-01',
    last_purchase: '2025-12-01',
    active_months: 6,
    previous_revenue: null,
    growth: null,
    quarter_growth: null,
    class: 'C' as const,
    computed_class: 'C' as const,
    tier: 'transactional' as const,
    tier_reasons: '[]',
    rank: n + 1000,
    share: 0,
    cumulative_share: 1,
    computed_at: now,
  };
}
