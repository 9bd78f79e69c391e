import { describe, expect, it } from 'vitest';
import {
  fitParetoNbd,
  ModelFitError,
  paretoNbdConditionalExpectedTransactions,
  paretoNbdExpectedTransactions,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfTransactions,
} from '../../../src/core/potential/index.js';
import { loadCdnowSummary, relativeError } from './cdnow-fixture.js';

const one = (x: number, tx: number, T: number) => ({
  x: Float64Array.of(x),
  tx: Float64Array.of(tx),
  T: Float64Array.of(T),
});
const BTYD = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 };

describe('Pareto/NBD likelihood of a single customer, against hand computation', () => {
  // L = Γ(r+x)/Γ(r) α^r β^s [(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) A0],
  // A0 = (r+s+x) ∫_tx^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ.

  it('x = 0, α = β (2F1 at z = 0): r = s = 1, α = β = 2, T = 8', () => {
    // A0 = 2 ∫_0^8 (2+τ)^−3 dτ = 1/4 − 1/100 = 24/100; L = 4 · [1/100 + (1/2)(24/100)] = 0.52.
    const ll = paretoNbdLogLikelihood({ r: 1, alpha: 2, s: 1, beta: 2 }, one(0, 0, 8));
    expect(ll).toBeCloseTo(Math.log(0.52), 13);
  });

  it('tx = T: no room to die after the last purchase, so A0 = 0', () => {
    // r = 1, α = 2, s = 1, β = 3, x = 1, tx = T = 5: L = 1 · 2 · 3 · 7^−2 · 8^−1 = 3/196.
    const ll = paretoNbdLogLikelihood({ r: 1, alpha: 2, s: 1, beta: 3 }, one(1, 5, 5));
    expect(ll).toBeCloseTo(Math.log(3 / 196), 13);
  });

  it('α < β and α > β: x = 1, tx = 2, T = 5, r = s = 1, {α, β} = {2, 3}', () => {
    // Either way A0/3 = ∫_2^5 (2+τ)^−2 (3+τ)^−2 dτ; with u = 2+τ, 1/(u²(u+1)²) = 1/u² + 1/(u+1)² − 2/u + 2/(u+1),
    // so the integral is 3/28 + 3/40 − 2 ln(35/32) = 0.0029185397634828776.
    // α = 2, β = 3: L = 6 · [7^−2 · 8^−1 + 0.00291853976…] → ln L = −3.4167976039303434.
    // α = 3, β = 2: L = 6 · [8^−2 · 7^−1 + 0.00291853976…] → ln L = −3.4768665561677893.
    expect(paretoNbdLogLikelihood({ r: 1, alpha: 2, s: 1, beta: 3 }, one(1, 2, 5))).toBeCloseTo(
      -3.4167976039303434,
      12,
    );
    expect(paretoNbdLogLikelihood({ r: 1, alpha: 3, s: 1, beta: 2 }, one(1, 2, 5))).toBeCloseTo(
      -3.4768665561677894,
      12,
    );
  });

  it('very large x (500) and x = 0 with BTYD estimates, against mpmath quadrature of A0', () => {
    // Same formula, A0 by numerical integration at 30 digits: 656.00017738279616 and −0.5208258005364686.
    expect(
      relativeError(paretoNbdLogLikelihood(BTYD, one(500, 38.5, 38.86)), 656.0001773827962),
    ).toBeLessThan(1e-12);
    expect(paretoNbdLogLikelihood(BTYD, one(0, 0, 38.86))).toBeCloseTo(-0.5208258005364687, 12);
  });
});

describe('fitParetoNbd on the CDNOW sample', () => {
  it('reproduces BTYD: r, α, s, β within 0.5% and log-likelihood −9594.976 within 0.05', () => {
    const fit = fitParetoNbd(loadCdnowSummary());
    expect(fit.converged).toBe(true);
    for (const name of ['r', 'alpha', 's', 'beta'] as const) {
      expect(relativeError(fit.params[name], BTYD[name])).toBeLessThan(0.005);
    }
    expect(Math.abs(fit.logLikelihood - -9594.976)).toBeLessThan(0.05);
    expect(Object.keys(fit.params)).toEqual(['r', 'alpha', 's', 'beta']);
  });

  it('refuses a base of one-time buyers with the typed error', () => {
    const n = 30;
    const run = () =>
      fitParetoNbd({ x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n).fill(9) });
    expect(run).toThrow(ModelFitError);
    expect(run).toThrow(/bought only once/);
  });
});

