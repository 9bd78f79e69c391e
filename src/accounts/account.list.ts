import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountListItem, AccountListQuery } from './account.api-schema.js';

/**
 * One page of accounts joined with their published metrics; paging, sorting and filtering happen in the
 * database so a 200,000-account workspace costs the same as a small one. Accounts never analysed sort last.
 */
export async function listAccountsPage(
  db: Kysely<Database>,
  query: AccountListQuery,
): Promise<{ items: AccountListItem[]; page: number; size: number; total: number }> {
  let base = db.selectFrom('accounts as a').leftJoin('account_metrics as m', 'm.account_id', 'a.id');
  if (query.class) base = base.where('m.class', '=', query.class);
  if (query.tier) base = base.where('m.tier', '=', query.tier);
  if (query.segment) base = base.where('a.segment', '=', query.segment);
  if (query.region) base = base.where('a.region', '=', query.region);
  if (query.owner) base = base.where('a.owner', '=', query.owner);
  if (query.search) {
    const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(a.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(a.id)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const column = {
    name: sql`a.name`,
    id: sql`a.id`,
    rank: sql`m.rank`,
    growth: sql`m.growth`,
    revenue: sql`cast(m.revenue as double precision)`,
    margin: sql`cast(m.margin as double precision)`,
  }[query.sort];
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  const rows = await base
    .select([
      'a.id',
      'a.name',
      'a.segment',
      'a.region',
      'a.owner',
      'm.class',
      'm.tier',
      'm.revenue',
      'm.margin',
      'm.growth',
      'm.rank',
    ])
    .orderBy(sql`${column} is null`)
    .orderBy(sql`${column} ${direction}`)
    .orderBy('a.id')
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      segment: row.segment,
      region: row.region,
      owner: row.owner,
      class: row.class ?? null,
      tier: row.tier ?? null,
      revenue: row.revenue === null || row.revenue === undefined ? null : String(row.revenue),
      margin: row.margin === null || row.margin === undefined ? null : String(row.margin),
      growth: row.growth ?? null,
      rank: row.rank ?? null,
    })),
    page: query.page,
    size: query.size,
    total: Number(total),
  };
}
