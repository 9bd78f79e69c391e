import path from 'node:path';
import { type AnalyticStore, openAnalyticStore } from '../analytics/analytic-store.js';
import { type OperationalStore, openOperationalStore } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';

export interface GlobalOptions {
  dataDir?: string;
}

export interface CliContext {
  dataDir: string;
  store: OperationalStore;
  /** Opened on first use: commands that only touch people's data never lock the sales data. */
  analytic(): Promise<AnalyticStore>;
  close(): Promise<void>;
}

export function resolveDataDir(options: GlobalOptions): string {
  return path.resolve(options.dataDir ?? process.env.KONTOR_DATA_DIR ?? 'kontor-data');
}

/** The CLI owns its stores: it opens them, migrates, and closes them when the command ends. */
export async function openCliContext(options: GlobalOptions): Promise<CliContext> {
  const dataDir = resolveDataDir(options);
  const store = openOperationalStore({ dataDir, databaseUrl: process.env.DATABASE_URL });
  await migrateToLatest(store.db);
  let analytic: AnalyticStore | null = null;
  return {
    dataDir,
    store,
    analytic: async () => {
      analytic ??= await openAnalyticStore(dataDir);
      return analytic;
    },
    close: async () => {
      analytic?.close();
      await store.close();
    },
  };
}

export async function withContext<T>(
  options: GlobalOptions,
  run: (context: CliContext) => Promise<T>,
): Promise<T> {
  const context = await openCliContext(options);
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}
