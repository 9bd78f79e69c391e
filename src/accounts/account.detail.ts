import type { Kysely, Selectable } from 'kysely';
import type { AccountMetricsTable, Database } from '../db/schema.js';
import type { AccountDetail, AccountLatestMetrics } from './account.api-schema.js';
import { toAccount } from './account.repository.js';

type Reason = AccountLatestMetrics['tierReasons'][number];

/**
 * One account with the figures of the latest published analysis and the window they cover, in one
 * query (a round trip each would double the cost on PostgreSQL). The tier the rules alone would give is
 * derived from the criteria met (METHOD G1: any criterion but 'manual' makes an account Green Circle),
 * so the page can show it after a manual override is taken back.
 */
export async function findAccountDetail(db: Kysely<Database>, id: string): Promise<AccountDetail | null> {
  const row = await db
    .selectFrom('accounts as a')
    .leftJoin('account_metrics as m', 'm.account_id', 'a.id')
    .leftJoin('portfolio_snapshots as s', 's.id', 'm.snapshot_id')
    .selectAll('a')
    .select([
      's.id as s_id',
      'm.snapshot_id',
      'm.computed_at',
      's.window_from',
      's.window_to',
      'm.revenue',
      'm.cost',
      'm.margin',
      'm.margin_pct',
      'm.previous_revenue',
      'm.growth',
      'm.quarter_growth',
      'm.orders',
      'm.first_purchase',
      'm.last_purchase',
      'm.class',
      'm.computed_class',
      'm.tier',
      'm.tier_reasons',
      'm.rank',
      'm.share',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  // The joined columns are null together, when the account has no metrics of an existing snapshot.
  const metrics = row.s_id === null ? null : toMetrics(row as unknown as MetricsRow);
  return { ...toAccount(row), metrics };
}

type MetricsRow = Selectable<AccountMetricsTable> & { window_from: string; window_to: string };

function toMetrics(row: MetricsRow): AccountLatestMetrics {
  const reasons = JSON.parse(row.tier_reasons) as Reason[];
  const money = (value: string | number | null) => (value === null ? null : String(value));
  return {
    snapshotId: row.snapshot_id,
    computedAt: row.computed_at,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    revenue: String(row.revenue),
    cost: money(row.cost),
    margin: money(row.margin),
    marginPct: row.margin_pct === null ? null : Number(row.margin_pct),
    previousRevenue: money(row.previous_revenue),
    growth: row.growth === null ? null : Number(row.growth),
    quarterGrowth: row.quarter_growth === null ? null : Number(row.quarter_growth),
    orders: Number(row.orders),
    firstPurchase: row.first_purchase,
    lastPurchase: row.last_purchase,
    class: row.class,
    computedClass: row.computed_class,
    tier: row.tier,
    computedTier: reasons.some((reason) => reason !== 'manual') ? 'green' : 'transactional',
    tierReasons: reasons,
    rank: row.rank,
    share: row.share === null ? null : Number(row.share),
  };
}
