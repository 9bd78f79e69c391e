import { ModelFitError } from './errors.js';
import { minimizeBfgs, type Objective } from './optimize.js';
import type { FitOptions } from './types.js';

/** Parameters are optimised as logarithms so every step the optimiser tries stays positive. */
export interface LogSpaceFit {
  params: number[];
  iterations: number;
  converged: boolean;
}

// Beyond these the likelihood is flat in that direction: the data cannot pin the parameter down.
const LOG_PARAM_LIMIT = Math.log(1e8);

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
  const result = minimizeBfgs(objective, startLog, {
    maxIterations: options.maxIterations ?? 500,
    gradientTolerance,
  });
  const params = Array.from(result.x, Math.exp);
  const atBoundary = Array.from(result.x).some((v) => !(Math.abs(v) < LOG_PARAM_LIMIT));
  const converged = result.converged && Number.isFinite(result.f) && !atBoundary;
  if (!converged && !options.allowNonConvergence) {
    const where = names.map((name, i) => `${name}=${params[i].toPrecision(6)}`).join(', ');
    const why = atBoundary
      ? 'a parameter ran off to 0 or infinity (the data cannot identify it)'
      : `gradient still ${result.gradientNorm.toExponential(2)} after ${result.iterations} iterations`;
    throw new ModelFitError('did_not_converge', `${model} fit did not converge: ${why} (${where})`);
  }
  return { params, iterations: result.iterations, converged };
}
