import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/**
 * 36 accounts for the list tests: ties in revenue and growth (the id breaks them), missing margins,
 * growths and ranks, a negative revenue, six accounts never analysed, names with umlauts.
 */
export interface Fixture {
  id: string;
  name: string;
  segment: string | null;
  region: string | null;
  owner: string | null;
  analysed: boolean;
  revenue: string;
  margin: string | null;
  growth: number | null;
  rank: number | null;
  class: 'A' | 'B' | 'C';
  tier: 'green' | 'transactional';
}

const LAST = ['Müller GmbH', 'Berg AB', 'Łódź Sp. z o.o.', 'anker & co', 'Åkesson', 'Nord "Quote" AS'];

export function fixtureAccounts(): Fixture[] {
  return Array.from({ length: 36 }, (_, i) => {
    const number = String(i).padStart(2, '0');
    const revenue = i === 7 ? -15.5 : ((i * 7) % 10) * 100 + 0.25;
    return {
      id: `A${number}`,
      name: i % 3 === 0 ? `Kunde ${number} ${LAST[i % 6]}` : `${LAST[i % 6]} ${i}`,
      segment: (['Industry', 'Retail', null] as const)[i % 3]!,
      region: (['DACH', 'Nordics', 'Poland', null] as const)[i % 4]!,
      owner: (['Eva', 'Lars', 'Ola', 'Eva', null] as const)[i % 5]!,
      analysed: i < 30,
      revenue: String(revenue),
      margin: i % 4 === 1 ? null : (revenue * 0.25).toFixed(4),
      growth: i % 3 === 2 ? null : ((i % 7) - 3) / 10,
      rank: revenue <= 0 || i % 11 === 10 ? null : i + 1,
      class: i < 4 ? 'A' : i < 10 ? 'B' : 'C',
      tier: i % 4 === 0 ? 'green' : 'transactional',
    };
  });
}

export async function insertFixture(
  db: Kysely<Database>,
  fixture: Fixture[],
  memberId: number,
  memberOf: string[],
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('accounts')
    .values(
      fixture.map((f) => ({
        id: f.id,
        name: f.name,
        segment: f.segment,
        region: f.region,
        owner: f.owner,
        attributes: '{}',
        edited_fields: '[]',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('account_metrics')
    .values(
      fixture
        .filter((f) => f.analysed)
        .map((f) => ({
          account_id: f.id,
          snapshot_id: 1,
          revenue: f.revenue,
          cost: null,
          margin: f.margin,
          margin_pct: f.margin === null ? null : 0.25,
          orders: 3,
          lines: 9,
          first_purchase: '2024-01-02',
          last_purchase: '2025-11-30',
          active_months: 6,
          previous_revenue: null,
          growth: f.growth,
          quarter_growth: null,
          class: f.class,
          computed_class: f.class,
          tier: f.tier,
          tier_reasons: '[]',
          rank: f.rank,
          share: 0.01,
          cumulative_share: 0.5,
          computed_at: now,
        })),
    )
    .execute();
  await db
    .insertInto('account_teams')
    .values(memberOf.map((id) => ({ account_id: id, user_id: memberId, team_role: 'member' as const })))
    .execute();
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function matches(f: Fixture, query: URLSearchParams): boolean {
  const wanted = (key: string, value: string | null) => !query.has(key) || query.get(key) === value;
  const search = query.get('search')?.toLowerCase();
  return (
    wanted('segment', f.segment) &&
    wanted('region', f.region) &&
    wanted('owner', f.owner) &&
    (!query.has('class') || (f.analysed && f.class === query.get('class'))) &&
    (!query.has('tier') || (f.analysed && f.tier === query.get('tier'))) &&
    (!search || f.name.toLowerCase().includes(search) || f.id.toLowerCase().includes(search))
  );
}

/** The order the list promises, computed the plain way. */
export function reference(
  fixture: Fixture[],
  view: { sort: string; order: 'asc' | 'desc'; query: URLSearchParams },
): string[] {
  const rows = fixture.filter((f) => matches(f, view.query));
  const direction = view.order === 'desc' ? -1 : 1;
  if (view.sort === 'name' || view.sort === 'id') {
    const text = (f: Fixture) => (view.sort === 'name' ? f.name : f.id);
    return rows
      .sort((a, b) => direction * (compare(text(a), text(b)) || compare(a.id, b.id)))
      .map((f) => f.id);
  }
  const key = (f: Fixture): number | null => {
    if (view.sort === 'revenue') return Number(f.revenue);
    if (view.sort === 'margin') return f.margin === null ? null : Number(f.margin);
    return view.sort === 'growth' ? f.growth : f.rank;
  };
  const byId = (a: Fixture, b: Fixture) => compare(a.id, b.id);
  const keyed = rows
    .filter((f) => f.analysed && key(f) !== null)
    .sort((a, b) => direction * (key(a)! - key(b)! || compare(a.id, b.id)));
  const blank = rows.filter((f) => f.analysed && key(f) === null).sort(byId);
  const unanalysed = rows.filter((f) => !f.analysed).sort(byId);
  return [...keyed, ...blank, ...unanalysed].map((f) => f.id);
}
