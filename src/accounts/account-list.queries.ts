import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountListQuery } from './account.api-schema.js';
import {
  type AccountFilter,
  allOf,
  onAccounts,
  onMetrics,
  type QueryContext,
} from './account-list.filter.js';

export type Sort = AccountListQuery['sort'];
export interface AccountView {
  filter: AccountFilter;
  sort: Sort;
  order: 'asc' | 'desc';
}

/** The metric sorts and their indexed columns (migration 0006); name and id sort the accounts table. */
const METRIC_KEY = {
  revenue: 'revenue_value',
  margin: 'margin_value',
  growth: 'growth',
  rank: 'rank',
} as const;
export type MetricKey = (typeof METRIC_KEY)[keyof typeof METRIC_KEY];
export const metricKey = (sort: Sort): MetricKey | undefined => METRIC_KEY[sort as keyof typeof METRIC_KEY];

export interface Window {
  offset: number;
  limit: number;
  /** Keyset paging (the export): rows after this sort key and id. */
  after?: { key: unknown; id: string } | undefined;
}

export interface KeyRow {
  id: string;
  key: unknown;
}

/** The sort column; `+col` in SQLite when the filter should drive (see Shape). */
function sortColumn(ref: string, context: QueryContext): RawBuilder<unknown> {
  return !context.postgres && context.shape === 'filter' ? sql`+${sql.ref(ref)}` : sql.ref(ref);
}

function after(refs: string[], values: unknown[], order: 'asc' | 'desc'): RawBuilder<SqlBool> {
  const left = sql.join(refs.map((ref) => sql.ref(ref)));
  const right = sql.join(values.map((value) => sql`${value}`));
  return order === 'desc' ? sql<SqlBool>`(${left}) < (${right})` : sql<SqlBool>`(${left}) > (${right})`;
}

/**
 * A metric sort walks three segments, each on an index: accounts with a value (by value, then id, in
 * the chosen direction), analysed accounts without one (by id), accounts never analysed (by id).
 */
export function keyedIds(
  db: Kysely<Database>,
  view: AccountView,
  key: MetricKey,
  context: QueryContext,
  window: Window,
): Promise<KeyRow[]> {
  const conditions = [sql<SqlBool>`${sql.ref(`m.${key}`)} is not null`, ...onMetrics(view.filter, context)];
  if (window.after) {
    conditions.push(after([`m.${key}`, 'm.account_id'], [window.after.key, window.after.id], view.order));
  }
  return db
    .selectFrom('account_metrics as m')
    .select(['m.account_id as id', sql.ref<unknown>(`m.${key}`).as('key')])
    .where(allOf(conditions))
    .orderBy(sql.ref(`m.${key}`), view.order)
    .orderBy('m.account_id', view.order)
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function blankIds(
  db: Kysely<Database>,
  view: AccountView,
  key: MetricKey,
  context: QueryContext,
  window: Window,
): Promise<KeyRow[]> {
  const conditions = [sql<SqlBool>`${sql.ref(`m.${key}`)} is null`, ...onMetrics(view.filter, context)];
  if (window.after) conditions.push(after(['m.account_id'], [window.after.id], 'asc'));
  return db
    .selectFrom('account_metrics as m')
    .select(['m.account_id as id', sql<unknown>`null`.as('key')])
    .where(allOf(conditions))
    .orderBy('m.account_id', 'asc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

const notAnalysed = sql<SqlBool>`not exists (select 1 from account_metrics as mx where mx.account_id = ${sql.ref('a.id')})`;

export function unanalysedIds(
  db: Kysely<Database>,
  view: AccountView,
  context: QueryContext,
  window: Window,
): Promise<KeyRow[]> {
  const conditions = [notAnalysed, ...onAccounts(view.filter, context)];
  if (window.after) conditions.push(after(['a.id'], [window.after.id], 'asc'));
  return db
    .selectFrom('accounts as a')
    .select(['a.id', sql<unknown>`null`.as('key')])
    .where(allOf(conditions))
    .orderBy('a.id', 'asc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** Sort by name (then id) or by id, on the accounts table. */
export function accountIds(
  db: Kysely<Database>,
  view: AccountView,
  context: QueryContext,
  window: Window,
): Promise<KeyRow[]> {
  const refs = view.sort === 'name' ? ['a.name', 'a.id'] : ['a.id'];
  const conditions = onAccounts(view.filter, context);
  if (window.after) {
    const values = view.sort === 'name' ? [window.after.key, window.after.id] : [window.after.id];
    conditions.push(after(refs, values, view.order));
  }
  let query = db
    .selectFrom('accounts as a')
    .select(['a.id', 'a.name as key'])
    .$if(conditions.length > 0, (q) => q.where(allOf(conditions)));
  for (const ref of refs) query = query.orderBy(sortColumn(ref, context), view.order);
  return query.limit(window.limit).offset(window.offset).execute();
}

/**
 * Few matches: one query collects them through the filter and sorts them in the three segments'
 * order (segment, then value and id in the chosen direction, then id).
 */
export function matchingIds(
  db: Kysely<Database>,
  view: AccountView,
  key: MetricKey,
  context: QueryContext,
  window: Window,
): Promise<KeyRow[]> {
  const value = sql.ref(`m.${key}`);
  const segment = sql<number>`case when ${sql.ref('m.account_id')} is null then 3 when ${value} is null then 2 else 1 end`;
  const direction = view.order === 'desc' ? sql`desc` : sql`asc`;
  return db
    .selectFrom('accounts as a')
    .leftJoin('account_metrics as m', 'm.account_id', 'a.id')
    .select(['a.id', value.as('key')])
    .$call((q) => {
      const conditions = onAccounts(view.filter, context);
      return conditions.length > 0 ? q.where(allOf(conditions)) : q;
    })
    .orderBy(segment)
    .orderBy(sql`${value} ${direction}`)
    .orderBy(sql`case when ${value} is not null then ${sql.ref('a.id')} end ${direction}`)
    .orderBy('a.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** How many rows each segment holds: all accounts, analysed ones, those with a value. */
export async function countRows(
  db: Kysely<Database>,
  kind: 'accounts' | 'analysed' | MetricKey,
  filter: AccountFilter,
  context: QueryContext,
): Promise<number | string | bigint> {
  if (kind === 'accounts') {
    const conditions = onAccounts(filter, context);
    const row = await db
      .selectFrom('accounts as a')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .$if(conditions.length > 0, (q) => q.where(allOf(conditions)))
      .executeTakeFirstOrThrow();
    return row.n;
  }
  const conditions = onMetrics(filter, context);
  if (kind !== 'analysed') conditions.push(sql<SqlBool>`${sql.ref(`m.${kind}`)} is not null`);
  const row = await db
    .selectFrom('account_metrics as m')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .$if(conditions.length > 0, (q) => q.where(allOf(conditions)))
    .executeTakeFirstOrThrow();
  return row.n;
}
