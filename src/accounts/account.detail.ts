import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountLatestMetrics } from './account.api-schema.js';

type Reason = AccountLatestMetrics['tierReasons'][number];

/**
 * The figures of the latest published analysis for one account, with the window they cover. The tier
 * the rules alone would give is derived from the criteria met (METHOD G1: any criterion but 'manual'
 * makes an account Green Circle), so the page can show it after a manual override is taken back.
 */
export async function latestAccountMetrics(
  db: Kysely<Database>,
  accountId: string,
): Promise<AccountLatestMetrics | null> {
  const row = await db
    .selectFrom('account_metrics as m')
    .innerJoin('portfolio_snapshots as s', 's.id', 'm.snapshot_id')
    .select([
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
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) return null;
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
