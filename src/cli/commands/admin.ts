import type { Command } from 'commander';
import { openOperationalStore } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { KontorError } from '../../errors.js';
import { getSettings, setSetting } from '../../settings/setting.service.js';
import { type GlobalOptions, resolveDataDir, withContext } from '../context.js';

export function registerAdmin(program: Command, globals: () => GlobalOptions): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done automatically)')
    .action(async () => {
      const store = openOperationalStore({
        dataDir: resolveDataDir(globals()),
        databaseUrl: process.env.DATABASE_URL,
      });
      try {
        const { applied } = await migrateToLatest(store.db);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(', ')}\n` : `${store.location} is up to date.\n`,
        );
      } finally {
        await store.close();
      }
    });
  const settings = program
    .command('settings')
    .description('workspace settings (every default of the method)');
  settings
    .command('get')
    .argument('[key]', 'a section or dotted key, e.g. abc or abc.aThreshold')
    .action(async (key?: string) => {
      const all = await withContext(globals(), (context) => getSettings(context.store.db));
      let value: unknown = all;
      for (const part of key ? key.split('.') : []) {
        if (typeof value !== 'object' || value === null || !(part in value)) {
          throw new KontorError('usage', `There is no setting "${key}".`);
        }
        value = (value as Record<string, unknown>)[part];
      }
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    });
  settings
    .command('set')
    .argument('<key>', 'dotted key, e.g. abc.aThreshold')
    .argument('<value>', 'the new value (numbers and JSON are parsed)')
    .action(async (key: string, raw: string) => {
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        // a bare word such as EUR stays a string
      }
      await withContext(globals(), (context) => setSetting(context.store.db, key, value));
      process.stdout.write(`${key} = ${JSON.stringify(value)}\n`);
    });
}
