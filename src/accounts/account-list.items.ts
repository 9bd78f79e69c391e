import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountListItem } from './account.api-schema.js';

/** The list rows for ids found by the sort and filter queries, in the ids' order. */
export async function itemsByIds(db: Kysely<Database>, ids: string[]): Promise<AccountListItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('account_metrics as m', 'm.account_id', 'a.id')
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
      'm.margin_pct',
      'm.growth',
      'm.share',
      'm.last_purchase',
      'm.rank',
    ])
    .where('a.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : String(value);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return []; // deleted between the two queries
    return [
      {
        id: row.id,
        name: row.name,
        segment: row.segment,
        region: row.region,
        owner: row.owner,
        class: row.class ?? null,
        tier: row.tier ?? null,
        revenue: text(row.revenue),
        margin: text(row.margin),
        marginPct: row.margin_pct ?? null,
        growth: row.growth ?? null,
        share: row.share ?? null,
        lastPurchase: row.last_purchase ?? null,
        rank: row.rank ?? null,
      },
    ];
  });
}
