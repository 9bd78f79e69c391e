import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountListItem, AccountListQuery } from './account.api-schema.js';
import { currentStamp, remembered } from './account-list.count.js';
import {
  type AccountFilter,
  filterOf,
  isEmptyFilter,
  isPostgres,
  type QueryContext,
} from './account-list.filter.js';
import { itemsByIds } from './account-list.items.js';
import {
  type AccountView,
  accountIds,
  blankIds,
  countRows,
  type KeyRow,
  keyedIds,
  type MetricKey,
  matchingIds,
  metricKey,
  unanalysedIds,
  type Window,
} from './account-list.queries.js';

export type { AccountView } from './account-list.queries.js';

type Counter = (kind: 'accounts' | 'analysed' | MetricKey, filter?: AccountFilter) => Promise<number>;
interface Memory {
  stamp: string;
  count: Counter;
  list(key: string, compute: () => Promise<KeyRow[]>): Promise<KeyRow[]>;
}

/** Counts and short id lists of this request's view, remembered across requests until data changes. */
async function memory(db: Kysely<Database>, view: AccountView): Promise<Memory> {
  const stamp = await currentStamp(db);
  const context: QueryContext = { postgres: isPostgres(db), shape: 'filter' };
  return {
    stamp,
    count: (kind, filter = view.filter) => {
      const key = `${kind} ${JSON.stringify(filter)}`;
      return remembered(db, 'counts', stamp, key, async () =>
        Number(await countRows(db, kind, filter, context)),
      );
    },
    list: (key, compute) => remembered(db, 'lists', stamp, `${key} ${JSON.stringify(view.filter)}`, compute),
  };
}

/**
 * One page of accounts with their published metrics. Sorting and filtering run in the database on
 * indexes (migration 0006) and counts are remembered until the data changes, so a page of a
 * 200,000-account workspace costs about what one of a small workspace does. In a metric sort the
 * accounts without a value come last by id, those never analysed at the very end.
 */
export async function listAccountsPage(
  db: Kysely<Database>,
  query: AccountListQuery,
  callerId: number | null,
): Promise<{ items: AccountListItem[]; page: number; size: number; total: number }> {
  const view: AccountView = { filter: filterOf(query, callerId), sort: query.sort, order: query.order };
  const memo = await memory(db, view);
  // The same page asked again before anything changed (every user opening the list) is answered
  // from memory; "my accounts" is in the key as the user's id.
  const key = JSON.stringify([view, query.page, query.size]);
  return remembered(db, 'pages', memo.stamp, key, () => readPage(db, view, query, memo));
}

async function readPage(db: Kysely<Database>, view: AccountView, query: AccountListQuery, memo: Memory) {
  const count = memo.count;
  const total = await count('accounts');
  const offset = (query.page - 1) * query.size;
  let rows: KeyRow[] = [];
  if (offset < total) {
    const universe = isEmptyFilter(view.filter) ? total : await count('accounts', {});
    // Walking the sort index meets the page after about (offset + size) × universe / total rows;
    // collecting the matches costs about `total`. Take the cheaper.
    const few = !isEmptyFilter(view.filter) && total * total < (offset + query.size) * universe;
    const shape = few ? 'filter' : 'order';
    rows = await pageRows(db, view, { postgres: isPostgres(db), shape }, { offset, limit: query.size }, memo);
  }
  return {
    items: await itemsByIds(
      db,
      rows.map((row) => row.id),
    ),
    page: query.page,
    size: query.size,
    total,
  };
}

interface Segment {
  size(): Promise<number>;
  rows(window: Window): Promise<KeyRow[]>;
}

/** A few accounts never analysed among many: finding them reads every account, so the list is kept. */
const FEW_UNANALYSED = 2000;

function segments(db: Kysely<Database>, view: AccountView, context: QueryContext, memo: Memory): Segment[] {
  const { count } = memo;
  const key = metricKey(view.sort);
  if (!key) return [{ size: () => count('accounts'), rows: (w) => accountIds(db, view, context, w) }];
  const unanalysed = async () => (await count('accounts')) - (await count('analysed'));
  return [
    { size: () => count(key), rows: (w) => keyedIds(db, view, key, context, w) },
    {
      size: async () => (await count('analysed')) - (await count(key)),
      rows: (w) => blankIds(db, view, key, context, w),
    },
    {
      size: unanalysed,
      rows: async (w) => {
        const size = await unanalysed();
        if (size > FEW_UNANALYSED) return unanalysedIds(db, view, context, w);
        const all = await memo.list('unanalysed', () =>
          unanalysedIds(db, view, { ...context, shape: 'order' }, { offset: 0, limit: size }),
        );
        const start = w.after ? all.findIndex((row) => row.id === w.after!.id) + 1 : w.offset;
        return all.slice(start, start + w.limit);
      },
    },
  ];
}

async function pageRows(
  db: Kysely<Database>,
  view: AccountView,
  context: QueryContext,
  window: Window,
  memo: Memory,
): Promise<KeyRow[]> {
  const key = metricKey(view.sort);
  if (key && context.shape === 'filter') return matchingIds(db, view, key, context, window);
  const rows: KeyRow[] = [];
  let skip = window.offset;
  for (const [index, segment] of segments(db, view, context, memo).entries()) {
    const limit = window.limit - rows.length;
    if (limit === 0) break;
    // The first pages read the first segment straight away; later segments only when they hold rows.
    if (index > 0 || skip > 0) {
      const size = await segment.size();
      if (skip >= size) {
        skip -= size;
        continue;
      }
    }
    rows.push(...(await segment.rows({ offset: skip, limit })));
    skip = 0;
  }
  return rows;
}

/**
 * Every account of the view in its order, in batches (the export). Few matches come from one query
 * through the filter; many by keyset paging along each segment, so the last batch costs what the
 * first does.
 */
export async function* scanAccounts(
  db: Kysely<Database>,
  view: AccountView,
  batch = 1000,
): AsyncGenerator<AccountListItem[]> {
  const memo = await memory(db, view);
  const total = await memo.count('accounts');
  const postgres = isPostgres(db);
  const key = metricKey(view.sort);
  if (total <= 5 * batch && !isEmptyFilter(view.filter)) {
    const context: QueryContext = { postgres, shape: 'filter' };
    const window = { offset: 0, limit: total };
    const rows = key
      ? await matchingIds(db, view, key, context, window)
      : await accountIds(db, view, context, window);
    for (let start = 0; start < rows.length; start += batch) {
      yield await itemsByIds(
        db,
        rows.slice(start, start + batch).map((row) => row.id),
      );
    }
    return;
  }
  for (const segment of segments(db, view, { postgres, shape: 'order' }, memo)) {
    if ((await segment.size()) === 0) continue;
    let after: Window['after'];
    for (;;) {
      const rows = await segment.rows({ offset: 0, limit: batch, after });
      if (rows.length > 0)
        yield await itemsByIds(
          db,
          rows.map((row) => row.id),
        );
      if (rows.length < batch) break;
      const last = rows.at(-1)!;
      after = { key: last.key, id: last.id };
    }
  }
}
