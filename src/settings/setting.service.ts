import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { readStoredSettings, writeSetting } from './setting.repository.js';
import {
  SETTINGS_SECTIONS,
  type Settings,
  type SettingsSection,
  type SettingsVersions,
  settingsSchema,
} from './setting.schema.js';

export interface SettingsWithVersions {
  settings: Settings;
  versions: SettingsVersions;
}

export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  return (await getSettingsWithVersions(db)).settings;
}

export async function getSettingsWithVersions(db: Kysely<Database>): Promise<SettingsWithVersions> {
  const stored = await readStoredSettings(db);
  const versions = Object.fromEntries(
    SETTINGS_SECTIONS.map((section) => [section, stored.versions[section] ?? 0]),
  ) as SettingsVersions;
  return { settings: parseSettings(stored.values), versions };
}

/** The method's defaults: what every setting is before anyone changes it. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * Sets one setting by dotted path ("abc.aThreshold"), validating the whole result before writing.
 * No version check: this is the CLI's way, run by whoever operates the server.
 */
export async function setSetting(
  db: Kysely<Database>,
  dottedPath: string,
  value: unknown,
): Promise<Settings> {
  const current = await getSettings(db);
  const [section, sectionValue] = sectionChange(current, dottedPath, value);
  const next = parseSettings({ ...current, [section]: sectionValue });
  await writeSetting(db, section, next[section]);
  return next;
}

/**
 * Changes whole or partial sections, each only if it is still at the version the caller read
 * (optimistic concurrency, 409 otherwise). Every changed section needs its version; every version
 * sent is checked, since the caller saw those sections when deciding on the change.
 */
export async function updateSettings(
  db: Kysely<Database>,
  changes: Partial<Record<SettingsSection, unknown>>,
  expected: Partial<SettingsVersions>,
): Promise<SettingsWithVersions & { changed: SettingsSection[] }> {
  const current = await getSettingsWithVersions(db);
  const changed = SETTINGS_SECTIONS.filter((section) => changes[section] !== undefined);
  const missing = changed.filter((section) => expected[section] === undefined);
  if (missing.length > 0)
    throw new KontorError(
      'validation',
      'Send the version you read of every section you change.',
      missing.map((section) => ({ field: `versions.${section}`, message: 'required' })),
    );
  const stale = SETTINGS_SECTIONS.filter(
    (section) => expected[section] !== undefined && expected[section] !== current.versions[section],
  );
  if (stale.length > 0) throw staleError(stale, expected, current.versions);
  const merged: Record<string, unknown> = { ...current.settings };
  for (const section of changed) merged[section] = merge(current.settings[section], changes[section]);
  const next = parseSettings(merged);
  const versions = { ...current.versions };
  for (const section of changed) {
    // The version condition catches a writer that slipped in between the read above and this write.
    if (!(await writeSetting(db, section, next[section], expected[section])))
      throw staleError([section], expected, current.versions);
    versions[section] = (expected[section] ?? 0) + 1;
  }
  return { settings: next, versions, changed };
}

/** The section a dotted path names and that section's new value. */
export function sectionChange(
  current: Settings,
  dottedPath: string,
  value: unknown,
): [SettingsSection, unknown] {
  const [section, ...rest] = dottedPath.split('.');
  const unknown = () =>
    new KontorError('validation', `There is no setting "${dottedPath}".`, [
      { field: dottedPath, message: 'unknown setting' },
    ]);
  if (!section || !(section in current)) throw unknown();
  const key = section as SettingsSection;
  if (rest.length === 0) return [key, value];
  const existing = current[key];
  if (typeof existing !== 'object' || existing === null || !(rest.join('.') in existing)) throw unknown();
  return [key, { ...existing, [rest.join('.')]: value }];
}

/** A partial section keeps the fields it does not name (a whole section would reset them to defaults). */
function merge(current: unknown, change: unknown): unknown {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(current) && isObject(change) ? { ...(current as object), ...(change as object) } : change;
}

function staleError(
  sections: SettingsSection[],
  expected: Partial<SettingsVersions>,
  current: SettingsVersions,
): KontorError {
  return new KontorError(
    'conflict',
    'Someone else changed these settings; reload them and make your change again.',
    sections.map((section) => ({
      field: `versions.${section}`,
      message: `you sent version ${expected[section]}, the section is at ${current[section]}`,
    })),
  );
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
