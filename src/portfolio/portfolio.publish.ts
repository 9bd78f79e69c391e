import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { tracer } from '../trace.js';
import type { Change, PortfolioReport } from './portfolio.report-model.js';
import {
  createMissingAccounts,
  insertSnapshot,
  previousSnapshotRows,
  replaceAccountMetrics,
  snapshotAccountsFromMetrics,
} from './portfolio.repository.js';
import type { AccountActivity } from './portfolio.schema.js';

/**
 * Writes the per-account metrics and a dated snapshot in one transaction (the caller's), so lists and
 * pages read published figures instead of waiting on a recomputation, and changes can be shown later.
 * `activity` has one entry per report account, in the same order (it holds the exact money figures).
 * `knownAccounts`: the account ids the analysis read, which spares reading them all again.
 */
export async function publishAnalysis(
  db: Kysely<Database>,
  report: PortfolioReport,
  activity: AccountActivity[],
  now: string,
  knownAccounts?: { has(id: string): boolean },
): Promise<{ snapshotId: number; changes: PortfolioReport['changes'] }> {
  const trace = tracer('publish');
  await createMissingAccounts(
    db,
    report.accounts.map((a) => a.id),
    now,
    knownAccounts,
  );
  trace('missing accounts');
  const previous = await previousSnapshotRows(db, report.by);
  trace('previous snapshot');
  const { accounts, ...summary } = report;
  const changes = previous ? changesSince(previous, accounts) : null;
  // The changes are stored with the snapshot, so serving it is reading one document (names as analysed,
  // like every other name in the summary).
  const snapshotId = await insertSnapshot(db, {
    createdAt: now,
    from: report.window.from,
    to: report.window.to,
    by: report.by,
    filters: {},
    summary: { ...summary, changes },
  });
  trace('snapshot');
  await replaceAccountMetrics(db, {
    length: accounts.length,
    at: (k) => {
      const a = accounts[k]!;
      const facts = activity[k]!;
      return {
        account_id: a.id,
        snapshot_id: snapshotId,
        revenue: facts.revenue,
        cost: facts.cost,
        margin: facts.margin,
        margin_pct: a.marginPct,
        orders: a.orders,
        lines: a.lines,
        first_purchase: a.firstPurchase,
        last_purchase: a.lastPurchase,
        active_months: a.activeMonths,
        previous_revenue: facts.previousRevenue,
        growth: a.growth.windowGrowth,
        quarter_growth: a.growth.quarterGrowth,
        class: a.class,
        computed_class: a.computedClass,
        tier: a.tier,
        tier_reasons: JSON.stringify(a.tierReasons),
        rank: a.rank,
        share: a.share,
        cumulative_share: a.cumulativeShare,
        computed_at: now,
      };
    },
  });
  trace('metrics');
  await snapshotAccountsFromMetrics(db, snapshotId, report.by);
  trace('snapshot accounts');
  return { snapshotId, changes };
}

function changesSince(
  previous: NonNullable<Awaited<ReturnType<typeof previousSnapshotRows>>>,
  accounts: PortfolioReport['accounts'],
): NonNullable<PortfolioReport['changes']> {
  const classChanges: Change[] = [];
  const tierChanges: Change[] = [];
  for (const account of accounts) {
    const before = previous.rows.get(account.id);
    if (!before) continue;
    if (before.class !== account.class)
      classChanges.push({ id: account.id, name: account.name, from: before.class, to: account.class });
    if (before.tier !== account.tier)
      tierChanges.push({ id: account.id, name: account.name, from: before.tier, to: account.tier });
  }
  return { since: previous.createdAt, classChanges, tierChanges };
}
