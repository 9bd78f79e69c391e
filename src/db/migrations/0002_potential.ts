import type { Kysely } from 'kysely';
import { types } from './column-types.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('potential_runs')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_potential')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addColumn('expected_transactions', t.double, (c) => c.notNull())
    .addColumn('expected_spend', t.double, (c) => c.notNull())
    .addColumn('expected_revenue', t.money, (c) => c.notNull())
    .addColumn('predicted_12m_revenue', t.money, (c) => c.notNull())
    .addColumn('probability_alive', t.double, (c) => c.notNull())
    .addColumn('clv', t.money, (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_potential').execute();
  await db.schema.dropTable('potential_runs').execute();
}
