import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as initial from './migrations/0001_initial.js';
import * as potential from './migrations/0002_potential.js';
import * as people from './migrations/0003_people.js';
import * as contactsActivities from './migrations/0004_contacts_activities.js';
import * as settingsVersions from './migrations/0005_settings_versions.js';
import * as accountList from './migrations/0006_account_list.js';
import type { Database } from './schema.js';

/** Migrations are imported statically so the built CLI needs no file-system lookups. */
const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_potential': potential,
  '0003_people': people,
  '0004_contacts_activities': contactsActivities,
  '0005_settings_versions': settingsVersions,
  '0006_account_list': accountList,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationOutcome {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
