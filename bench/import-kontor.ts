// One Kontor run in its own process: import FILE into a fresh data directory, then analyse.
// Prints one JSON line with phase times and this process's peak RSS.
import { openCliContext } from '../src/cli/context.js';
import { importSales } from '../src/import/import.service.js';
import { analyzeSales } from '../src/portfolio/portfolio.service.js';
import { getSettings } from '../src/settings/setting.service.js';

const [file, dataDir] = process.argv.slice(2);
if (!file || !dataDir) throw new Error('usage: import-kontor FILE DATA_DIR');
const started = performance.now();
const context = await openCliContext({ dataDir });
const settings = await getSettings(context.store.db);
const analytic = await context.analytic();
const imported = await importSales(
  { analytic, db: context.store.db, dataDir, currency: settings.currency },
  { file },
);
const afterImport = performance.now();
const report = await analyzeSales({ analytic, db: context.store.db, settings }, {});
const finished = performance.now();
await context.close();
process.stdout.write(
  `${JSON.stringify({
    importSeconds: (afterImport - started) / 1000,
    analyzeSeconds: (finished - afterImport) / 1000,
    totalSeconds: (finished - started) / 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    lines: imported.rowsImported,
    customers: report.concentration.customers,
  })}\n`,
);
