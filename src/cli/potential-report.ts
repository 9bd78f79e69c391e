import type { PotentialReport } from '../potential/potential.schema.js';
import { formatCount, formatMoney, formatPercent, table } from './format.js';

const fixed = (value: number, digits = 3) => value.toFixed(digits);

export function renderPotential(report: PotentialReport, options: { accounts: number }): string {
  const out: string[] = [];
  const unit = report.calibration.unit === 'week' ? 'weeks' : 'days';
  out.push(
    `Customer potential from ${report.calibration.from} to ${report.calibration.end} (${unit}), horizon ${report.calibration.horizon} ${unit}`,
    '',
    `${formatCount(report.customers)} customers, ${formatCount(report.repeatCustomers)} bought more than once.`,
    `Model ${report.model.name === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'}: ${Object.entries(report.model.params)
      .map(([k, v]) => `${k} = ${fixed(v, 4)}`)
      .join(', ')}; log-likelihood ${report.model.logLikelihood.toFixed(3)}.`,
    `Spend (Gamma-Gamma): p = ${fixed(report.spend.params.p, 4)}, q = ${fixed(report.spend.params.q, 4)}, gamma = ${fixed(report.spend.params.gamma, 4)}; ` +
      `frequency–spend correlation ${report.spend.frequencySpendCorrelation === null ? '–' : fixed(report.spend.frequencySpendCorrelation)}` +
      (Math.abs(report.spend.frequencySpendCorrelation ?? 0) > 0.3
        ? ' (high: spend predictions are less reliable)'
        : ''),
    '',
    `Expected over the horizon: ${formatCount(Math.round(report.totals.expectedTransactions))} purchases, ${formatMoney(report.totals.expectedRevenue)} revenue; CLV ${formatMoney(report.totals.clv)}.`,
  );
  const v = report.validation;
  if (v) {
    out.push(
      '',
      `Holdout to ${v.holdoutEnd} (${fixed(v.holdoutLength, 2)} ${unit}): actual ${formatCount(v.actualRepeatTransactions)} repeat purchases, predicted ${fixed(v.predictedRepeatTransactions, 1)} (${formatPercent(v.totalError)}); per customer MAE ${fixed(v.mae)}, RMSE ${fixed(v.rmse)}.`,
    );
    out.push(
      table(
        ['Calibration purchases', 'Customers', 'Actual (mean)', 'Predicted (mean)'],
        v.byFrequency.map((row) => [
          row.frequency,
          formatCount(row.customers),
          fixed(row.actual),
          fixed(row.predicted),
        ]),
        [false, true, true, true],
      ),
    );
  }
  if (options.accounts > 0) {
    const top = [...report.accounts]
      .sort((a, b) => b.predicted12mRevenue - a.predicted12mRevenue)
      .slice(0, options.accounts);
    out.push(
      '',
      table(
        ['Account', 'Purchases', 'P(alive)', 'Exp. purchases', 'Exp. spend', '12-month revenue', 'CLV'],
        top.map((a) => [
          a.id,
          String(a.x + 1),
          fixed(a.probabilityAlive),
          fixed(a.expectedTransactions, 2),
          formatMoney(a.expectedSpend),
          formatMoney(a.predicted12mRevenue),
          formatMoney(a.clv),
        ]),
        [false, true, true, true, true, true, true],
      ),
    );
  }
  return out.join('\n');
}
