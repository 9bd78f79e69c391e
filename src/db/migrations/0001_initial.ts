import type { Kysely } from 'kysely';
import { types } from './column-types.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('segment', 'text')
    .addColumn('region', 'text')
    .addColumn('owner', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('edited_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('manual_class', 'text')
    .addColumn('manual_class_reason', 'text')
    .addColumn('manual_class_by', 'text')
    .addColumn('manual_class_at', 'text')
    .addColumn('manual_tier', 'text')
    .addColumn('manual_tier_reason', 'text')
    .addColumn('manual_tier_by', 'text')
    .addColumn('manual_tier_at', 'text')
    .addColumn('wallet', t.money)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_name').on('accounts').column('name').execute();

  await db.schema
    .createTable('portfolio_snapshots')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('value_basis', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('snapshot_accounts')
    .addColumn('snapshot_id', 'integer', (c) =>
      c.notNull().references('portfolio_snapshots.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('value', t.money, (c) => c.notNull())
    .addPrimaryKeyConstraint('snapshot_accounts_pk', ['snapshot_id', 'account_id'])
    .execute();

  await db.schema
    .createTable('account_metrics')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('snapshot_id', 'integer', (c) => c.notNull())
    .addColumn('revenue', t.money, (c) => c.notNull())
    .addColumn('cost', t.money)
    .addColumn('margin', t.money)
    .addColumn('margin_pct', t.double)
    .addColumn('orders', 'integer', (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('first_purchase', 'text')
    .addColumn('last_purchase', 'text')
    .addColumn('active_months', 'integer', (c) => c.notNull())
    .addColumn('previous_revenue', t.money)
    .addColumn('growth', t.double)
    .addColumn('quarter_growth', t.double)
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('computed_class', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('tier_reasons', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('share', t.double)
    .addColumn('cumulative_share', t.double)
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_metrics_class')
    .on('account_metrics')
    .columns(['class', 'tier'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'imports',
    'settings',
    'account_metrics',
    'snapshot_accounts',
    'portfolio_snapshots',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
