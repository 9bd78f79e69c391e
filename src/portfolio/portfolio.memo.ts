import type { DuckDBConnection } from '@duckdb/node-api';
import type { Kysely } from 'kysely';
import { currentStamp } from '../accounts/account-list.count.js';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import type { Database } from '../db/schema.js';
import { getSettings } from '../settings/setting.service.js';
import type { PortfolioReport } from './portfolio.report-model.js';
import type { AnalyzeOptions } from './portfolio.schema.js';
import { analyzeSales } from './portfolio.service.js';

/**
 * Analyses computed on demand, remembered until the data changes. At 200,000 accounts an analysis takes
 * a second or two, most of it in the method's rules on the event loop; the dashboard asks for the same
 * view again and again while the data stays put. The stamp covers everything an analysis reads: the
 * operational store's state (settings, names, overrides, potential, attributes for the filters: any
 * write changes it, see currentStamp) and the sales lines (every committed import adds a batch row).
 * A few reports are kept: each holds every account's row, tens of megabytes at 200,000 accounts.
 */
const KEEP = 3;
type Memo = Map<string, { stamp: string; report: Promise<PortfolioReport> }>;
const memos = new WeakMap<Kysely<Database>, WeakMap<AnalyticStore, Memo>>();

function memoOf(db: Kysely<Database>, store: AnalyticStore): Memo {
  const byStore = memos.get(db) ?? new WeakMap<AnalyticStore, Memo>();
  memos.set(db, byStore);
  const memo = byStore.get(store) ?? new Map();
  byStore.set(store, memo);
  return memo;
}

export type OnDemandOptions = Omit<AnalyzeOptions, 'publish'>;

export async function rememberedAnalysis(
  db: Kysely<Database>,
  store: AnalyticStore,
  options: OnDemandOptions,
): Promise<PortfolioReport> {
  const connection = await store.connect();
  try {
    const stamp = `${await currentStamp(db)}|${await salesStamp(connection)}`;
    const memo = memoOf(db, store);
    const key = JSON.stringify(
      Object.entries(options)
        .filter(([, value]) => value !== undefined)
        .sort(),
    );
    const hit = memo.get(key);
    if (hit?.stamp === stamp) return await hit.report;
    const report = (async () =>
      analyzeSales(
        { analytic: { ...store, connection }, db, settings: await getSettings(db) },
        { ...options, publish: false },
      ))();
    const entry = { stamp, report };
    memo.delete(key);
    if (memo.size >= KEEP) memo.delete(memo.keys().next().value!);
    memo.set(key, entry);
    // A failure (no sales data yet, no margin data) is not remembered: the next request tries again.
    report.catch(() => memo.get(key) === entry && memo.delete(key));
    return await report;
  } finally {
    connection.closeSync();
  }
}

/**
 * The default view (what the dashboard opens with), computed ahead so the first visitor after a start
 * or an import does not wait for it. Failures are for the request that meets them, not for this.
 */
export function warmDefaultAnalysis(db: Kysely<Database>, store: AnalyticStore): Promise<void> {
  return rememberedAnalysis(db, store, { by: 'revenue', all: false }).then(
    () => {},
    () => {},
  );
}

async function salesStamp(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll(
    "SELECT coalesce(max(id), 0) || ':' || count(*) FROM import_batches",
  );
  return String(reader.getRowsJS()[0]![0]);
}
