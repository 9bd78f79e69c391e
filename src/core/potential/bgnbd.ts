import { fitLogParams } from './fitting.js';
import type { Objective } from './optimize.js';
import { type PreparedRfm, prepareRfm, requireRepeatCustomers } from './rfm.js';
import { digamma, lgamma } from './special.js';
import type { BgNbdFit, BgNbdParams, FitOptions, RfmData } from './types.js';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, eq. 6), per customer:
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *          + ln[ (α+T)^−(r+x) + [x>0] a/(b+x−1) · (α+tx)^−(r+x) ]
 * The last term is a log-sum-exp of the "still alive" and "dropped out after the last purchase" cases.
 */

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Total BG/NBD log-likelihood of the data (weights respected). */
export function bgNbdLogLikelihood(params: BgNbdParams, data: RfmData): number {
  const prepared = prepareRfm(data);
  return evaluate(prepared, params.r, params.alpha, params.a, params.b, null);
}

/**
 * Maximum-likelihood BG/NBD fit by BFGS on (ln r, ln α, ln a, ln b) with the analytic gradient.
 * Throws ModelFitError: no_repeat_customers, too_few_repeat_customers, did_not_converge, invalid_input.
 */
export function fitBgNbd(data: RfmData, options: FitOptions = {}): BgNbdFit {
  const prepared = prepareRfm(data);
  requireRepeatCustomers(prepared, options.minRepeatCustomers ?? 10);
  const scale = 1 / prepared.totalWeight;
  const gradient = new Float64Array(4);
  // Mean negative log-likelihood, so the gradient tolerance means the same for 100 or 10^6 customers.
  const objective: Objective = (theta, grad) => {
    const [r, alpha, a, b] = Array.from(theta, Math.exp);
    const ll = evaluate(prepared, r, alpha, a, b, gradient);
    grad[0] = -gradient[0] * r * scale;
    grad[1] = -gradient[1] * alpha * scale;
    grad[2] = -gradient[2] * a * scale;
    grad[3] = -gradient[3] * b * scale;
    return -ll * scale;
  };
  const fit = fitLogParams('BG/NBD', NAMES, objective, defaultStart(prepared), options, 1e-9);
  const [r, alpha, a, b] = fit.params;
  return {
    params: { r, alpha, a, b },
    logLikelihood: evaluate(prepared, r, alpha, a, b, null),
    iterations: fit.iterations,
    converged: fit.converged,
    customers: prepared.totalWeight,
  };
}

/** r = 1 and α matched to the observed purchase rate; a = b = 1 is a uniform prior on dropout. */
function defaultStart(prepared: PreparedRfm): number[] {
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < prepared.rows; i++) {
    purchases += prepared.weight[i] * prepared.x[i];
    exposure += prepared.weight[i] * prepared.T[i];
  }
  const alpha = purchases > 0 && exposure > 0 ? exposure / purchases : 1;
  return [1, alpha, 1, 1];
}

/** Log-likelihood, and when `grad` is given the gradient w.r.t. (r, α, a, b) in natural scale. */
function evaluate(
  data: PreparedRfm,
  r: number,
  alpha: number,
  a: number,
  b: number,
  grad: Float64Array | null,
): number {
  const { uniqueX, weightByX } = data;
  const slots = uniqueX.length;
  // Terms that depend on x only, once per distinct x.
  const logB1 = new Float64Array(slots);
  const invB1 = new Float64Array(slots);
  let ll = data.totalWeight * (r * Math.log(alpha) - lgamma(r) + lgamma(a + b) - lgamma(b));
  let dr = data.totalWeight * (Math.log(alpha) - digamma(r));
  let da = data.totalWeight * digamma(a + b);
  let db = data.totalWeight * (digamma(a + b) - digamma(b));
  for (let k = 0; k < slots; k++) {
    const x = uniqueX[k];
    const w = weightByX[k];
    ll += w * (lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x));
    if (grad) {
      const psiABX = digamma(a + b + x);
      dr += w * digamma(r + x);
      da -= w * psiABX;
      db += w * (digamma(b + x) - psiABX);
    }
    if (x > 0) {
      logB1[k] = Math.log(b + x - 1);
      invB1[k] = 1 / (b + x - 1);
    }
  }
  const logA = Math.log(a);
  const { x, tx, T, weight, xSlot } = data;
  let dAlpha = (data.totalWeight * r) / alpha;
  let sumDropWeight = 0;
  for (let i = 0; i < data.rows; i++) {
    const w = weight[i];
    const rx = r + x[i];
    const aT = alpha + T[i];
    const logAT = Math.log(aT);
    if (x[i] === 0) {
      ll -= w * rx * logAT;
      dr -= w * logAT;
      dAlpha -= (w * rx) / aT;
      continue;
    }
    const atx = alpha + tx[i];
    const logAtx = Math.log(atx);
    const k = xSlot[i];
    // d = ln(dropped-out term) − ln(alive term); drop = its share of the sum (a logistic of d).
    const d = logA - logB1[k] - rx * (logAtx - logAT);
    let lse: number;
    let drop: number;
    if (d > 0) {
      const e = Math.exp(-d);
      lse = d + Math.log1p(e);
      drop = 1 / (1 + e);
    } else {
      const e = Math.exp(d);
      lse = Math.log1p(e);
      drop = e / (1 + e);
    }
    ll += w * (lse - rx * logAT);
    if (grad) {
      const alive = 1 - drop;
      dr -= w * (alive * logAT + drop * logAtx);
      dAlpha -= w * rx * (alive / aT + drop / atx);
      sumDropWeight += w * drop;
      db -= w * drop * invB1[k];
    }
  }
  if (grad) {
    grad[0] = dr;
    grad[1] = dAlpha;
    grad[2] = da + sumDropWeight / a;
    grad[3] = db;
  }
  return ll;
}
