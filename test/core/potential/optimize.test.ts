import { describe, expect, it } from 'vitest';
import { minimizeBfgs, withNumericGradient } from '../../../src/core/potential/optimize.js';

/** Rosenbrock's banana, minimum 0 at (1, 1): the classic test of a quasi-Newton line search. */
function rosenbrock(x: Float64Array, grad: Float64Array): number {
  const [a, b] = x;
  grad[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  grad[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
}

describe('minimizeBfgs', () => {
  it('finds the Rosenbrock minimum from (−1.2, 1)', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
    expect(result.iterations).toBeLessThan(60);
  });

  it('backs off from points where the objective is undefined', () => {
    // f = −ln x − ln(1 − x) lives on (0, 1) with its minimum at 1/2; from 0.1 the first full step
    // (x + 8.9) lands where f is NaN.
    let undefinedProbes = 0;
    const f = (x: Float64Array, grad: Float64Array) => {
      const [v] = x;
      grad[0] = -1 / v + 1 / (1 - v);
      if (!(v > 0 && v < 1)) undefinedProbes++;
      return -Math.log(v) - Math.log(1 - v);
    };
    const result = minimizeBfgs(f, [0.1], { maxStep: 100 });
    expect(undefinedProbes).toBeGreaterThan(0);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(0.5, 8);
  });

  it('works with central-difference gradients', () => {
    const result = minimizeBfgs(
      withNumericGradient((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2),
      [0, 0],
      { gradientTolerance: 1e-7 },
    );
    expect(result.x[0]).toBeCloseTo(3, 6);
    expect(result.x[1]).toBeCloseTo(-1, 6);
  });
});
