import { ModelFitError } from './errors.js';
import { fitLogParams } from './fitting.js';
import type { Objective } from './optimize.js';
import { digamma, lgamma } from './special.js';
import type { FitOptions, GammaGammaFit, GammaGammaParams, SpendData } from './types.js';

/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"). Density of
 * the mean zbar of x transactions, constants included:
 *   ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln zbar + px ln x − (px+q) ln(γ + x·zbar)
 */

const NAMES = ['p', 'q', 'gamma'] as const;

interface SpendRows {
  x: Float64Array;
  zbar: Float64Array;
  weight: Float64Array;
  logX: Float64Array;
  logZ: Float64Array;
  total: number;
  excluded: number;
}

/** Keeps the customers with x > 0 and a positive mean spend (the model has no room for zero or refunds). */
function spendRows(data: SpendData): SpendRows {
  const n = data.x.length;
  if (data.zbar.length !== n || (data.weight && data.weight.length !== n)) {
    throw new ModelFitError('invalid_input', 'x, zbar (and weight) must have the same length');
  }
  const keep: number[] = [];
  let excluded = 0;
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    if (!(Number.isInteger(x) && x >= 0))
      throw new ModelFitError('invalid_input', `row ${i}: x must be >= 0`);
    if (!Number.isFinite(data.zbar[i]))
      throw new ModelFitError('invalid_input', `row ${i}: zbar must be finite`);
    if (x === 0) continue;
    if (data.zbar[i] > 0) keep.push(i);
    else excluded += data.weight ? data.weight[i] : 1;
  }
  const pick = (source: ArrayLike<number>) => Float64Array.from(keep, (i) => source[i]);
  const x = pick(data.x);
  const zbar = pick(data.zbar);
  const weight = data.weight ? pick(data.weight) : new Float64Array(keep.length).fill(1);
  const total = weight.reduce((sum, w) => sum + w, 0);
  return { x, zbar, weight, logX: x.map(Math.log), logZ: zbar.map(Math.log), total, excluded };
}

function evaluate(rows: SpendRows, p: number, q: number, g: number, grad: Float64Array | null): number {
  const { x, zbar, weight, logX, logZ } = rows;
  const logG = Math.log(g);
  const lgQ = lgamma(q);
  const psiQ = grad ? digamma(q) : 0;
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dg = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    const w = weight[i];
    const logDen = Math.log(g + x[i] * zbar[i]);
    ll +=
      w *
      (lgamma(px + q) - lgamma(px) - lgQ + q * logG + (px - 1) * logZ[i] + px * logX[i] - (px + q) * logDen);
    if (grad) {
      const psiPQ = digamma(px + q);
      dp += w * x[i] * (psiPQ - digamma(px) + logZ[i] + logX[i] - logDen);
      dq += w * (psiPQ - psiQ + logG - logDen);
      dg += w * (q / g - (px + q) / (g + x[i] * zbar[i]));
    }
  }
  if (grad) {
    grad[0] = dp;
    grad[1] = dq;
    grad[2] = dg;
  }
  return ll;
}

/** Total Gamma-Gamma log-likelihood over the customers with x > 0. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  return evaluate(spendRows(data), params.p, params.q, params.gamma, null);
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the customers with x > 0, by BFGS on log-parameters with the
 * analytic gradient. Also reports the frequency–spend correlation the model assumes to be nil.
 */
export function fitGammaGamma(data: SpendData, options: FitOptions = {}): GammaGammaFit {
  const rows = spendRows(data);
  if (rows.total === 0) throw new ModelFitError('no_repeat_customers', 'no customer has a repeat purchase');
  const minimum = options.minRepeatCustomers ?? 10;
  if (rows.total < minimum) {
    throw new ModelFitError(
      'too_few_repeat_customers',
      `${rows.total} customers with spend, at least ${minimum} needed`,
    );
  }
  const scale = 1 / rows.total;
  const gradient = new Float64Array(3);
  const objective: Objective = (theta, grad) => {
    const [p, q, g] = Array.from(theta, Math.exp);
    const ll = evaluate(rows, p, q, g, gradient);
    grad[0] = -gradient[0] * p * scale;
    grad[1] = -gradient[1] * q * scale;
    grad[2] = -gradient[2] * g * scale;
    return -ll * scale;
  };
  const fit = fitLogParams('Gamma-Gamma', NAMES, objective, defaultStart(rows), options, 1e-9);
  const [p, q, gamma] = fit.params;
  return {
    params: { p, q, gamma },
    logLikelihood: evaluate(rows, p, q, gamma, null),
    iterations: fit.iterations,
    converged: fit.converged,
    customers: rows.total,
    excludedNonPositiveSpend: rows.excluded,
    frequencySpendCorrelation: nullIfNaN(pearson(rows.x, rows.zbar, rows.weight)),
  };
}

/** p = 1, q = 2 and γ set so the model's mean spend pγ/(q−1) equals the observed mean. */
function defaultStart(rows: SpendRows): number[] {
  let spend = 0;
  for (let i = 0; i < rows.x.length; i++) spend += rows.weight[i] * rows.zbar[i];
  return [1, 2, spend / rows.total];
}

/**
 * E[Z | x, zbar] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · zbar: the population mean shrunk towards
 * the customer's own mean as x grows. Customers with x = 0 get the population mean pγ/(q−1).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  if (x === 0) {
    if (!(q > 1)) throw new ModelFitError('no_finite_mean', `q = ${q} <= 1: the mean spend is infinite`);
    return (p * gamma) / (q - 1);
  }
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Weighted Pearson correlation; NaN when either variable is constant. */
export function pearson(u: ArrayLike<number>, v: ArrayLike<number>, weight?: ArrayLike<number>): number {
  let sw = 0;
  let su = 0;
  let sv = 0;
  for (let i = 0; i < u.length; i++) {
    const w = weight ? weight[i] : 1;
    sw += w;
    su += w * u[i];
    sv += w * v[i];
  }
  const mu = su / sw;
  const mv = sv / sw;
  let cuv = 0;
  let cuu = 0;
  let cvv = 0;
  for (let i = 0; i < u.length; i++) {
    const w = weight ? weight[i] : 1;
    cuv += w * (u[i] - mu) * (v[i] - mv);
    cuu += w * (u[i] - mu) ** 2;
    cvv += w * (v[i] - mv) ** 2;
  }
  return cuv / Math.sqrt(cuu * cvv);
}
