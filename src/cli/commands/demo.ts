import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEMO_COMPANY, demoSalesOptions, writeSalesCsv } from '../../demo/index.js';
import { importSales } from '../../import/import.service.js';
import { analyzeSales } from '../../portfolio/portfolio.service.js';
import { getSettings } from '../../settings/setting.service.js';
import { renderAnalysis } from '../analysis-report.js';
import { type GlobalOptions, withContext } from '../context.js';
import { importProgressBar } from '../progress.js';
import { renderSummary } from './import.js';

export function registerDemo(program: Command, globals: () => GlobalOptions): void {
  program
    .command('demo')
    .description(
      `generate the sales history of a fictional company (${DEMO_COMPANY.name}), import and analyse it`,
    )
    .option('--customers <n>', 'number of customers', '400')
    .option('--lines <n>', 'number of sales lines', '60000')
    .option('--seed <n>', 'random seed (same seed, same company)', '20240601')
    .action(async (flags: { customers: string; lines: string; seed: string }) => {
      const options = demoSalesOptions({
        customers: Number(flags.customers),
        lines: Number(flags.lines),
        seed: Number(flags.seed),
      });
      await withContext(globals(), async (context) => {
        const file = path.join(context.dataDir, 'demo-sales.csv');
        fs.mkdirSync(context.dataDir, { recursive: true });
        process.stdout.write(`${DEMO_COMPANY.name}: ${DEMO_COMPANY.description}\n\n`);
        await writeSalesCsv(file, options);
        const settings = await getSettings(context.store.db);
        const analytic = await context.analytic();
        const progress = importProgressBar(true);
        const summary = await importSales(
          {
            analytic,
            db: context.store.db,
            dataDir: context.dataDir,
            currency: settings.currency,
            onProgress: progress.onProgress,
          },
          { file },
        ).finally(() => progress.stop());
        process.stdout.write(`${renderSummary(summary)}\n\n`);
        const report = await analyzeSales({ analytic, db: context.store.db, settings }, {});
        process.stdout.write(`${renderAnalysis(report, { accounts: 10 })}\n\n`);
        process.stdout.write(
          `Data directory: ${context.dataDir}\nNext: kontor analyze --by margin, kontor analyze --json, kontor import sales YOUR-FILE.csv\n`,
        );
      });
    });
}
