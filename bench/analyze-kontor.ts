// The analysis alone, for profiling it without the import: imports FILE into DATA_DIR once (when the
// directory has no sales data yet), then runs and publishes the analysis, and prints its time with a
// digest of the report and of the published metrics, so runs before and after a change can be compared.
// Every run publishes a snapshot, so runs after the first also compute the changes since the last.
//   KONTOR_TRACE=1 node --import tsx bench/analyze-kontor.ts FILE DATA_DIR [revenue|margin]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCliContext } from '../src/cli/context.js';
import { importSales } from '../src/import/import.service.js';
import { analyzeSales } from '../src/portfolio/portfolio.service.js';
import { getSettings } from '../src/settings/setting.service.js';

const [file, dataDir, by = 'revenue'] = process.argv.slice(2);
if (!file || !dataDir || (by !== 'revenue' && by !== 'margin'))
  throw new Error('usage: analyze-kontor FILE DATA_DIR [revenue|margin]');
const imported = fs.existsSync(path.join(dataDir, 'kontor.duckdb'));
const context = await openCliContext({ dataDir });
try {
  const settings = await getSettings(context.store.db);
  const analytic = await context.analytic();
  if (!imported) {
    await importSales({ analytic, db: context.store.db, dataDir, currency: settings.currency }, { file });
  }
  const started = performance.now();
  // A fixed publishing time keeps the stored metrics comparable from run to run.
  const now = new Date('2030-01-01T00:00:00Z');
  const report = await analyzeSales({ analytic, db: context.store.db, settings, now }, { by });
  const seconds = (performance.now() - started) / 1000;
  const { snapshotId, changes, ...rest } = report;
  const metrics = await context.store.db
    .selectFrom('account_metrics')
    .selectAll()
    .orderBy('account_id')
    .execute();
  const digest = (value: unknown) =>
    createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  process.stdout.write(
    `${JSON.stringify({
      analyzeSeconds: seconds,
      customers: report.concentration.customers,
      report: digest(rest),
      metrics: digest(metrics.map(({ snapshot_id, ...row }) => row)),
      classChanges: changes?.classChanges.length ?? null,
      tierChanges: changes?.tierChanges.length ?? null,
    })}\n`,
  );
} finally {
  await context.close();
}
