import { ModelFitError } from './errors.js';
import { minimizeBfgs, type Objective } from './optimize.js';
import type { FitOptions } from './types.js';

/** Parameters are optimised as logarithms so every step the optimiser tries stays positive. */
export interface LogSpaceFit {
  params: number[];
  iterations: number;
  converged: boolean;
}

// A parameter driven past 1e6 (or below 1e-6) means the likelihood keeps rising towards a limiting
// model (no dropout, no heterogeneity): the data cannot pin it down. The optimiser is walled in here,
// which also spares it the slow 2F1 evaluations far out, and a fit that ends near the wall is refused.
const LOG_PARAM_LIMIT = Math.log(1e6);
const NEAR_WALL = LOG_PARAM_LIMIT - Math.LN10;

/**
 * Minimises an objective over log-parameters and turns every way it can fail into a ModelFitError,
 * unless the caller asked to see non-converged fits.
 */
export function fitLogParams(
  model: string,
  names: readonly string[],
  objective: Objective,
  start: readonly number[],
  options: FitOptions,
  gradientTolerance: number,
): LogSpaceFit {
  const startLog = names.map((name, i) => Math.log(options.start?.[name] ?? start[i]));
  if (!startLog.every(Number.isFinite)) {
    throw new ModelFitError('invalid_input', `${model}: starting values must be positive numbers`);
  }
  const walled: Objective = (theta, grad) =>
    theta.some((v) => Math.abs(v) > LOG_PARAM_LIMIT) ? Number.POSITIVE_INFINITY : objective(theta, grad);
  const result = minimizeBfgs(walled, startLog, {
    maxIterations: options.maxIterations ?? 500,
    gradientTolerance,
  });
  const params = Array.from(result.x, Math.exp);
  const runaway = names.filter((_, i) => !(Math.abs(result.x[i]) < NEAR_WALL));
  const atBoundary = runaway.length > 0;
  const converged = result.converged && Number.isFinite(result.f) && !atBoundary;
  if (!converged && !options.allowNonConvergence) {
    const where = names.map((name, i) => `${name}=${params[i].toPrecision(6)}`).join(', ');
    const why = atBoundary
      ? `${runaway.join(' and ')} ran off towards 0 or infinity (the data cannot identify them)`
      : `gradient still ${result.gradientNorm.toExponential(2)} after ${result.iterations} iterations`;
    throw new ModelFitError('did_not_converge', `${model} fit did not converge: ${why} (${where})`);
  }
  return { params, iterations: result.iterations, converged };
}
