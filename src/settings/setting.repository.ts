import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface StoredSettings {
  values: Record<string, unknown>;
  /** Version per stored section; a section missing here has never been written (version 0). */
  versions: Record<string, number>;
}

export async function readStoredSettings(db: Kysely<Database>): Promise<StoredSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value', 'version']).execute();
  return {
    values: Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown])),
    versions: Object.fromEntries(rows.map((row) => [row.key, Number(row.version)])),
  };
}

/**
 * Writes one section and raises its version. With `expectedVersion` the write happens only if the
 * section is still at that version (0 = never written); returns false when someone wrote it since.
 * Without it (the CLI) the write always happens, and still raises the version, so an editor who read
 * the section before sees a conflict instead of overwriting the CLI's change.
 */
export async function writeSetting(
  db: Kysely<Database>,
  key: string,
  value: unknown,
  expectedVersion?: number,
): Promise<boolean> {
  const json = JSON.stringify(value);
  const now = new Date().toISOString();
  if (expectedVersion === undefined) {
    await db
      .insertInto('settings')
      .values({ key, value: json, version: 1, updated_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          value: json,
          updated_at: now,
          version: eb('settings.version', '+', 1),
        })),
      )
      .execute();
    return true;
  }
  if (expectedVersion === 0) {
    // A concurrent first write makes this insert do nothing: that writer won.
    const result = await db
      .insertInto('settings')
      .values({ key, value: json, version: 1, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('settings')
    .set({ value: json, updated_at: now, version: expectedVersion + 1 })
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
