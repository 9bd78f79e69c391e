import { type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountListQuery } from './account.api-schema.js';

/** What the account list and its export filter by; `memberId`: accounts whose team that user is on. */
export interface AccountFilter {
  class?: 'A' | 'B' | 'C';
  tier?: 'green' | 'transactional';
  segment?: string;
  region?: string;
  owner?: string;
  search?: string;
  memberId?: number;
}

/**
 * How a page is found. `order`: walk the sort index and test each row against the filter (cheap when
 * many rows match); `filter`: collect the matching rows through the filter's own index and sort them
 * (cheap when few match). PostgreSQL's planner picks well by itself from its statistics; SQLite has
 * none, so for it the shape is spelled out: a column written `+col` cannot drive an index.
 */
export type Shape = 'order' | 'filter';

export interface QueryContext {
  postgres: boolean;
  shape: Shape;
}

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function filterOf(
  query: Pick<AccountListQuery, 'class' | 'tier' | 'segment' | 'region' | 'owner' | 'search' | 'member'>,
  callerId: number | null,
): AccountFilter {
  const filter: AccountFilter = {};
  if (query.class) filter.class = query.class;
  if (query.tier) filter.tier = query.tier;
  if (query.segment) filter.segment = query.segment;
  if (query.region) filter.region = query.region;
  if (query.owner) filter.owner = query.owner;
  if (query.search) filter.search = query.search;
  if (query.member) {
    const id = query.member === 'me' ? callerId : Number(query.member);
    // A caller without a user (cannot happen behind requireActor) matches nobody rather than everybody.
    filter.memberId = id ?? -1;
  }
  return filter;
}

export const isEmptyFilter = (filter: AccountFilter) => Object.keys(filter).length === 0;

/** `+col` keeps SQLite from driving the query by col's index; PostgreSQL has no such need (and no `+text`). */
export function column(ref: string, context: QueryContext, keepIndex = false): RawBuilder<unknown> {
  return context.postgres || keepIndex || context.shape === 'filter' ? sql.ref(ref) : sql`+${sql.ref(ref)}`;
}

function searchCondition(search: string, context: QueryContext, alias: string): RawBuilder<SqlBool> {
  const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  // SQLite's LIKE ignores ASCII case, as its lower() does; on PostgreSQL lower(…) LIKE lower(…) is the
  // case-insensitive match the trigram indexes on lower(name) and lower(id) serve (migration 0006).
  if (!context.postgres)
    return sql<SqlBool>`(${sql.ref(`${alias}.name`)} like ${pattern} escape '\\' or ${sql.ref(`${alias}.id`)} like ${pattern} escape '\\')`;
  return sql<SqlBool>`(lower(${sql.ref(`${alias}.name`)}) like lower(${pattern}) escape '\\' or lower(${sql.ref(`${alias}.id`)}) like lower(${pattern}) escape '\\')`;
}

function accountOnly(filter: AccountFilter, context: QueryContext, alias: string): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  for (const key of ['segment', 'region', 'owner'] as const) {
    const value = filter[key];
    if (value !== undefined) conditions.push(sql<SqlBool>`${column(`${alias}.${key}`, context)} = ${value}`);
  }
  if (filter.search) conditions.push(searchCondition(filter.search, context, alias));
  return conditions;
}

function metricOnly(filter: AccountFilter, context: QueryContext, alias: string): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (filter.class) conditions.push(sql<SqlBool>`${column(`${alias}.class`, context)} = ${filter.class}`);
  if (filter.tier) conditions.push(sql<SqlBool>`${column(`${alias}.tier`, context)} = ${filter.tier}`);
  return conditions;
}

/**
 * Rows of `table` whose `key` is in the subquery: as `in (…)` when the subquery should drive (few
 * matches), as a correlated `exists` probed per row when the sort index drives.
 */
function related(
  outer: RawBuilder<unknown>,
  table: 'accounts' | 'account_metrics' | 'account_teams',
  alias: string,
  key: string,
  conditions: RawBuilder<SqlBool>[],
  context: QueryContext,
): RawBuilder<SqlBool> {
  const where = sql.join(conditions, sql` and `);
  const inner = sql.ref(`${alias}.${key}`);
  if (context.shape === 'filter') {
    return sql<SqlBool>`${outer} in (select ${inner} from ${sql.table(table)} as ${sql.id(alias)} where ${where})`;
  }
  return sql<SqlBool>`exists (select 1 from ${sql.table(table)} as ${sql.id(alias)} where ${inner} = ${outer} and ${where})`;
}

const memberCondition = (memberId: number) => [sql<SqlBool>`${sql.ref('t.user_id')} = ${memberId}`];

/** The filter for a query over `accounts as a`. */
export function onAccounts(filter: AccountFilter, context: QueryContext): RawBuilder<SqlBool>[] {
  const conditions = accountOnly(filter, context, 'a');
  const id = column('a.id', context);
  const metric = metricOnly(filter, { ...context, shape: 'filter' }, 'mf');
  if (metric.length > 0) conditions.push(related(id, 'account_metrics', 'mf', 'account_id', metric, context));
  if (filter.memberId !== undefined) {
    conditions.push(
      related(id, 'account_teams', 't', 'account_id', memberCondition(filter.memberId), context),
    );
  }
  return conditions;
}

/** The filter for a query over `account_metrics as m`. */
export function onMetrics(filter: AccountFilter, context: QueryContext): RawBuilder<SqlBool>[] {
  const conditions = metricOnly(filter, context, 'm');
  const id = column('m.account_id', context);
  const account = accountOnly(filter, { ...context, shape: 'filter' }, 'af');
  if (account.length > 0) conditions.push(related(id, 'accounts', 'af', 'id', account, context));
  if (filter.memberId !== undefined) {
    conditions.push(
      related(id, 'account_teams', 't', 'account_id', memberCondition(filter.memberId), context),
    );
  }
  return conditions;
}

export function allOf(conditions: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}
