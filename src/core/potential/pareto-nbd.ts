import { fitLogParams } from './fitting.js';
import { withNumericGradient } from './optimize.js';
import { type PreparedRfm, prepareRfm, requireRepeatCustomers } from './rfm.js';
import { lgamma, logAddExp, logHyp2f1APlus1, logSubExp } from './special.js';
import type { FitOptions, ParetoNbdFit, ParetoNbdParams, RfmData } from './types.js';

/**
 * Pareto/NBD likelihood (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model", eq. 22):
 *   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A0 ]
 * with A0 = (r+s+x) ∫_tx^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, in closed form a difference of two 2F1 terms:
 *   α >= β: A0 = F(s+1; α, tx) − F(s+1; α, T),  α < β: A0 = F(r+x; β, tx) − F(r+x; β, T),
 *   F(b'; m, u) = 2F1(r+s+x, b'; r+s+x+1; |α−β|/(m+u)) / (m+u)^(r+s+x).
 * Everything is kept in logs; the difference uses logSubExp.
 */

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** ln A0 for one customer; −∞ when tx = T (no room to have died after the last purchase). */
export function paretoNbdLogA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const big = Math.max(alpha, beta);
  const gap = Math.abs(alpha - beta);
  const b2 = alpha >= beta ? s + 1 : r + x;
  const first = logHyp2f1APlus1(rsx, b2, gap / (big + tx)) - rsx * Math.log(big + tx);
  const second = logHyp2f1APlus1(rsx, b2, gap / (big + T)) - rsx * Math.log(big + T);
  return logSubExp(first, second);
}

/** Total Pareto/NBD log-likelihood of the data (weights respected). */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, data: RfmData): number {
  return evaluate(prepareRfm(data), params);
}

function evaluate(data: PreparedRfm, p: ParetoNbdParams): number {
  const { r, alpha, s, beta } = p;
  const lgR = lgamma(r);
  let ll = data.totalWeight * (r * Math.log(alpha) + s * Math.log(beta) - lgR);
  for (let k = 0; k < data.uniqueX.length; k++) ll += data.weightByX[k] * lgamma(r + data.uniqueX[k]);
  const logS = Math.log(s);
  const { x, tx, T, weight } = data;
  for (let i = 0; i < data.rows; i++) {
    const alive = -(r + x[i]) * Math.log(alpha + T[i]) - s * Math.log(beta + T[i]);
    const died = logS - Math.log(r + s + x[i]) + paretoNbdLogA0(p, x[i], tx[i], T[i]);
    ll += weight[i] * logAddExp(alive, died);
  }
  return ll;
}

/**
 * Maximum-likelihood Pareto/NBD fit by BFGS on log-parameters. The 2F1 terms have no handy parameter
 * derivatives, so the gradient is taken by central differences.
 * Throws ModelFitError: no_repeat_customers, too_few_repeat_customers, did_not_converge, invalid_input.
 */
export function fitParetoNbd(data: RfmData, options: FitOptions = {}): ParetoNbdFit {
  const prepared = prepareRfm(data);
  requireRepeatCustomers(prepared, options.minRepeatCustomers ?? 10);
  const scale = 1 / prepared.totalWeight;
  // The 2F1 continued fractions and the A0 difference leave ~1e-12 relative noise in the likelihood;
  // a step of 1e-4 keeps the difference quotient's noise (~5e-8) and truncation (~1e-9) below the
  // gradient tolerance of 1e-6, which still pins the parameters to about 1e-4 relative.
  const objective = withNumericGradient((theta) => {
    const [r, alpha, s, beta] = Array.from(theta, Math.exp);
    const ll = evaluate(prepared, { r, alpha, s, beta });
    return Number.isFinite(ll) ? -ll * scale : Number.POSITIVE_INFINITY;
  }, 1e-4);
  const fit = fitLogParams('Pareto/NBD', NAMES, objective, defaultStart(prepared), options, 1e-6);
  const [r, alpha, s, beta] = fit.params;
  const params = { r, alpha, s, beta };
  return {
    params,
    logLikelihood: evaluate(prepared, params),
    iterations: fit.iterations,
    converged: fit.converged,
    customers: prepared.totalWeight,
  };
}

/** r = s = 1, α matched to the observed purchase rate and β = α (so the 2F1 terms start at z = 0). */
function defaultStart(prepared: PreparedRfm): number[] {
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < prepared.rows; i++) {
    purchases += prepared.weight[i] * prepared.x[i];
    exposure += prepared.weight[i] * prepared.T[i];
  }
  const alpha = purchases > 0 && exposure > 0 ? exposure / purchases : 1;
  return [1, alpha, 1, alpha];
}
