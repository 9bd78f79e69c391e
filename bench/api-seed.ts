// Fills a workspace for the API benchmark: the demo company's real analysis (so the portfolio snapshot is
// genuine), then 200,000 accounts with published metrics and 1,000,000 activities in bulk.
import { sql } from 'kysely';
import type { AnalyticStore } from '../src/analytics/analytic-store.js';
import type { OperationalStore } from '../src/db/connect.js';
import { seedDemoWorkspace } from '../src/demo/workspace.js';

export async function seedBenchWorkspace(
  store: OperationalStore,
  analytic: () => Promise<AnalyticStore>,
  dataDir: string,
  sizes: { accounts: number; activities: number },
): Promise<void> {
  await seedDemoWorkspace({ db: store.db, analytic, dataDir });
  const now = new Date().toISOString();
  const snapshot = await store.db
    .selectFrom('portfolio_snapshots')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const manager = await store.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'manager')
    .executeTakeFirstOrThrow();
  const batch = 1_000; // 22 columns × 1,000 rows stays under SQLite's 32,766 parameters
  for (let start = 0; start < sizes.accounts; start += batch) {
    const ids = Array.from(
      { length: Math.min(batch, sizes.accounts - start) },
      (_, i) => `B${String(start + i).padStart(7, '0')}`,
    );
    await store.db
      .insertInto('accounts')
      .values(
        ids.map((id, i) => ({
          id,
          name: `Benchmark Kunde ${start + i}`,
          segment: `S${i % 7}`,
          region: `R${i % 5}`,
          owner: `O${i % 30}`,
          attributes: '{}',
          edited_fields: '[]',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await store.db
      .insertInto('account_metrics')
      .values(
        ids.map((id, i) => ({
          account_id: id,
          snapshot_id: snapshot.id,
          revenue: String(((start + i) * 7919) % 1_000_000),
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
          class: 'C',
          computed_class: 'C',
          tier: 'transactional',
          tier_reasons: '[]',
          rank: start + i + 1000,
          share: 0,
          cumulative_share: 1,
          computed_at: now,
        })),
      )
      .execute();
  }
  const rows = 1_000;
  for (let start = 0; start < sizes.activities; start += rows) {
    await store.db
      .insertInto('activities')
      .values(
        Array.from({ length: Math.min(rows, sizes.activities - start) }, (_, i) => ({
          account_id: `B${String((start + i) % sizes.accounts).padStart(7, '0')}`,
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
  if (store.backend === 'postgres') await sql`analyze`.execute(store.db);
}
