import { type Kysely, sql } from 'kysely';
import { types } from './column-types.js';

/**
 * Contacts (METHOD G4 contact coverage) and logged activities (METHOD G2 contact cadence, P2 effort
 * against return). Ranges are checked in the database too, so a script writing around the API cannot
 * store an influence of 9 or a negative duration.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('contacts')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('influence', 'integer', (c) => c.notNull())
    .addColumn('relationship_strength', 'integer', (c) => c.notNull())
    .addColumn('reports_to', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('contacts_influence', sql`influence between 1 and 5`)
    .addCheckConstraint('contacts_relationship', sql`relationship_strength between 1 and 5`)
    .execute();
  await db.schema.createIndex('contacts_account').on('contacts').column('account_id').execute();

  // No cascade from accounts or users: logged effort is history (P2) and must not vanish with a user.
  await db.schema
    .createTable('activities')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('activities_duration', sql`duration_minutes >= 0`)
    .execute();
  await db.schema
    .createIndex('activities_account_date')
    .on('activities')
    .columns(['account_id', 'date'])
    .execute();
  await db.schema.createIndex('activities_user').on('activities').column('user_id').execute();

  await db.schema
    .createTable('activity_contacts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_contacts_pk', ['activity_id', 'contact_id'])
    .execute();
  // The primary key serves lookups by activity; deleting a contact looks rows up by contact.
  await db.schema
    .createIndex('activity_contacts_contact')
    .on('activity_contacts')
    .column('contact_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['activity_contacts', 'activities', 'contacts']) {
    await db.schema.dropTable(table).execute();
  }
}
