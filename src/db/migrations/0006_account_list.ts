import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { types } from './column-types.js';

/**
 * The account list at 200,000 accounts (issue 3): numeric sort keys for the money columns, which are
 * text in SQLite and exact numeric in PostgreSQL, and indexes for every sort and filter of the list.
 * The keys are generated columns, so every writer (publish, imports, scripts) keeps them right without
 * knowing about them. SQLite can only add VIRTUAL generated columns to an existing table; an index on
 * one stores the value, which is all the list needs. PostgreSQL 15 has only STORED ones.
 * Each sort index ends with the account id, the list's tie-breaker, so a page is read off the index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [column, source] of [
    ['revenue_value', 'revenue'],
    ['margin_value', 'margin'],
  ] as const) {
    await db.schema
      .alterTable('account_metrics')
      .addColumn(column, t.double, (c) => {
        const generated = c.generatedAlwaysAs(sql`cast(${sql.ref(source)} as ${t.double})`);
        return postgres ? generated.stored() : generated;
      })
      .execute();
  }
  for (const key of ['revenue_value', 'margin_value', 'growth', 'rank']) {
    await db.schema
      .createIndex(`account_metrics_${key}`)
      .on('account_metrics')
      .columns([key, 'account_id'])
      .execute();
  }
  await db.schema.createIndex('accounts_name_id').on('accounts').columns(['name', 'id']).execute();
  await db.schema.dropIndex('accounts_name').execute();
  for (const column of ['segment', 'region', 'owner']) {
    await db.schema.createIndex(`accounts_${column}`).on('accounts').column(column).execute();
  }
  if (postgres && (await trigramsAvailable(db))) {
    // Search (lower(…) LIKE '%…%' on name and id) through trigram indexes instead of reading every account.
    await sql`create extension if not exists pg_trgm`.execute(db);
    // On lower(column), not the column: a trigram index on id itself also serves `id = ANY(…)`, and the
    // planner then picks it for the import's batched account lookups (20+ s per 2,000 ids instead of ms).
    for (const column of ['name', 'id']) {
      await sql`create index ${sql.id(`accounts_${column}_trgm`)} on accounts using gin (lower(${sql.ref(column)}) gin_trgm_ops)`.execute(
        db,
      );
    }
  }
  // SQLite is not analysed here: statistics of a still empty table would mislead its planner later.
  if (postgres) await sql`analyze accounts, account_metrics`.execute(db);
}

/**
 * pg_trgm ships with PostgreSQL and is a trusted extension (any database owner may create it); a server
 * without it, or a user without the right, gets the same search without the index.
 */
// biome-ignore lint/suspicious/noExplicitAny: see up()
async function trigramsAvailable(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
      or (has_database_privilege(current_database(), 'CREATE')
          and exists (select 1 from pg_available_extension_versions v
                      where v.name = 'pg_trgm'
                        and (v.trusted or (select rolsuper from pg_roles where rolname = current_user)))) as ok`.execute(
    db,
  );
  return rows[0]?.ok === true;
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['name', 'id'])
    await db.schema.dropIndex(`accounts_${column}_trgm`).ifExists().execute();
  for (const column of ['segment', 'region', 'owner'])
    await db.schema.dropIndex(`accounts_${column}`).execute();
  await db.schema.createIndex('accounts_name').on('accounts').column('name').execute();
  await db.schema.dropIndex('accounts_name_id').execute();
  for (const key of ['revenue_value', 'margin_value', 'growth', 'rank']) {
    await db.schema.dropIndex(`account_metrics_${key}`).execute();
  }
  await db.schema.alterTable('account_metrics').dropColumn('margin_value').execute();
  await db.schema.alterTable('account_metrics').dropColumn('revenue_value').execute();
}
