import type { Kysely } from 'kysely';
import { salesDateRange } from '../analytics/account-activity.js';
import type { AnalyticStore } from '../analytics/analytic-store.js';
import { customerSummary, repeatEventsByDay } from '../analytics/customer-summary.js';
import {
  bgNbdModel,
  clv,
  collapseRfm,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  ModelFitError,
  paretoNbdModel,
  predictCustomers,
  type RfmData,
  type TransactionModel,
} from '../core/potential/index.js';
import type { Database } from '../db/schema.js';
import { KontorError } from '../errors.js';
import type { Settings } from '../settings/setting.schema.js';
import { publishPotential } from './potential.repository.js';
import {
  type AccountPotential,
  type PotentialOptions,
  type PotentialReport,
  potentialOptionsSchema,
} from './potential.schema.js';
import { validateOnHoldout } from './potential.validation.js';

export interface PotentialContext {
  analytic: AnalyticStore;
  db: Kysely<Database>;
  settings: Settings;
  now?: Date;
}

/** METHOD G1 "has the potential to get there": who will buy how much, from the customer-base models. */
export async function estimatePotential(
  context: PotentialContext,
  input: PotentialOptions,
): Promise<PotentialReport> {
  const parsed = potentialOptionsSchema.safeParse(input);
  if (!parsed.success)
    throw new KontorError('usage', parsed.error.issues.map((issue) => issue.message).join('; '));
  const options = parsed.data;
  const range = await salesDateRange(context.analytic.connection);
  if (!range)
    throw new KontorError(
      'no_sales_data',
      'There are no sales lines yet. Import some first: kontor import sales FILE',
    );
  const calibrationEnd = options.calibrationEnd ?? range.last;
  const daysPerUnit = options.unit === 'week' ? 7 : 1;
  const horizon = options.horizon ?? (options.unit === 'week' ? 52 : 365);
  const twelveMonths = options.unit === 'week' ? 52 : 365;
  const summary = await customerSummary(context.analytic.connection, {
    calibrationEnd,
    daysPerUnit,
    holdoutEnd: options.holdoutEnd,
  });
  const data: RfmData = { x: summary.x, tx: summary.tx, T: summary.T };
  const { model, fit } = fitting(() => fitTransactions(options.model, data));
  const spendFit = fitting(() => fitGammaGamma({ x: summary.x, zbar: summary.zbar }));
  const expected = predictCustomers(model, data, horizon);
  const expected12 = horizon === twelveMonths ? expected : predictCustomers(model, data, twelveMonths);
  const spend = Float64Array.from(summary.x, (x, i) =>
    Math.max(0, gammaGammaExpectedSpend(spendFit.params, x, summary.zbar[i]!)),
  );
  const years = (horizon * daysPerUnit) / 365;
  const discountRatePerStep = (1 + context.settings.potential.annualDiscountRate) ** (years / 12) - 1;
  const lifetime = clv(model, data, spend, { horizon, steps: 12, discountRatePerStep });
  const accounts: AccountPotential[] = summary.ids.map((id, i) => ({
    id,
    x: summary.x[i]!,
    tx: summary.tx[i]!,
    T: summary.T[i]!,
    zbar: summary.zbar[i]!,
    expectedTransactions: expected.expectedTransactions[i]!,
    probabilityAlive: expected.probabilityAlive[i]!,
    expectedSpend: spend[i]!,
    expectedRevenue: expected.expectedTransactions[i]! * spend[i]!,
    predicted12mRevenue: expected12.expectedTransactions[i]! * spend[i]!,
    clv: lifetime[i]!,
  }));
  const sum = (pick: (a: AccountPotential) => number) => accounts.reduce((total, a) => total + pick(a), 0);
  let validation: PotentialReport['validation'] = null;
  if (options.holdoutEnd) {
    const holdoutLength =
      (Date.parse(options.holdoutEnd) - Date.parse(calibrationEnd)) / 86_400_000 / daysPerUnit;
    const repeatsByDay = await repeatEventsByDay(context.analytic.connection, options.holdoutEnd);
    validation = validateOnHoldout(model, summary, {
      end: options.holdoutEnd,
      length: holdoutLength,
      daysPerUnit,
      repeatsByDay,
    });
  }
  const report: PotentialReport = {
    version: 1,
    calibration: { from: summary.origin, end: calibrationEnd, unit: options.unit, horizon },
    model: {
      name: options.model,
      params: { ...fit.params },
      logLikelihood: fit.logLikelihood,
      iterations: fit.iterations,
      converged: fit.converged,
    },
    spend: {
      params: spendFit.params,
      logLikelihood: spendFit.logLikelihood,
      frequencySpendCorrelation: spendFit.frequencySpendCorrelation,
      excludedNonPositiveSpend: spendFit.excludedNonPositiveSpend,
    },
    customers: accounts.length,
    repeatCustomers: accounts.filter((a) => a.x > 0).length,
    totals: {
      expectedTransactions: sum((a) => a.expectedTransactions),
      expectedRevenue: sum((a) => a.expectedRevenue),
      predicted12mRevenue: sum((a) => a.predicted12mRevenue),
      clv: sum((a) => a.clv),
    },
    validation,
    runId: null,
    accounts,
  };
  if (options.publish && !options.holdoutEnd) {
    const now = (context.now ?? new Date()).toISOString();
    report.runId = await context.db.transaction().execute((trx) => publishPotential(trx, report, now));
  }
  return report;
}

function fitTransactions(name: 'bgnbd' | 'pnbd', data: RfmData) {
  const collapsed = collapseRfm(data);
  if (name === 'bgnbd') {
    const fit = fitBgNbd(collapsed);
    return { fit, model: bgNbdModel(fit.params) as TransactionModel };
  }
  const fit = fitParetoNbd(collapsed);
  return { fit, model: paretoNbdModel(fit.params) as TransactionModel };
}

/** The models' own errors, in words for a sales analyst. */
function fitting<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ModelFitError) {
      const advice: Record<string, string> = {
        no_repeat_customers:
          'Every customer bought only once before the calibration end, so there is no repeat behaviour to learn from. Choose a later --calibration-end or import more history.',
        too_few_repeat_customers:
          'Too few customers bought more than once to estimate the model. Import more history or choose a later --calibration-end.',
        did_not_converge:
          'The model could not be fitted to this data. Try the other model (--model pnbd or bgnbd) or a different calibration period.',
      };
      throw new KontorError('model_fit_failed', `${error.message}. ${advice[error.code] ?? ''}`.trim());
    }
    throw error;
  }
}
