import type { Kysely } from 'kysely';
import { listAccountIds, loadOverridesAndNames } from '../accounts/account.repository.js';
import { accountActivity, salesDateRange } from '../analytics/account-activity.js';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import { type AccountFigures, analyzePortfolio, PortfolioError } from '../core/portfolio/index.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import { loadPotentialInputs } from '../potential/potential.repository.js';
import type { Settings } from '../settings/setting.schema.js';
import { tracer } from '../trace.js';
import { publishAnalysis } from './portfolio.publish.js';
import { type PortfolioReport, toReport } from './portfolio.report-model.js';
import { type AnalyzeOptions, analyzeOptionsSchema } from './portfolio.schema.js';
import { analysisWindow } from './portfolio.window.js';

export interface AnalyzeContext {
  analytic: AnalyticStore;
  db: Kysely<Database>;
  settings: Settings;
  now?: Date;
}

/** METHOD P1, P3, P4, G1, G3 over the sales lines, published for the app when unfiltered. */
export async function analyzeSales(context: AnalyzeContext, input: AnalyzeOptions): Promise<PortfolioReport> {
  const parsed = analyzeOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new KontorError('usage', parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const options = parsed.data;
  const trace = tracer('analyze');
  const range = await salesDateRange(context.analytic.connection);
  if (!range)
    throw new KontorError(
      'no_sales_data',
      'There are no sales lines yet. Import some first: kontor import sales FILE',
    );
  const window = analysisWindow(options, range, context.settings.analysisWindowMonths);
  const filters = Object.fromEntries(
    (['segment', 'region', 'owner'] as const).flatMap((key) => (options[key] ? [[key, options[key]]] : [])),
  );
  const filtered = Object.keys(filters).length > 0;
  const ids = filtered ? await listAccountIds(context.db, filters) : null;
  // DuckDB groups on its own threads while the operational store is read on this one.
  const [activity, overrides, potential] = await Promise.all([
    accountActivity(context.analytic.connection, window, ids),
    loadOverridesAndNames(context.db),
    loadPotentialInputs(context.db),
  ]);
  trace('figures (DuckDB), overrides and potential inputs');
  const achievable = context.settings.potential.achievableShare;
  // METHOD G1 potential: the larger of the model's predicted 12-month revenue and the share of wallet
  // still to win (wallet × achievable share − current revenue).
  const potentialOf = (id: string, revenue: number): number | null => {
    const predicted = potential.predicted.get(id);
    const wallet = potential.wallets.get(id);
    const fromWallet = wallet === undefined ? undefined : wallet * achievable - revenue;
    if (predicted === undefined) return fromWallet ?? null;
    return fromWallet === undefined ? predicted : Math.max(predicted, fromWallet);
  };
  const amount = (text: string | null) => (text === null ? null : Number(text));
  const figures: AccountFigures[] = activity.map((a) => {
    const revenue = Number(a.revenue);
    return {
      id: a.id,
      name: overrides.names.get(a.id) ?? a.id,
      revenue,
      cost: amount(a.cost),
      margin: amount(a.margin),
      previousRevenue: amount(a.previousRevenue),
      lastQuarterRevenue: amount(a.lastQuarterRevenue),
      sameQuarterLastYearRevenue: amount(a.sameQuarterLastYearRevenue),
      potential: potentialOf(a.id, revenue),
      manualClass: overrides.manualClass.get(a.id) ?? null,
      manualTier: overrides.manualTier.get(a.id) ?? null,
    };
  });
  trace('account figures');
  let analysis: ReturnType<typeof analyzePortfolio>;
  try {
    analysis = analyzePortfolio(figures, context.settings, options.by, {
      prioritisation: {
        customers: figures.length,
        abcPolicyInUse: true,
        serviceLevelsDiffer:
          context.settings.cadence.greenMaxDays < context.settings.cadence.transactionalMinDays,
      },
    });
  } catch (error) {
    if (error instanceof PortfolioError && error.code === 'no_margin_data') {
      throw new KontorError(
        'no_margin_data',
        'The sales data has no cost or margin column, so it cannot be ranked by margin. Use --by revenue, or import a file with cost or margin.',
      );
    }
    throw error;
  }
  trace('rules');
  const report = toReport({
    analysis,
    figures,
    activity,
    window,
    filters,
    currency: context.settings.currency,
  });
  if (options.publish && !filtered) {
    const published = await context.db.transaction().execute((trx) =>
      publishAnalysis(
        trx,
        report,
        analysis.rowPositions.map((position) => activity[position]),
        (context.now ?? new Date()).toISOString(),
        overrides.names,
      ),
    );
    report.snapshotId = published.snapshotId;
    report.changes = published.changes;
    trace('publish');
  }
  return report;
}