/** Simpson's rule with many panels: an independent check of the 2F1 closed forms. */
function integrate(f: (u: number) => number, from: number, to: number, panels = 20_000): number {
  const h = (to - from) / panels;
  let sum = f(from) + f(to);
  for (let i = 1; i < panels; i++) sum += (i % 2 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

describe('Pareto/NBD predictions', () => {
  const { r, alpha, s, beta } = BTYD;

  it('P(alive) matches 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0) with A0 integrated numerically', () => {
    for (const [x, tx, T] of [
      [2, 30.43, 38.86],
      [0, 0, 38.86],
      [26, 30.857, 31],
    ]) {
      const integral = integrate((u) => (alpha + u) ** -(r + x) * (beta + u) ** -(s + 1), tx, T);
      const odds = s * (alpha + T) ** (r + x) * (beta + T) ** s * integral;
      expect(paretoNbdProbabilityAlive(BTYD, x, tx, T)).toBeCloseTo(1 / (1 + odds), 9);
    }
  });

  it('E[Y(t) | x, tx, T] = (r+x)(β+T)/((α+T)(s−1)) · (1 − ((β+T)/(β+T+t))^(s−1)) · P(alive)', () => {
    const [x, tx, T, t] = [2, 30.43, 38.86, 39];
    const whileAlive =
      (((r + x) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1));
    expect(paretoNbdConditionalExpectedTransactions(BTYD, x, tx, T, t)).toBeCloseTo(
      whileAlive * paretoNbdProbabilityAlive(BTYD, x, tx, T),
      12,
    );
  });

  it('is continuous through s = 1', () => {
    const at = (value: number) => paretoNbdExpectedTransactions({ ...BTYD, s: value }, 52);
    expect(at(1)).toBeCloseTo((at(1 - 1e-6) + at(1 + 1e-6)) / 2, 8);
  });

  for (const params of [BTYD, { r: 0.553, alpha: 12.58, s: 1.606, beta: 5.656 }]) {
    const label = params.alpha < params.beta ? 'α < β' : 'α > β';
    it(`P(X(t) = k) sums to 1 and has mean E[X(t)] (${label})`, () => {
      for (const t of [5, 52, 200]) {
        let total = 0;
        let mean = 0;
        for (let k = 0; k <= 400; k++) {
          const probability = paretoNbdProbabilityOfTransactions(params, t, k);
          total += probability;
          mean += k * probability;
        }
        expect(total).toBeCloseTo(1, 8);
        expect(relativeError(mean, paretoNbdExpectedTransactions(params, t))).toBeLessThan(1e-7);
      }
    });

    it(`P(X(t) = k) matches direct integration over the death time (${label})`, () => {
      // P = NBD(k) (β/(β+t))^s + s β^s α^r Γ(r+k)/(Γ(r) k!) ∫_0^t τ^k (α+τ)^−(r+k) (β+τ)^−(s+1) dτ.
      const { r: pr, alpha: pa, s: ps, beta: pb } = params;
      const t = 52;
      let coefficient = 1; // Γ(r+k)/(Γ(r) k!)
      for (let k = 0; k <= 5; k++) {
        if (k > 0) coefficient *= (pr + k - 1) / k;
        const alive = coefficient * (pa / (pa + t)) ** pr * (t / (pa + t)) ** k * (pb / (pb + t)) ** ps;
        const died =
          ps *
          pb ** ps *
          pa ** pr *
          coefficient *
          integrate((u) => u ** k * (pa + u) ** -(pr + k) * (pb + u) ** -(ps + 1), 0, t);
        expect(paretoNbdProbabilityOfTransactions(params, t, k)).toBeCloseTo(alive + died, 10);
      }
    });
  }
});
