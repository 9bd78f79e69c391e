import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { readStoredSettings, writeSetting } from './setting.repository.js';
import { type Settings, type SettingsSection, settingsSchema } from './setting.schema.js';

export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  return parseSettings(await readStoredSettings(db));
}

/** Sets one setting by dotted path ("abc.aThreshold"), validating the whole result before writing. */
export async function setSetting(
  db: Kysely<Database>,
  dottedPath: string,
  value: unknown,
): Promise<Settings> {
  const [section, ...rest] = dottedPath.split('.');
  const current = await getSettings(db);
  if (!section || !(section in current)) {
    throw new KontorError('validation', `There is no setting "${dottedPath}".`, [
      { field: dottedPath, message: 'unknown setting' },
    ]);
  }
  const key = section as SettingsSection;
  let sectionValue: unknown = value;
  if (rest.length > 0) {
    const existing = current[key];
    if (typeof existing !== 'object' || existing === null || !(rest.join('.') in existing)) {
      throw new KontorError('validation', `There is no setting "${dottedPath}".`, [
        { field: dottedPath, message: 'unknown setting' },
      ]);
    }
    sectionValue = { ...existing, [rest.join('.')]: value };
  }
  const next = parseSettings({ ...current, [key]: sectionValue });
  await writeSetting(db, key, next[key]);
  return next;
}

function parseSettings(input: Record<string, unknown>): Settings {
  const result = settingsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new KontorError(
    'validation',
    'The workspace settings are not valid.',
    result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  );
}
