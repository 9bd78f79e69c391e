import type { Kysely } from 'kysely';

/**
 * Optimistic concurrency for workspace settings: each section (one row) carries a version, so two
 * admins editing the same section cannot silently overwrite each other. A section never written has
 * no row and counts as version 0.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('settings')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('settings').dropColumn('version').execute();
}
