import type { Command } from 'commander';
import { KontorError } from '../../errors.js';
import type { PortfolioReport } from '../../portfolio/portfolio.report-model.js';
import { analyzeSales } from '../../portfolio/portfolio.service.js';
import { getSettings } from '../../settings/setting.service.js';
import { renderAnalysis } from '../analysis-report.js';
import { type GlobalOptions, withContext } from '../context.js';

interface AnalyzeFlags {
  from?: string;
  to?: string;
  all?: boolean;
  by: string;
  segment?: string;
  region?: string;
  owner?: string;
  json?: boolean;
  accounts?: boolean | string;
  format: string;
  publish: boolean;
}

export function registerAnalyze(program: Command, globals: () => GlobalOptions): void {
  program
    .command('analyze')
    .description('portfolio analysis: concentration, ABC, warnings, Green Circle, growth')
    .option('--from <date>', 'window start (YYYY-MM-DD); default: 12 months before --to')
    .option('--to <date>', 'window end (YYYY-MM-DD); default: the latest sale')
    .option('--all', 'the whole history as one window')
    .option('--by <value>', 'revenue or margin', 'revenue')
    .option('--segment <segment>', 'only accounts of this segment')
    .option('--region <region>', 'only accounts of this region')
    .option('--owner <owner>', 'only accounts of this owner')
    .option('--json', 'print the analysis as one JSON document (see docs/analysis-json.md)')
    .option(
      '--accounts [n]',
      'include the account table (in JSON: all accounts; on the terminal: the first n, default 25)',
    )
    .option('--format <format>', 'table, or csv to write the account table', 'table')
    .option('--no-publish', 'do not store the result for the app')
    .action(async (flags: AnalyzeFlags) => {
      if (flags.by !== 'revenue' && flags.by !== 'margin') {
        throw new KontorError('usage', `--by must be revenue or margin, not "${flags.by}".`);
      }
      if (flags.format !== 'table' && flags.format !== 'csv') {
        throw new KontorError('usage', `--format must be table or csv, not "${flags.format}".`);
      }
      const report = await withContext(globals(), async (context) =>
        analyzeSales(
          {
            analytic: await context.analytic(),
            db: context.store.db,
            settings: await getSettings(context.store.db),
          },
          {
            from: flags.from,
            to: flags.to,
            all: flags.all ?? false,
            by: flags.by as 'revenue' | 'margin',
            segment: flags.segment,
            region: flags.region,
            owner: flags.owner,
            publish: flags.publish,
          },
        ),
      );
      if (flags.format === 'csv') process.stdout.write(accountsCsv(report));
      else if (flags.json) {
        const { accounts, ...rest } = report;
        process.stdout.write(`${JSON.stringify(flags.accounts ? report : { ...rest }, null, 2)}\n`);
        void accounts;
      } else {
        const count =
          flags.accounts === undefined ? 0 : flags.accounts === true ? 25 : Number(flags.accounts);
        process.stdout.write(`${renderAnalysis(report, { accounts: count })}\n`);
      }
    });
}

const CSV_COLUMNS = [
  'rank',
  'id',
  'name',
  'revenue',
  'margin',
  'marginPct',
  'share',
  'cumulativeShare',
  'class',
  'computedClass',
  'classReason',
  'tier',
  'tierReason',
  'orders',
  'lines',
  'firstPurchase',
  'lastPurchase',
  'activeMonths',
  'previousRevenue',
  'growth',
  'quarterGrowth',
] as const;

export function accountsCsv(report: PortfolioReport): string {
  const rows = report.accounts.map((a) => {
    const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      ...a,
      growth: a.growth.windowGrowth,
      quarterGrowth: a.growth.quarterGrowth,
    };
    return CSV_COLUMNS.map((column) => csvField(values[column])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
